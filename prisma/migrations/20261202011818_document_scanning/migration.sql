-- Malware scanning of uploaded documents (docs/decisions/0022-malware-scanning-of-documents.md).
-- AlterTable: columns added in place, so the CHECK constraints already on these tables stay.
-- Rows from before scanning existed were never scanned: 'not_scanned'.
ALTER TABLE "BidDocument" ADD COLUMN "scanStatus" TEXT NOT NULL DEFAULT 'not_scanned' CONSTRAINT "BidDocument_scanStatus_check" CHECK ("scanStatus" IN ('pending','clean','infected','error','not_scanned'));
ALTER TABLE "BidDocument" ADD COLUMN "scannedAt" DATETIME;
ALTER TABLE "BidDocument" ADD COLUMN "scanSignature" TEXT;
ALTER TABLE "ReportDocument" ADD COLUMN "scanStatus" TEXT NOT NULL DEFAULT 'not_scanned' CONSTRAINT "ReportDocument_scanStatus_check" CHECK ("scanStatus" IN ('pending','clean','infected','error','not_scanned'));
ALTER TABLE "ReportDocument" ADD COLUMN "scannedAt" DATETIME;
ALTER TABLE "ReportDocument" ADD COLUMN "scanSignature" TEXT;

-- CreateIndex
CREATE INDEX "BidDocument_scanStatus_idx" ON "BidDocument"("scanStatus");

-- CreateIndex
CREATE INDEX "ReportDocument_scanStatus_idx" ON "ReportDocument"("scanStatus");
