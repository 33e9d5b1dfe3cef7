// The deadline an applicant has to accept or decline an award: the round's acceptance days from
// the moment the award is released (or offered from the reserve list), to the end of that day in
// UTC, so "accept by 14 March" means the whole of 14 March.

const DAY_MS = 24 * 60 * 60 * 1000;

export function acceptanceDeadline(releasedAt: Date, acceptanceDays: number): Date {
  const day = new Date(releasedAt.getTime() + acceptanceDays * DAY_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59, 999));
}
