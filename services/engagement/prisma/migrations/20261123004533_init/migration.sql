-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('NOTA_KESEPAKATAN', 'MOU', 'PERJANJIAN_KERJA_SAMA');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('RAKOR', 'WORKSHOP_PENDAMPINGAN', 'SOSIALISASI', 'BIMTEK', 'PENGANUGERAHAN');

-- CreateEnum
CREATE TYPE "EventRole" AS ENUM ('HOST', 'SPEAKER', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "Framework" AS ENUM ('OMBUDSMAN_COMPLIANCE', 'IPP', 'SKM', 'SPBE');

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "subject" TEXT,
    "signedOn" DATE NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "documentReference" TEXT,
    "eventId" TEXT,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementParty" (
    "agreementId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceCode" VARCHAR(2),
    "role" TEXT,
    "signatoryName" TEXT,
    "signatoryPosition" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AgreementParty_pkey" PRIMARY KEY ("agreementId","organisationId")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "venue" TEXT,
    "provinceCode" VARCHAR(2),
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "framework" "Framework",
    "cycleId" TEXT,
    "summary" TEXT,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventOrganisation" (
    "eventId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "EventRole" NOT NULL,

    CONSTRAINT "EventOrganisation_pkey" PRIMARY KEY ("eventId","organisationId","role")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "recipientProvinceCode" VARCHAR(2),
    "awardingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "cycleId" TEXT,
    "assessmentId" TEXT,
    "awardedOn" DATE NOT NULL,
    "eventId" TEXT,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "Agreement_validUntil_idx" ON "Agreement"("validUntil");

-- CreateIndex
CREATE INDEX "AgreementParty_organisationId_idx" ON "AgreementParty"("organisationId");

-- CreateIndex
CREATE INDEX "AgreementParty_provinceCode_idx" ON "AgreementParty"("provinceCode");

-- CreateIndex
CREATE INDEX "Event_startsOn_idx" ON "Event"("startsOn");

-- CreateIndex
CREATE INDEX "Event_cycleId_idx" ON "Event"("cycleId");

-- CreateIndex
CREATE INDEX "Event_provinceCode_startsOn_idx" ON "Event"("provinceCode", "startsOn");

-- CreateIndex
CREATE INDEX "EventOrganisation_organisationId_idx" ON "EventOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "Award_recipientId_idx" ON "Award"("recipientId");

-- CreateIndex
CREATE INDEX "Award_cycleId_idx" ON "Award"("cycleId");

-- CreateIndex
CREATE INDEX "Award_recipientProvinceCode_awardedOn_idx" ON "Award"("recipientProvinceCode", "awardedOn");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventOrganisation" ADD CONSTRAINT "EventOrganisation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
