-- CreateIndex
CREATE INDEX "AssessorAssignment_assessorId_assignedAt_idx" ON "AssessorAssignment"("assessorId", "assignedAt");

-- CreateIndex
CREATE INDEX "Bid_roundId_reference_idx" ON "Bid"("roundId", "reference");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

