-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "score" DOUBLE PRECISION;
