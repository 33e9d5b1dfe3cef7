// Which deadline reminders are due. Pure, so the rule is unit-tested apart from the database.
//
// A round sends each person with an unsubmitted (draft) bid in it a reminder 7 days and 1 day
// before it closes. Only the most imminent one that is due is chosen: a worker that was stopped
// over the 7-day mark and starts again 12 hours before closing sends the 1-day reminder, not both.
// Nothing is due before the round opens or once it has closed.

export const REMINDER_DAYS_BEFORE = [7, 1] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder (days before closing) due now for a round, or null when none is. */
export function reminderDueFor(round: { opensAt: Date; closesAt: Date }, now: Date): number | null {
  if (now < round.opensAt || now >= round.closesAt) return null;
  const msLeft = round.closesAt.getTime() - now.getTime();
  const due = REMINDER_DAYS_BEFORE.filter((days) => msLeft <= days * DAY_MS);
  return due.length === 0 ? null : Math.min(...due);
}

export type ReminderRound = {
  id: string;
  opensAt: Date;
  closesAt: Date;
  bids: {
    id: string;
    title: string;
    status: string;
    createdAt: Date;
    members: { userId: string; email: string; name: string; disabled: boolean }[];
  }[];
};

export type DueReminder = {
  roundId: string;
  userId: string;
  email: string;
  name: string;
  daysBefore: number;
  /** The bid the email names: the person's oldest draft in the round. */
  bidId: string;
  bidTitle: string;
};

/** One reminder per person per round: every member of an organisation with a draft bid in an open round. */
export function dueReminders(rounds: readonly ReminderRound[], now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  for (const round of rounds) {
    const daysBefore = reminderDueFor(round, now);
    if (daysBefore === null) continue;
    const byUser = new Map<string, DueReminder>();
    const drafts = round.bids.filter((bid) => bid.status === "draft").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    for (const bid of drafts) {
      for (const member of bid.members) {
        if (member.disabled || byUser.has(member.userId)) continue;
        byUser.set(member.userId, {
          roundId: round.id,
          userId: member.userId,
          email: member.email,
          name: member.name,
          daysBefore,
          bidId: bid.id,
          bidTitle: bid.title,
        });
      }
    }
    due.push(...byUser.values());
  }
  return due;
}
