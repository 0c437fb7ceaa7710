-- AlterTable
ALTER TABLE "AssessmentCycle" ADD COLUMN     "announcedOn" DATE;
