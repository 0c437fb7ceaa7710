-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Lokus" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "exactTotal" DROP NOT NULL,
ALTER COLUMN "total" DROP NOT NULL;

-- CreateTable
CREATE TABLE "IndicatorScore" (
    "lokusId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "scoredBy" TEXT NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorScore_pkey" PRIMARY KEY ("lokusId","key")
);

-- AddForeignKey
ALTER TABLE "IndicatorScore" ADD CONSTRAINT "IndicatorScore_lokusId_fkey" FOREIGN KEY ("lokusId") REFERENCES "Lokus"("id") ON DELETE CASCADE ON UPDATE CASCADE;
