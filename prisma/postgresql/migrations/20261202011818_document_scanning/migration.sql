-- AlterTable
ALTER TABLE "BidDocument" ADD COLUMN     "scanSignature" TEXT,
ADD COLUMN     "scanStatus" TEXT NOT NULL DEFAULT 'not_scanned',
ADD COLUMN     "scannedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReportDocument" ADD COLUMN     "scanSignature" TEXT,
ADD COLUMN     "scanStatus" TEXT NOT NULL DEFAULT 'not_scanned',
ADD COLUMN     "scannedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "BidDocument_scanStatus_idx" ON "BidDocument"("scanStatus");

-- CreateIndex
CREATE INDEX "ReportDocument_scanStatus_idx" ON "ReportDocument"("scanStatus");

-- Invariants the application relies on (kept in step with the SQLite migration's CHECKs)
ALTER TABLE "BidDocument" ADD CONSTRAINT "BidDocument_scanStatus_check" CHECK ("scanStatus" IN ('pending','clean','infected','error','not_scanned'));
ALTER TABLE "ReportDocument" ADD CONSTRAINT "ReportDocument_scanStatus_check" CHECK ("scanStatus" IN ('pending','clean','infected','error','not_scanned'));
