-- CreateEnum
CREATE TYPE "VerificationStage" AS ENUM ('ADMINISTRATIVE', 'FIELD', 'FINAL');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('DRAFTING', 'IN_REVIEW', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('ACCEPT', 'RETURN');

-- AlterTable
ALTER TABLE "Lokus" ADD COLUMN     "assessedBy" TEXT,
ADD COLUMN     "review" "ReviewState" NOT NULL DEFAULT 'DRAFTING',
ADD COLUMN     "stage" "VerificationStage";

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "lokusId" TEXT NOT NULL,
    "stage" "VerificationStage" NOT NULL,
    "verifier" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationComment" (
    "verificationId" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "VerificationComment_pkey" PRIMARY KEY ("verificationId","indicator")
);

-- CreateIndex
CREATE INDEX "Verification_lokusId_decidedAt_idx" ON "Verification"("lokusId", "decidedAt");

-- AddForeignKey
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_lokusId_fkey" FOREIGN KEY ("lokusId") REFERENCES "Lokus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationComment" ADD CONSTRAINT "VerificationComment_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "Verification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Lokus recorded before stages existed: those of verified and published assessments passed
-- verification, those of submitted ones wait for its first stage.
UPDATE "Lokus" SET "review" = 'ACCEPTED'
  WHERE "assessmentId" IN (SELECT "id" FROM "Assessment" WHERE "status" IN ('VERIFIED', 'PUBLISHED'));
UPDATE "Lokus" SET "review" = 'IN_REVIEW', "stage" = 'ADMINISTRATIVE'
  WHERE "assessmentId" IN (SELECT "id" FROM "Assessment" WHERE "status" = 'SUBMITTED');
