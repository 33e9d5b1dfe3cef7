-- Initial schema. CHECK constraints below protect invariants the application relies on
-- (money never negative, pot never overspent, known states); keep them in step with the
-- PostgreSQL migration of the same name.

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_role_check" CHECK ("role" IN ('applicant','assessor','fund_administrator','opcc_sign_off','admin'))
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organisation_annualIncomePence_check" CHECK ("annualIncomePence" IS NULL OR "annualIncomePence" >= 0)
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_role_check" CHECK ("role" IN ('owner','member'))
);

-- CreateTable
CREATE TABLE "OrganisationInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganisationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fundId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
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
    "allocationApprovedAt" DATETIME,
    "outcomesReleasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Round_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Round_pot_parts_check" CHECK ("baseAllocationPence" >= 0 AND "rolledForwardPence" >= 0 AND "matchFundingPence" >= 0),
    CONSTRAINT "Round_remainingPot_check" CHECK ("remainingPotPence" >= 0 AND "remainingPotPence" <= "baseAllocationPence" + "rolledForwardPence" + "matchFundingPence"),
    CONSTRAINT "Round_award_limits_check" CHECK ("minAwardPence" >= 0 AND "maxAwardPence" >= "minAwardPence"),
    CONSTRAINT "Round_dates_check" CHECK ("closesAt" > "opensAt"),
    CONSTRAINT "Round_scoring_check" CHECK ("qualityThresholdPercent" BETWEEN 0 AND 100 AND "assessorsPerBid" >= 1 AND "moderationSpread" >= 0),
    CONSTRAINT "Round_referenceSequence_check" CHECK ("referenceSequence" >= 0),
    CONSTRAINT "Round_allocationStatus_check" CHECK ("allocationStatus" IN ('open','proposed','approved','sent_back','signed_off','released'))
);

-- CreateTable
CREATE TABLE "RoundArea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RoundArea_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Priority" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Priority_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "weightPercent" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL DEFAULT 4,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Criterion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Criterion_weight_check" CHECK ("weightPercent" BETWEEN 0 AND 100 AND "maxScore" >= 1)
);

-- CreateTable
CREATE TABLE "ScoreDescriptor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    CONSTRAINT "ScoreDescriptor_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IneligibilityReason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fundId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "IneligibilityReason_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "reference" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "amountRequestedPence" INTEGER,
    "projectStartDate" DATETIME,
    "projectEndDate" DATETIME,
    "beneficiaries" TEXT NOT NULL DEFAULT '',
    "beneficiaryCount" INTEGER,
    "safeguardingAnswer" TEXT NOT NULL DEFAULT '',
    "equalityAnswer" TEXT NOT NULL DEFAULT '',
    "eligibilityAnswers" TEXT,
    "sectionProgress" TEXT NOT NULL DEFAULT '{}',
    "declarationsAcceptedAt" DATETIME,
    "submittedAt" DATETIME,
    "submittedSnapshot" TEXT,
    "withdrawnAt" DATETIME,
    "screeningDecision" TEXT,
    "screeningReason" TEXT,
    "screeningNote" TEXT,
    "screenedById" TEXT,
    "screenedAt" DATETIME,
    "needsReassignment" BOOLEAN NOT NULL DEFAULT false,
    "feedback" TEXT,
    "decisionVersion" INTEGER NOT NULL DEFAULT 0,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Bid_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bid_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bid_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bid_screenedById_fkey" FOREIGN KEY ("screenedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Bid_status_check" CHECK ("status" IN ('draft','submitted','ineligible','in_assessment','awarded','reserve','declined','withdrawn')),
    CONSTRAINT "Bid_amountRequested_check" CHECK ("amountRequestedPence" IS NULL OR "amountRequestedPence" >= 0),
    CONSTRAINT "Bid_reference_when_submitted_check" CHECK ("status" = 'draft' OR "reference" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "BidArea" (
    "bidId" TEXT NOT NULL,
    "roundAreaId" TEXT NOT NULL,

    PRIMARY KEY ("bidId", "roundAreaId"),
    CONSTRAINT "BidArea_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BidArea_roundAreaId_fkey" FOREIGN KEY ("roundAreaId") REFERENCES "RoundArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BidPriority" (
    "bidId" TEXT NOT NULL,
    "priorityId" TEXT NOT NULL,

    PRIMARY KEY ("bidId", "priorityId"),
    CONSTRAINT "BidPriority_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BidPriority_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "Priority" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BidOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    CONSTRAINT "BidOutcome_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "costPence" INTEGER NOT NULL,
    "otherFundingPence" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BudgetLine_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BudgetLine_amounts_check" CHECK ("costPence" >= 0 AND "otherFundingPence" >= 0 AND "otherFundingPence" <= "costPence")
);

-- CreateTable
CREATE TABLE "BidDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BidDocument_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BidDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BidDocument_size_check" CHECK ("sizeBytes" >= 0)
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConflictDeclaration_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConflictDeclaration_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessorAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssessorAssignment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessorAssignment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AssessorAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recommendation" TEXT,
    "overallComment" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "reopenedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assessment_status_check" CHECK ("status" IN ('draft','submitted')),
    CONSTRAINT "Assessment_recommendation_check" CHECK ("recommendation" IS NULL OR "recommendation" IN ('fund','fund_in_part','reserve','do_not_fund'))
);

-- CreateTable
CREATE TABLE "CriterionScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CriterionScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CriterionScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CriterionScore_score_check" CHECK ("score" >= 0)
);

-- CreateTable
CREATE TABLE "ModeratedScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bidId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "moderatedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModeratedScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ModeratedScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ModeratedScore_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ModeratedScore_score_check" CHECK ("score" >= 0)
);

-- CreateTable
CREATE TABLE "Award" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Award_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Award_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Award_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Award_amounts_check" CHECK ("amountPence" >= 0 AND "pccFundedPence" >= 0 AND "matchFundedPence" >= 0 AND "pccFundedPence" + "matchFundedPence" = "amountPence"),
    CONSTRAINT "Award_status_check" CHECK ("status" IN ('proposed','approved','released','declined_by_applicant','withdrawn'))
);

-- CreateTable
CREATE TABLE "AllocationSignOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AllocationSignOff_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AllocationSignOff_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AllocationSignOff_decision_check" CHECK ("decision" IN ('approved','sent_back'))
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "messageId" TEXT NOT NULL,
    "deliveredVia" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxEmail_status_check" CHECK ("status" IN ('pending','sending','sent','failed')),
    CONSTRAINT "OutboxEmail_attempts_check" CHECK ("attempts" >= 0)
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'allowed',
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "details" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_outcome_check" CHECK ("outcome" IN ('allowed','refused'))
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
