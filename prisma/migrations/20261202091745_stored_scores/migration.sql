-- Each bid's score as the ranking reads it (ADR 0028). Added column by column rather than by
-- redefining the table, which would drop the hand-written CHECK constraints on "Bid".
-- AlterTable
ALTER TABLE "Bid" ADD COLUMN "scoreKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Bid" ADD COLUMN "valueForMoneyKey" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Bid" ADD COLUMN "countedAssessments" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Bid" ADD COLUMN "needsModeration" BOOLEAN NOT NULL DEFAULT false;
-- Every existing bid starts not current: the portal records its score before it first ranks the
-- round (the exact score needs the scoring code, not SQL).
ALTER TABLE "Bid" ADD COLUMN "scoreCurrent" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Bid_roundId_scoreKey_valueForMoneyKey_amountRequestedPence_submittedAt_reference_id_status_screeningDecision_idx" ON "Bid"("roundId", "scoreKey" DESC, "valueForMoneyKey" DESC, "amountRequestedPence", "submittedAt", "reference", "id", "status", "screeningDecision");

-- CreateIndex
CREATE INDEX "Bid_roundId_scoreCurrent_idx" ON "Bid"("roundId", "scoreCurrent");
