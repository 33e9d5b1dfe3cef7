-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "charityNumber" TEXT,
    "companyNumber" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "town" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "annualIncomePence" INTEGER,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationInvitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "baseAllocationPence" INTEGER NOT NULL,
    "rolledForwardPence" INTEGER NOT NULL DEFAULT 0,
    "matchFundingPence" INTEGER NOT NULL DEFAULT 0,
    "remainingPotPence" INTEGER NOT NULL,
    "minAwardPence" INTEGER NOT NULL,
    "maxAwardPence" INTEGER NOT NULL,
    "smallBidThresholdPence" INTEGER NOT NULL DEFAULT 0,
    "qualityThresholdPercent" INTEGER NOT NULL DEFAULT 50,
    "assessorsPerBid" INTEGER NOT NULL DEFAULT 2,
    "moderationSpread" INTEGER NOT NULL DEFAULT 2,
    "opccSignOffRequired" BOOLEAN NOT NULL DEFAULT false,
    "twoStage" BOOLEAN NOT NULL DEFAULT false,
    "maxDocumentBytes" INTEGER NOT NULL DEFAULT 10485760,
    "referenceSequence" INTEGER NOT NULL DEFAULT 0,
    "allocationStatus" TEXT NOT NULL DEFAULT 'open',
    "allocationApprovedAt" TIMESTAMP(3),
    "outcomesReleasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundArea" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoundArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Priority" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "weightPercent" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 4,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreDescriptor" (
    "id" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "ScoreDescriptor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IneligibilityReason" (
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IneligibilityReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "reference" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "amountRequestedPence" INTEGER,
    "projectStartDate" TIMESTAMP(3),
    "projectEndDate" TIMESTAMP(3),
    "beneficiaries" TEXT NOT NULL DEFAULT '',
    "beneficiaryCount" INTEGER,
    "safeguardingAnswer" TEXT NOT NULL DEFAULT '',
    "equalityAnswer" TEXT NOT NULL DEFAULT '',
    "eligibilityAnswers" TEXT,
    "sectionProgress" TEXT NOT NULL DEFAULT '{}',
    "declarationsAcceptedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "submittedSnapshot" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "screeningDecision" TEXT,
    "screeningReason" TEXT,
    "screeningNote" TEXT,
    "screenedById" TEXT,
    "screenedAt" TIMESTAMP(3),
    "needsReassignment" BOOLEAN NOT NULL DEFAULT false,
    "feedback" TEXT,
    "decisionVersion" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidArea" (
    "bidId" TEXT NOT NULL,
    "roundAreaId" TEXT NOT NULL,

    CONSTRAINT "BidArea_pkey" PRIMARY KEY ("bidId","roundAreaId")
);

-- CreateTable
CREATE TABLE "BidPriority" (
    "bidId" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,

    CONSTRAINT "BidPriority_pkey" PRIMARY KEY ("bidId","priorityId")
);

-- CreateTable
CREATE TABLE "BidOutcome" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "target" TEXT NOT NULL,

    CONSTRAINT "BidOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "costPence" INTEGER NOT NULL,
    "otherFundingPence" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidDocument" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessorAssignment" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recommendation" TEXT,
    "overallComment" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CriterionScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModeratedScore" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "moderatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModeratedScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "bidId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "pccFundedPence" INTEGER NOT NULL,
    "matchFundedPence" INTEGER NOT NULL,
    "conditions" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationSignOff" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "deliveredVia" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'allowed',
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organisationId_userId_key" ON "Membership"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationInvitation_tokenHash_key" ON "OrganisationInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "OrganisationInvitation_organisationId_idx" ON "OrganisationInvitation"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_slug_key" ON "Fund"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_code_key" ON "Fund"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Round_fundId_slug_key" ON "Round"("fundId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Round_fundId_code_key" ON "Round"("fundId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "RoundArea_roundId_name_key" ON "RoundArea"("roundId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Priority_roundId_title_key" ON "Priority"("roundId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_roundId_title_key" ON "Criterion"("roundId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreDescriptor_criterionId_score_key" ON "ScoreDescriptor"("criterionId", "score");

-- CreateIndex
CREATE UNIQUE INDEX "IneligibilityReason_fundId_text_key" ON "IneligibilityReason"("fundId", "text");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_reference_key" ON "Bid"("reference");

-- CreateIndex
CREATE INDEX "Bid_roundId_status_idx" ON "Bid"("roundId", "status");

-- CreateIndex
CREATE INDEX "Bid_organisationId_idx" ON "Bid"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "BidOutcome_bidId_position_key" ON "BidOutcome"("bidId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_bidId_position_key" ON "BudgetLine"("bidId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BidDocument_storedName_key" ON "BidDocument"("storedName");

-- CreateIndex
CREATE INDEX "BidDocument_bidId_idx" ON "BidDocument"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_bidId_assessorId_key" ON "ConflictDeclaration"("bidId", "assessorId");

-- CreateIndex
CREATE INDEX "AssessorAssignment_assessorId_idx" ON "AssessorAssignment"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessorAssignment_bidId_assessorId_key" ON "AssessorAssignment"("bidId", "assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_bidId_assessorId_key" ON "Assessment"("bidId", "assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionScore_assessmentId_criterionId_key" ON "CriterionScore"("assessmentId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModeratedScore_bidId_criterionId_key" ON "ModeratedScore"("bidId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_bidId_key" ON "Award"("bidId");

-- CreateIndex
CREATE INDEX "Award_roundId_status_idx" ON "Award"("roundId", "status");

-- CreateIndex
CREATE INDEX "AllocationSignOff_roundId_idx" ON "AllocationSignOff"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_idempotencyKey_key" ON "OutboxEmail"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundArea" ADD CONSTRAINT "RoundArea_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreDescriptor" ADD CONSTRAINT "ScoreDescriptor_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IneligibilityReason" ADD CONSTRAINT "IneligibilityReason_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_screenedById_fkey" FOREIGN KEY ("screenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidArea" ADD CONSTRAINT "BidArea_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidArea" ADD CONSTRAINT "BidArea_roundAreaId_fkey" FOREIGN KEY ("roundAreaId") REFERENCES "RoundArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidPriority" ADD CONSTRAINT "BidPriority_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidPriority" ADD CONSTRAINT "BidPriority_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidOutcome" ADD CONSTRAINT "BidOutcome_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidDocument" ADD CONSTRAINT "BidDocument_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidDocument" ADD CONSTRAINT "BidDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorAssignment" ADD CONSTRAINT "AssessorAssignment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorAssignment" ADD CONSTRAINT "AssessorAssignment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorAssignment" ADD CONSTRAINT "AssessorAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModeratedScore" ADD CONSTRAINT "ModeratedScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModeratedScore" ADD CONSTRAINT "ModeratedScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModeratedScore" ADD CONSTRAINT "ModeratedScore_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationSignOff" ADD CONSTRAINT "AllocationSignOff_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationSignOff" ADD CONSTRAINT "AllocationSignOff_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants the application relies on (kept in step with the SQLite migration's CHECKs)
ALTER TABLE "User" ADD CONSTRAINT "User_role_check" CHECK ("role" IN ('applicant','assessor','fund_administrator','opcc_sign_off','admin'));
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_role_check" CHECK ("role" IN ('owner','member'));
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_annualIncomePence_check" CHECK ("annualIncomePence" IS NULL OR "annualIncomePence" >= 0);
ALTER TABLE "Round" ADD CONSTRAINT "Round_pot_parts_check" CHECK ("baseAllocationPence" >= 0 AND "rolledForwardPence" >= 0 AND "matchFundingPence" >= 0);
ALTER TABLE "Round" ADD CONSTRAINT "Round_remainingPot_check" CHECK ("remainingPotPence" >= 0 AND "remainingPotPence" <= "baseAllocationPence" + "rolledForwardPence" + "matchFundingPence");
ALTER TABLE "Round" ADD CONSTRAINT "Round_award_limits_check" CHECK ("minAwardPence" >= 0 AND "maxAwardPence" >= "minAwardPence");
ALTER TABLE "Round" ADD CONSTRAINT "Round_dates_check" CHECK ("closesAt" > "opensAt");
ALTER TABLE "Round" ADD CONSTRAINT "Round_scoring_check" CHECK ("qualityThresholdPercent" BETWEEN 0 AND 100 AND "assessorsPerBid" >= 1 AND "moderationSpread" >= 0);
ALTER TABLE "Round" ADD CONSTRAINT "Round_referenceSequence_check" CHECK ("referenceSequence" >= 0);
ALTER TABLE "Round" ADD CONSTRAINT "Round_allocationStatus_check" CHECK ("allocationStatus" IN ('open','proposed','approved','sent_back','signed_off','released'));
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_weight_check" CHECK ("weightPercent" BETWEEN 0 AND 100 AND "maxScore" >= 1);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_status_check" CHECK ("status" IN ('draft','submitted','ineligible','in_assessment','awarded','reserve','declined','withdrawn'));
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_amountRequested_check" CHECK ("amountRequestedPence" IS NULL OR "amountRequestedPence" >= 0);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_reference_when_submitted_check" CHECK ("status" = 'draft' OR "reference" IS NOT NULL);
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_amounts_check" CHECK ("costPence" >= 0 AND "otherFundingPence" >= 0 AND "otherFundingPence" <= "costPence");
ALTER TABLE "BidDocument" ADD CONSTRAINT "BidDocument_size_check" CHECK ("sizeBytes" >= 0);
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_status_check" CHECK ("status" IN ('draft','submitted'));
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_recommendation_check" CHECK ("recommendation" IS NULL OR "recommendation" IN ('fund','fund_in_part','reserve','do_not_fund'));
ALTER TABLE "CriterionScore" ADD CONSTRAINT "CriterionScore_score_check" CHECK ("score" >= 0);
ALTER TABLE "ModeratedScore" ADD CONSTRAINT "ModeratedScore_score_check" CHECK ("score" >= 0);
ALTER TABLE "Award" ADD CONSTRAINT "Award_amounts_check" CHECK ("amountPence" >= 0 AND "pccFundedPence" >= 0 AND "matchFundedPence" >= 0 AND "pccFundedPence" + "matchFundedPence" = "amountPence");
ALTER TABLE "Award" ADD CONSTRAINT "Award_status_check" CHECK ("status" IN ('proposed','approved','released','declined_by_applicant','withdrawn'));
ALTER TABLE "AllocationSignOff" ADD CONSTRAINT "AllocationSignOff_decision_check" CHECK ("decision" IN ('approved','sent_back'));
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_status_check" CHECK ("status" IN ('pending','sending','sent','failed'));
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_attempts_check" CHECK ("attempts" >= 0);
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_outcome_check" CHECK ("outcome" IN ('allowed','refused'));
