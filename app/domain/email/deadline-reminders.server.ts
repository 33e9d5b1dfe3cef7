// Queues the deadline reminders that are due (the rule: ./deadline-reminders.ts). Safe to run as
// often as you like: each reminder has one idempotency key (round, person, days before), so a
// second run adds nothing, and two runs racing are settled by the key's unique index.
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { renderDeadlineReminder } from "../../../emails";
import { dueReminders, REMINDER_DAYS_BEFORE, type ReminderRound } from "./deadline-reminders";
import { emailKeys } from "./idempotency-keys";
import { queueEmail } from "./outbox.server";
import { startCountingJob, type JobOptions } from "~/lib/repeat.server";
import { isUniqueViolation } from "~/lib/prisma-errors";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Queues every reminder due at `now`; returns how many emails were added to the outbox. */
export async function queueDeadlineReminders(now: Date = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...REMINDER_DAYS_BEFORE) * DAY_MS);
  const rounds = await db.round.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now, lte: horizon } },
    select: {
      id: true,
      name: true,
      opensAt: true,
      closesAt: true,
      fund: { select: { name: true } },
      bids: {
        where: { status: "draft" },
        select: {
          id: true,
          title: true,
          status: true,
          createdAt: true,
          organisation: { select: { members: { select: { user: { select: { id: true, email: true, name: true, disabledAt: true } } } } } },
        },
      },
    },
  });
  const candidates: ReminderRound[] = rounds.map((round) => ({
    id: round.id,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    bids: round.bids.map((bid) => ({
      id: bid.id,
      title: bid.title,
      status: bid.status,
      createdAt: bid.createdAt,
      members: bid.organisation.members.map(({ user }) => ({ userId: user.id, email: user.email, name: user.name, disabled: user.disabledAt !== null })),
    })),
  }));
  const due = dueReminders(candidates, now);
  if (due.length === 0) return 0;

  // Most runs find every due reminder already queued: look the keys up before rendering anything.
  const keys = due.map((r) => emailKeys.deadlineReminder(r.roundId, r.userId, r.daysBefore));
  const taken = new Set(
    (await db.outboxEmail.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })).map((row) => row.idempotencyKey),
  );
  const roundsById = new Map(rounds.map((round) => [round.id, round]));

  let queued = 0;
  for (const reminder of due) {
    const idempotencyKey = emailKeys.deadlineReminder(reminder.roundId, reminder.userId, reminder.daysBefore);
    if (taken.has(idempotencyKey)) continue;
    const round = roundsById.get(reminder.roundId)!;
    const rendered = await renderDeadlineReminder({
      fundName: round.fund.name,
      recipientName: reminder.name,
      roundName: round.name,
      closesAt: round.closesAt,
      bidTitle: reminder.bidTitle || "Untitled bid",
      bidUrl: new URL(`/applicant/bids/${reminder.bidId}`, env().APP_URL).toString(),
    });
    try {
      const added = await db.$transaction(async (tx) => {
        // Checked again with the email's insert: a bid submitted (or a round closed early) since
        // the lookup above gets no reminder.
        const stillDraft = await tx.bid.count({ where: { id: reminder.bidId, status: "draft", round: { closesAt: { gt: now } } } });
        if (stillDraft === 0) return false;
        return queueEmail(tx, { idempotencyKey, to: reminder.email, rendered });
      });
      if (added) queued += 1;
    } catch (error) {
      // Another worker queued the same reminder between our lookup and insert: nothing to do.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}

/** Runs queueDeadlineReminders now and then every minute until stopped. */
export function startDeadlineReminders(options: JobOptions = {}) {
  return startCountingJob("deadline reminders", "queued", queueDeadlineReminders, options);
}
