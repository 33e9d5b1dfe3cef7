-- AlterTable
ALTER TABLE "Bid" ADD COLUMN "startToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Bid_startToken_key" ON "Bid"("startToken");

