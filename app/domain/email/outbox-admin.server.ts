// What admins see and do with the outbox: lists by status, the built-in mailbox, one message,
// and sending a failed email again.
import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import { containsText } from "~/domain/lists/text-search.server";
import { isOutboxStatus, OUTBOX_STATUSES, type OutboxStatus } from "./outbox-status";

const listFields = {
  id: true,
  template: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  deliveredVia: true,
  sentAt: true,
  createdAt: true,
} as const;

/**
 * One page of the newest emails, optionally of one status or to one address, with how many
 * there are of each status (ADR 0023).
 */
export async function listOutbox({ status, q = "" }: { status?: OutboxStatus; q?: string } = {}, page = 1) {
  const where = { ...(status ? { status } : {}), ...(q ? { toAddress: containsText(q.toLowerCase()) } : {}) };
  const [total, groups] = await Promise.all([db.outboxEmail.count({ where }), db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } })]);
  const window = pageWindow(total, page);
  const emails = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageRange(window),
    select: listFields,
  });
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const group of groups) if (isOutboxStatus(group.status)) counts[group.status] = group._count._all;
  return { emails, counts, window };
}

/** The mailbox (a demo aid) shows the newest of these. */
const MAILBOX_LIMIT = 200;

/** Emails the portal delivered to its own mailbox because no SMTP server is set (the demo). */
export function listMailbox() {
  return db.outboxEmail.findMany({
    where: { deliveredVia: "mailbox" },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: MAILBOX_LIMIT,
    select: listFields,
  });
}

export function findOutboxEmail(id: string) {
  return db.outboxEmail.findUnique({ where: { id } });
}

/**
 * Puts a failed email back in the queue with a fresh set of attempts, recording who did it.
 * Returns false (and changes nothing) unless the email exists and has failed.
 */
export async function retryFailedEmail(id: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.outboxEmail.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (count !== 1) return false;
    await recordAudit({ actorId, action: "outbox.retry", subjectType: "outbox_email", subjectId: id, before, after: { status: "pending", attempts: 0 } }, tx);
    return true;
  });
}
