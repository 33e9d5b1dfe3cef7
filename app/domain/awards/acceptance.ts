// The deadline an applicant has to accept or decline an award: the round's acceptance days from
// the moment the award is released (or offered from the reserve list), to the end of that day in
// the UK, so "accept by 14 March" means the whole of 14 March as the applicant lives it.
import { endOfLondonDay } from "~/lib/dates";

const DAY_MS = 24 * 60 * 60 * 1000;

export function acceptanceDeadline(releasedAt: Date, acceptanceDays: number): Date {
  return endOfLondonDay(new Date(releasedAt.getTime() + acceptanceDays * DAY_MS));
}
