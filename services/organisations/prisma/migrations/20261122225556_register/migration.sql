-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('KESEHATAN', 'PENDIDIKAN', 'KEPENDUDUKAN', 'PERIZINAN', 'SOSIAL', 'KETENAGAKERJAAN', 'PERHUBUNGAN', 'PEKERJAAN_UMUM', 'TATA_KELOLA', 'PENGAWASAN', 'PEMERINTAHAN_UMUM');

-- CreateEnum
CREATE TYPE "OrganisationStatus" AS ENUM ('ACTIVE', 'MERGED', 'DISSOLVED');

-- CreateEnum
CREATE TYPE "MallStatus" AS ENUM ('IN_PREPARATION', 'OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "endedOn" DATE,
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "sector" "Sector",
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceReference" TEXT,
ADD COLUMN     "status" "OrganisationStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Backfill the rows the first migration's seed wrote (all regional governments from the region
-- data, whose names carry no accents), then require the columns.
UPDATE "Organisation"
   SET "searchText" = lower("name") || coalesce(' ' || lower("shortName"), ''),
       "source" = 'idn-area-data (Kepmendagri 300.2.2-2138/2025)';
ALTER TABLE "Organisation" ALTER COLUMN "searchText" SET NOT NULL,
                           ALTER COLUMN "source" SET NOT NULL;

-- CreateTable
CREATE TABLE "PublicServiceMall" (
    "organisationId" TEXT NOT NULL,
    "status" "MallStatus" NOT NULL,
    "address" TEXT,
    "openedOn" DATE,
    "serviceCount" INTEGER,

    CONSTRAINT "PublicServiceMall_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "MallTenant" (
    "mallId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,

    CONSTRAINT "MallTenant_pkey" PRIMARY KEY ("mallId","tenantId")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MallTenant_tenantId_idx" ON "MallTenant"("tenantId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Organisation_sector_idx" ON "Organisation"("sector");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicServiceMall" ADD CONSTRAINT "PublicServiceMall_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MallTenant" ADD CONSTRAINT "MallTenant_mallId_fkey" FOREIGN KEY ("mallId") REFERENCES "PublicServiceMall"("organisationId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MallTenant" ADD CONSTRAINT "MallTenant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
