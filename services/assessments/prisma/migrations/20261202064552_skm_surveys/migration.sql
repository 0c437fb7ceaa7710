-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('OPEN', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SkmWeighting" AS ENUM ('EXACT', 'ANNEX');

-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('UNDER_20', 'FROM_20_TO_29', 'FROM_30_TO_39', 'FROM_40_TO_49', 'FROM_50_TO_59', 'FROM_60');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('LAKI_LAKI', 'PEREMPUAN');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('SD', 'SMP', 'SMA', 'DIPLOMA', 'S1', 'S2_OR_HIGHER');

-- CreateEnum
CREATE TYPE "Occupation" AS ENUM ('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA');

-- CreateTable
CREATE TABLE "SurveyPeriod" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "population" INTEGER NOT NULL,
    "weighting" "SkmWeighting" NOT NULL DEFAULT 'EXACT',
    "status" "SurveyStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "assessmentId" TEXT,

    CONSTRAINT "SurveyPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "answers" INTEGER[],
    "ageBand" "AgeBand",
    "sex" "Sex",
    "education" "Education",
    "occupation" "Occupation",
    "service" TEXT,
    "respondedOn" DATE,
    "enteredBy" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPeriod_assessmentId_key" ON "SurveyPeriod"("assessmentId");

-- CreateIndex
CREATE INDEX "SurveyPeriod_organisationId_idx" ON "SurveyPeriod"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPeriod_cycleId_organisationId_key" ON "SurveyPeriod"("cycleId", "organisationId");

-- CreateIndex
CREATE INDEX "SurveyResponse_periodId_idx" ON "SurveyResponse"("periodId");

-- AddForeignKey
ALTER TABLE "SurveyPeriod" ADD CONSTRAINT "SurveyPeriod_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SurveyPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;
