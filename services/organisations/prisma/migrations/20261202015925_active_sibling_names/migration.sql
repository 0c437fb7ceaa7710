-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "nameKey" TEXT;

-- Backfill: searchKey() of the name as the application computes it (lower case, the accents of
-- Latin letters removed, white space collapsed). The region data and the seeded bodies carry no
-- accents, and the translation covers what an administrator may have typed.
UPDATE "Organisation"
   SET "nameKey" = btrim(regexp_replace(lower(translate("name",
         'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÇçÑñÝýÿ',
         'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy')), '\s+', ' ', 'g'));
ALTER TABLE "Organisation" ALTER COLUMN "nameKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_active_sibling_name" ON "Organisation"("parentId", "nameKey") WHERE (status = 'ACTIVE');

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_active_top_level_name" ON "Organisation"("nameKey") WHERE ("parentId" IS NULL) AND (status = 'ACTIVE'::"OrganisationStatus");
