-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RegencyKind" AS ENUM ('KABUPATEN', 'KOTA');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('NATIONAL_AGENCY', 'OMBUDSMAN_OFFICE', 'PROVINCIAL_GOVERNMENT', 'REGENCY_GOVERNMENT', 'CITY_GOVERNMENT', 'OPD', 'SERVICE_UNIT', 'PUBLIC_SERVICE_MALL');

-- CreateTable
CREATE TABLE "Province" (
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Regency" (
    "code" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RegencyKind" NOT NULL,
    "provinceCode" VARCHAR(2) NOT NULL,

    CONSTRAINT "Regency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "parentId" TEXT,
    "provinceCode" VARCHAR(2),
    "regencyCode" VARCHAR(5),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Regency_provinceCode_idx" ON "Regency"("provinceCode");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "Organisation_provinceCode_idx" ON "Organisation"("provinceCode");

-- CreateIndex
CREATE INDEX "Organisation_regencyCode_idx" ON "Organisation"("regencyCode");

-- AddForeignKey
ALTER TABLE "Regency" ADD CONSTRAINT "Regency_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regencyCode_fkey" FOREIGN KEY ("regencyCode") REFERENCES "Regency"("code") ON DELETE SET NULL ON UPDATE CASCADE;
