-- CreateEnum
CREATE TYPE "FindingKind" AS ENUM ('FINDING', 'TINDAKAN_KOREKTIF', 'SARAN_PERBAIKAN', 'REKOMENDASI');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('OPEN', 'PLANNED', 'IN_PROGRESS', 'DONE', 'VERIFIED', 'REOPENED');

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "lokusId" TEXT,
    "indicator" TEXT,
    "kind" "FindingKind" NOT NULL,
    "organisationId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "text" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'OPEN',
    "raisedBy" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL,
    "note" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Finding_organisationId_idx" ON "Finding"("organisationId");

-- CreateIndex
CREATE INDEX "Finding_subjectId_idx" ON "Finding"("subjectId");

-- CreateIndex
CREATE INDEX "Finding_cycleId_provinceCode_idx" ON "Finding"("cycleId", "provinceCode");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_idx" ON "Finding"("assessmentId");

-- CreateIndex
CREATE INDEX "Finding_status_dueOn_idx" ON "Finding"("status", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUp_findingId_at_idx" ON "FollowUp"("findingId", "at");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_lokusId_fkey" FOREIGN KEY ("lokusId") REFERENCES "Lokus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
