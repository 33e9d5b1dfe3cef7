-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "applicantTypes" TEXT NOT NULL DEFAULT '["registered_charity","cio","cic","company_limited_by_guarantee","unincorporated_group","social_enterprise"]';

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "formRules" TEXT NOT NULL DEFAULT '';

-- Round slugs become unique across funds (ADR 0025). Where two funds shared a slug, the public
-- address already showed the most recently opened round: that round keeps the slug and any
-- other takes the slug of its fund as a prefix.
UPDATE "Round" SET "slug" = (SELECT "Fund"."slug" FROM "Fund" WHERE "Fund"."id" = "Round"."fundId") || '-' || "slug"
WHERE EXISTS (
    SELECT 1 FROM "Round" AS "other"
    WHERE "other"."slug" = "Round"."slug"
      AND ("other"."opensAt" > "Round"."opensAt" OR ("other"."opensAt" = "Round"."opensAt" AND "other"."id" < "Round"."id"))
);

-- DropIndex
DROP INDEX "Round_fundId_slug_key";

-- CreateIndex
CREATE UNIQUE INDEX "Round_slug_key" ON "Round"("slug");
