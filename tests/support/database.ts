import { beforeEach } from "vitest";
import { db } from "~/lib/db.server";

/** Every table, children before parents, so deleting in this order never breaks a foreign key. */
export const TABLES_IN_DELETE_ORDER = [
  "auditEvent",
  "rateLimitHit",
  "outboxEmail",
  "allocationSignOff",
  "reportDocument",
  "reportBudgetLine",
  "reportOutcome",
  "monitoringReport",
  "awardReturn",
  "award",
  "moderatedScore",
  "criterionScore",
  "assessment",
  "assessorAssignment",
  "conflictDeclaration",
  "bidDocument",
  "budgetLine",
  "bidOutcome",
  "bidPriority",
  "bidArea",
  "expressionOfInterest",
  "bid",
  "scoreDescriptor",
  "criterion",
  "reportStage",
  "priority",
  "roundArea",
  "reportStage",
  "round",
  "ineligibilityReason",
  "fund",
  "organisationInvitation",
  "membership",
  "organisation",
  "passwordResetToken",
  "session",
  "user",
] as const;

export async function emptyDatabase() {
  for (const table of TABLES_IN_DELETE_ORDER) {
    await (db[table] as unknown as { deleteMany(): Promise<unknown> }).deleteMany();
  }
}

/** Each test in the file starts from an empty database. */
export function startEachTestEmpty() {
  beforeEach(emptyDatabase);
}
