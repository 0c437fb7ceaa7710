-- CreateEnum
CREATE TYPE "PeerGroup" AS ENUM ('PROVINCE', 'REGENCY', 'CITY', 'MINISTRY', 'AGENCY', 'OTHER');

-- DropIndex
DROP INDEX "Assessment_cycleId_subjectLevel_provinceCode_idx";

-- AlterTable: the peer group replaces the level, and kabupaten and kota part (Kemendagri codes
-- NN.71-NN.99 are kota). National bodies stay OTHER until they are written again, when the
-- register says whether each is a ministry or an agency.
ALTER TABLE "Assessment" ADD COLUMN     "finding" TEXT,
ADD COLUMN     "peerGroup" "PeerGroup";
UPDATE "Assessment" SET "peerGroup" = (CASE
  WHEN "subjectLevel" = 'PROVINCE' THEN 'PROVINCE'
  WHEN "subjectLevel" = 'REGENCY' AND substring("subjectId" from 4 for 2)::int >= 71 THEN 'CITY'
  WHEN "subjectLevel" = 'REGENCY' THEN 'REGENCY'
  ELSE 'OTHER' END)::"PeerGroup";
ALTER TABLE "Assessment" ALTER COLUMN "peerGroup" SET NOT NULL,
DROP COLUMN "subjectLevel";

-- DropEnum
DROP TYPE "SubjectLevel";

-- CreateIndex
CREATE INDEX "Assessment_cycleId_peerGroup_provinceCode_idx" ON "Assessment"("cycleId", "peerGroup", "provinceCode");
