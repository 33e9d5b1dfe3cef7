// An acceptance deadline is the end of a UK day (app/domain/awards/acceptance.ts): it is read as
// that day.
import { formatDate } from "~/lib/dates";

/** "14 March 2026": the last day an award can be accepted. */
export function formatAcceptBy(acceptBy: Date | string): string {
  return formatDate(acceptBy);
}
