-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Framework" AS ENUM ('OMBUDSMAN_COMPLIANCE', 'IPP', 'SKM', 'SPBE');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFIED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ScoreOrigin" AS ENUM ('COMPUTED', 'PUBLISHED_TOTAL');

-- CreateEnum
CREATE TYPE "SubjectLevel" AS ENUM ('PROVINCE', 'REGENCY', 'OTHER');

-- CreateTable
CREATE TABLE "AssessmentCycle" (
    "id" TEXT NOT NULL,
    "framework" "Framework" NOT NULL,
    "year" INTEGER NOT NULL,
    "period" TEXT NOT NULL DEFAULT '',
    "methodologyId" TEXT NOT NULL,
    "status" "CycleStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectLevel" "SubjectLevel" NOT NULL,
    "provinceCode" VARCHAR(2),
    "assessorId" TEXT,
    "status" "AssessmentStatus" NOT NULL,
    "origin" "ScoreOrigin" NOT NULL,
    "total" DOUBLE PRECISION,
    "methodologyId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentCycle_framework_year_period_key" ON "AssessmentCycle"("framework", "year", "period");

-- CreateIndex
CREATE INDEX "Assessment_subjectId_idx" ON "Assessment"("subjectId");

-- CreateIndex
CREATE INDEX "Assessment_cycleId_subjectLevel_provinceCode_idx" ON "Assessment"("cycleId", "subjectLevel", "provinceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_cycleId_subjectId_revision_key" ON "Assessment"("cycleId", "subjectId", "revision");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
