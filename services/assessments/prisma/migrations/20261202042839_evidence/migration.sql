-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "lokusId" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_lokusId_indicator_idx" ON "Evidence"("lokusId", "indicator");

-- CreateIndex
CREATE INDEX "Evidence_sha256_idx" ON "Evidence"("sha256");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_lokusId_fkey" FOREIGN KEY ("lokusId") REFERENCES "Lokus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
