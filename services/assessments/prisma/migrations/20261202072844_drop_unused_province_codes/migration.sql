-- AlterTable
ALTER TABLE "SurveyPeriod" DROP COLUMN "provinceCode";

-- AlterTable
ALTER TABLE "SelfEvaluation" DROP COLUMN "provinceCode";
