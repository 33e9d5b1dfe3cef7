-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "acceptBy" TIMESTAMP(3),
ADD COLUMN     "acceptanceReminders" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "declineReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "offeredFromReserve" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "respondedAt" TIMESTAMP(3),
ADD COLUMN     "respondedById" TEXT,
ADD COLUMN     "returnedPence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "acceptanceDays" INTEGER NOT NULL DEFAULT 28,
ADD COLUMN     "shareScoresWithApplicants" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AwardReturn" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportStage" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "relativeTo" TEXT NOT NULL,
    "offsetDays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "stageId" TEXT,
    "title" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'due',
    "progress" TEXT NOT NULL DEFAULT '',
    "challenges" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportOutcome" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "bidOutcomeId" TEXT NOT NULL,
    "achievedValue" INTEGER,
    "commentary" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReportOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportBudgetLine" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "spentPence" INTEGER NOT NULL,

    CONSTRAINT "ReportBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDocument" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDocument_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "AwardReturn" ADD CONSTRAINT "AwardReturn_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardReturn" ADD CONSTRAINT "AwardReturn_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportStage" ADD CONSTRAINT "ReportStage_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ReportStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOutcome" ADD CONSTRAINT "ReportOutcome_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOutcome" ADD CONSTRAINT "ReportOutcome_bidOutcomeId_fkey" FOREIGN KEY ("bidOutcomeId") REFERENCES "BidOutcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportBudgetLine" ADD CONSTRAINT "ReportBudgetLine_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportBudgetLine" ADD CONSTRAINT "ReportBudgetLine_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDocument" ADD CONSTRAINT "ReportDocument_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invariants the application relies on (kept in step with the SQLite migration's CHECKs)
ALTER TABLE "Award" DROP CONSTRAINT IF EXISTS "Award_status_check";
ALTER TABLE "Award" ADD CONSTRAINT "Award_status_check" CHECK ("status" IN ('proposed','approved','released','accepted','declined_by_applicant','lapsed','withdrawn','closed'));
ALTER TABLE "Award" ADD CONSTRAINT "Award_returned_check" CHECK ("returnedPence" >= 0 AND "returnedPence" <= "amountPence");
ALTER TABLE "Award" ADD CONSTRAINT "Award_acceptanceReminders_check" CHECK ("acceptanceReminders" >= 0);
ALTER TABLE "Round" ADD CONSTRAINT "Round_acceptanceDays_check" CHECK ("acceptanceDays" BETWEEN 1 AND 365);
ALTER TABLE "AwardReturn" ADD CONSTRAINT "AwardReturn_amount_check" CHECK ("amountPence" > 0);
ALTER TABLE "AwardReturn" ADD CONSTRAINT "AwardReturn_kind_check" CHECK ("kind" IN ('returned','clawed_back'));
ALTER TABLE "ReportStage" ADD CONSTRAINT "ReportStage_relativeTo_check" CHECK ("relativeTo" IN ('start','midpoint','end'));
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_status_check" CHECK ("status" IN ('due','draft','submitted','changes_requested','accepted'));
ALTER TABLE "ReportBudgetLine" ADD CONSTRAINT "ReportBudgetLine_spent_check" CHECK ("spentPence" >= 0);
ALTER TABLE "ReportDocument" ADD CONSTRAINT "ReportDocument_size_check" CHECK ("sizeBytes" >= 0);
