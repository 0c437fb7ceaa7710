-- CreateIndex
CREATE UNIQUE INDEX "Assessment_one_current_revision" ON "Assessment"("cycleId", "subjectId") WHERE (current);
