-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Lokus" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "exactTotal" DOUBLE PRECISION NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Lokus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComponentScore" (
    "lokusId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ComponentScore_pkey" PRIMARY KEY ("lokusId","key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lokus_assessmentId_unitId_key" ON "Lokus"("assessmentId", "unitId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- AddForeignKey
ALTER TABLE "Lokus" ADD CONSTRAINT "Lokus_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentScore" ADD CONSTRAINT "ComponentScore_lokusId_fkey" FOREIGN KEY ("lokusId") REFERENCES "Lokus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
