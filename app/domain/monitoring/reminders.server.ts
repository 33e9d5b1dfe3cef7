// Queues the monitoring report reminders that are due (the rule: ./reminders.ts), to the
// organisation's contact. Safe to run as often as you like and from any number of workers: each
// reminder has one idempotency key (report and kind), so a second run adds nothing, and two runs
// racing are settled by the key's unique index (ADR 0005).
import { renderReportReminder } from "../../../emails";
import { decisionLinks } from "~/domain/awards/links.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db } from "~/lib/db.server";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { startCountingJob, type JobOptions } from "~/lib/repeat.server";
import { dueReportReminder, REMINDER_HORIZON_MS } from "./reminders";
import { reportEmailBidSelect, reportEmailDetails } from "./report-email";

/**
 * Reports not yet handed in. A report sent back for changes is left out: the review email has
 * just told the organisation what to do, and its original due date has usually passed.
 */
const REMINDED_STATUSES = ["due", "draft"];

/** Queues every report reminder due at `now`; returns how many emails were added to the outbox. */
export async function queueReportReminders(now: Date = new Date()): Promise<number> {
  const reports = await db.monitoringReport.findMany({
    where: { status: { in: REMINDED_STATUSES }, dueAt: { lte: new Date(now.getTime() + REMINDER_HORIZON_MS) }, award: { status: "accepted" } },
    select: {
      id: true,
      title: true,
      dueAt: true,
      award: { select: { bid: { select: reportEmailBidSelect } } },
    },
  });
  const due = reports.flatMap((report) => {
    const kind = dueReportReminder(report.dueAt, now);
    return kind ? [{ report, kind, idempotencyKey: emailKeys.reportReminder(report.id, kind) }] : [];
  });
  if (due.length === 0) return 0;

  // Most runs find every due reminder already queued: look the keys up before rendering anything.
  const taken = new Set(
    (await db.outboxEmail.findMany({ where: { idempotencyKey: { in: due.map((d) => d.idempotencyKey) } }, select: { idempotencyKey: true } })).map(
      (row) => row.idempotencyKey,
    ),
  );
  let queued = 0;
  for (const { report, kind, idempotencyKey } of due) {
    if (taken.has(idempotencyKey)) continue;
    const { bid } = report.award;
    const rendered = await renderReportReminder({
      ...reportEmailDetails(report),
      recipientName: bid.organisation.contactName,
      dueAt: report.dueAt,
      overdue: kind.startsWith("overdue"),
      reportUrl: decisionLinks.report(bid.id, report.id),
    });
    try {
      const added = await db.$transaction(async (tx) => {
        // Checked again with the email's insert: a report submitted since the lookup gets no reminder.
        const outstanding = await tx.monitoringReport.count({ where: { id: report.id, status: { in: REMINDED_STATUSES }, award: { status: "accepted" } } });
        if (outstanding === 0) return false;
        return queueEmail(tx, { idempotencyKey, to: bid.organisation.contactEmail, rendered });
      });
      if (added) queued += 1;
    } catch (error) {
      // Another worker queued the same reminder between our lookup and insert: nothing to do.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}

/** Runs queueReportReminders now and then every minute until stopped. */
export function startReportReminders(options: JobOptions = {}) {
  return startCountingJob("report reminders", "queued", queueReportReminders, options);
}
