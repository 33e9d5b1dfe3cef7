-- AlterTable: columns added in place, so the Round table's CHECK constraints stay
ALTER TABLE "Round" ADD COLUMN "eoiClosesAt" DATETIME;
ALTER TABLE "Round" ADD COLUMN "invitationCapPence" INTEGER CHECK ("invitationCapPence" IS NULL OR "invitationCapPence" >= 0);
ALTER TABLE "Round" ADD COLUMN "invitationsSentAt" DATETIME;

-- CreateTable
CREATE TABLE "ExpressionOfInterest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "startToken" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "areaIds" TEXT NOT NULL DEFAULT '[]',
    "priorityIds" TEXT NOT NULL DEFAULT '[]',
    "amountRequestedPence" INTEGER,
    "submittedAt" DATETIME,
    "reviewDecision" TEXT,
    "reviewScore" INTEGER,
    "feedback" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "decidedAt" DATETIME,
    "bidId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpressionOfInterest_status_check" CHECK ("status" IN ('draft','submitted','invited','not_invited')),
    CONSTRAINT "ExpressionOfInterest_reviewDecision_check" CHECK ("reviewDecision" IS NULL OR "reviewDecision" IN ('eligible','ineligible')),
    CONSTRAINT "ExpressionOfInterest_reviewScore_check" CHECK ("reviewScore" IS NULL OR "reviewScore" BETWEEN 1 AND 5),
    CONSTRAINT "ExpressionOfInterest_amountRequestedPence_check" CHECK ("amountRequestedPence" IS NULL OR "amountRequestedPence" > 0),
    CONSTRAINT "ExpressionOfInterest_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExpressionOfInterest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExpressionOfInterest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExpressionOfInterest_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ExpressionOfInterest_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ExpressionOfInterest_startToken_key" ON "ExpressionOfInterest"("startToken");

-- CreateIndex
CREATE UNIQUE INDEX "ExpressionOfInterest_bidId_key" ON "ExpressionOfInterest"("bidId");

-- CreateIndex
CREATE INDEX "ExpressionOfInterest_roundId_status_idx" ON "ExpressionOfInterest"("roundId", "status");

-- CreateIndex
CREATE INDEX "ExpressionOfInterest_organisationId_idx" ON "ExpressionOfInterest"("organisationId");

