-- CreateEnum
CREATE TYPE "SelfEvaluationStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "SelfEvaluation" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "status" "SelfEvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "exactTotal" DOUBLE PRECISION,
    "total" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "SelfEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfScore" (
    "selfEvaluationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "scoredBy" TEXT NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfScore_pkey" PRIMARY KEY ("selfEvaluationId","key")
);

-- CreateIndex
CREATE INDEX "SelfEvaluation_organisationId_idx" ON "SelfEvaluation"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfEvaluation_cycleId_organisationId_key" ON "SelfEvaluation"("cycleId", "organisationId");

-- AddForeignKey
ALTER TABLE "SelfEvaluation" ADD CONSTRAINT "SelfEvaluation_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfScore" ADD CONSTRAINT "SelfScore_selfEvaluationId_fkey" FOREIGN KEY ("selfEvaluationId") REFERENCES "SelfEvaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
