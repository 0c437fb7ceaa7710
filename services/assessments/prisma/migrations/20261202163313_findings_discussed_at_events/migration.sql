-- CreateTable
CREATE TABLE "FindingDiscussion" (
    "findingId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingDiscussion_pkey" PRIMARY KEY ("findingId","eventId")
);

-- CreateIndex
CREATE INDEX "FindingDiscussion_eventId_idx" ON "FindingDiscussion"("eventId");

-- AddForeignKey
ALTER TABLE "FindingDiscussion" ADD CONSTRAINT "FindingDiscussion_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
