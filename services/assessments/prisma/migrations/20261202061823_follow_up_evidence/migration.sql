-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "findingId" TEXT,
ALTER COLUMN "lokusId" DROP NOT NULL,
ALTER COLUMN "indicator" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Evidence_findingId_idx" ON "Evidence"("findingId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one target: a lokus's indicator, or a finding.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_one_target" CHECK (
  ("lokusId" IS NOT NULL AND "indicator" IS NOT NULL AND "findingId" IS NULL)
  OR ("lokusId" IS NULL AND "indicator" IS NULL AND "findingId" IS NOT NULL)
);
