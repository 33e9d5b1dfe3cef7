// When a monitoring report's reminders go: 14 days and 1 day before its due date, then 1 day and
// 7 days after it while it is still not handed in. Only the latest reminder whose time has come
// is due: a report created (or first seen) late is not sent the earlier ones in a burst.

const DAY_MS = 24 * 60 * 60 * 1000;

export const REPORT_REMINDERS = [
  { kind: "before-14", daysFromDue: -14 },
  { kind: "before-1", daysFromDue: -1 },
  { kind: "overdue-1", daysFromDue: 1 },
  { kind: "overdue-7", daysFromDue: 7 },
] as const;

export type ReportReminderKind = (typeof REPORT_REMINDERS)[number]["kind"];

/** The reminder due for a report due at `dueAt`, seen at `now`; null before the first. */
export function dueReportReminder(dueAt: Date, now: Date): ReportReminderKind | null {
  let due: ReportReminderKind | null = null;
  for (const reminder of REPORT_REMINDERS) {
    if (now.getTime() >= dueAt.getTime() + reminder.daysFromDue * DAY_MS) due = reminder.kind;
  }
  return due;
}

/** How far ahead of a due date reminders start: the reports worth looking at. */
export const REMINDER_HORIZON_MS = 14 * DAY_MS;
