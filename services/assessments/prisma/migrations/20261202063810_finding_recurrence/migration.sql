-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "recursId" TEXT;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_recursId_fkey" FOREIGN KEY ("recursId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;
