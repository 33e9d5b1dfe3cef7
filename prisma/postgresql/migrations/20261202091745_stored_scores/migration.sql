-- Each bid's score as the ranking reads it (ADR 0028). Every existing bid starts not current:
-- the portal records its score before it first ranks the round (the exact score needs the
-- scoring code, not SQL).
-- AlterTable
ALTER TABLE "Bid" ADD COLUMN     "countedAssessments" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "needsModeration" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scoreCurrent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scoreKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "valueForMoneyKey" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Bid_roundId_scoreKey_valueForMoneyKey_amountRequestedPence__idx" ON "Bid"("roundId", "scoreKey" DESC, "valueForMoneyKey" DESC, "amountRequestedPence", "submittedAt", "reference", "id", "status", "screeningDecision");

-- CreateIndex
CREATE INDEX "Bid_roundId_scoreCurrent_idx" ON "Bid"("roundId", "scoreCurrent");

