-- After the decision: award acceptance, monitoring reports and returned money. CHECK constraints
-- are written by hand (kept in step with the PostgreSQL migration).
-- CreateTable
CREATE TABLE "AwardReturn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "awardId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AwardReturn_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AwardReturn_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AwardReturn_amount_check" CHECK ("amountPence" > 0),
    CONSTRAINT "AwardReturn_kind_check" CHECK ("kind" IN ('returned','clawed_back'))
);

-- CreateTable
CREATE TABLE "ReportStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "relativeTo" TEXT NOT NULL,
    "offsetDays" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReportStage_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportStage_relativeTo_check" CHECK ("relativeTo" IN ('start','midpoint','end'))
);

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "awardId" TEXT NOT NULL,
    "stageId" TEXT,
    "title" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'due',
    "progress" TEXT NOT NULL DEFAULT '',
    "challenges" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MonitoringReport_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MonitoringReport_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ReportStage" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MonitoringReport_status_check" CHECK ("status" IN ('due','draft','submitted','changes_requested','accepted'))
);

-- CreateTable
CREATE TABLE "ReportOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "bidOutcomeId" TEXT NOT NULL,
    "achievedValue" INTEGER,
    "commentary" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ReportOutcome_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportOutcome_bidOutcomeId_fkey" FOREIGN KEY ("bidOutcomeId") REFERENCES "BidOutcome" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportBudgetLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "spentPence" INTEGER NOT NULL,
    CONSTRAINT "ReportBudgetLine_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportBudgetLine_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReportBudgetLine_spent_check" CHECK ("spentPence" >= 0)
);

-- CreateTable
CREATE TABLE "ReportDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportDocument_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportDocument_size_check" CHECK ("sizeBytes" >= 0)
);

-- Round: two settings, added in place (redefining the table would lose its CHECK constraints).
ALTER TABLE "Round" ADD COLUMN "acceptanceDays" INTEGER NOT NULL DEFAULT 28 CHECK ("acceptanceDays" BETWEEN 1 AND 365);
ALTER TABLE "Round" ADD COLUMN "shareScoresWithApplicants" BOOLEAN NOT NULL DEFAULT false;

-- Award: redefined with its CHECK constraints kept and the new states and returned money added.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Award" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "pccFundedPence" INTEGER NOT NULL,
    "matchFundedPence" INTEGER NOT NULL,
    "conditions" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "offeredFromReserve" BOOLEAN NOT NULL DEFAULT false,
    "acceptBy" DATETIME,
    "respondedAt" DATETIME,
    "respondedById" TEXT,
    "declineReason" TEXT NOT NULL DEFAULT '',
    "acceptanceReminders" INTEGER NOT NULL DEFAULT 0,
    "returnedPence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Award_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Award_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Award_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Award_amounts_check" CHECK ("amountPence" >= 0 AND "pccFundedPence" >= 0 AND "matchFundedPence" >= 0 AND "pccFundedPence" + "matchFundedPence" = "amountPence"),
    CONSTRAINT "Award_status_check" CHECK ("status" IN ('proposed','approved','released','accepted','declined_by_applicant','lapsed','withdrawn','closed')),
    CONSTRAINT "Award_returned_check" CHECK ("returnedPence" >= 0 AND "returnedPence" <= "amountPence"),
    CONSTRAINT "Award_acceptanceReminders_check" CHECK ("acceptanceReminders" >= 0)
);
INSERT INTO "new_Award" ("amountPence", "approvedAt", "approvedById", "bidId", "conditions", "createdAt", "id", "matchFundedPence", "pccFundedPence", "roundId", "status", "updatedAt") SELECT "amountPence", "approvedAt", "approvedById", "bidId", "conditions", "createdAt", "id", "matchFundedPence", "pccFundedPence", "roundId", "status", "updatedAt" FROM "Award";
DROP TABLE "Award";
ALTER TABLE "new_Award" RENAME TO "Award";
CREATE UNIQUE INDEX "Award_bidId_key" ON "Award"("bidId");
CREATE INDEX "Award_roundId_status_idx" ON "Award"("roundId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AwardReturn_awardId_idx" ON "AwardReturn"("awardId");

-- CreateIndex
CREATE INDEX "AwardReturn_roundId_idx" ON "AwardReturn"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportStage_roundId_position_key" ON "ReportStage"("roundId", "position");

-- CreateIndex
CREATE INDEX "MonitoringReport_status_dueAt_idx" ON "MonitoringReport"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringReport_awardId_stageId_key" ON "MonitoringReport"("awardId", "stageId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportOutcome_reportId_bidOutcomeId_key" ON "ReportOutcome"("reportId", "bidOutcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportBudgetLine_reportId_budgetLineId_key" ON "ReportBudgetLine"("reportId", "budgetLineId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDocument_storedName_key" ON "ReportDocument"("storedName");

-- CreateIndex
CREATE INDEX "ReportDocument_reportId_idx" ON "ReportDocument"("reportId");

