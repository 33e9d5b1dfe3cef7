import { beforeEach } from "vitest";
import type { Prisma } from "~/lib/db.server";
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

/** Empties every table in one transaction: one commit rather than one per table. */
export async function emptyDatabase() {
  await db.$transaction(TABLES_IN_DELETE_ORDER.map((table) => (db[table] as unknown as { deleteMany(): Prisma.PrismaPromise<unknown> }).deleteMany()));
}

/** Each test in the file starts from an empty database. */
export function startEachTestEmpty() {
  beforeEach(emptyDatabase);
}
