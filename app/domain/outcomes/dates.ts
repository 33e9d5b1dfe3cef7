// An acceptance deadline is the end of a day in UTC (app/domain/awards/acceptance.ts), so it is
// read as that UTC day: in British Summer Time the instant itself falls early the next morning
// in London, and formatting it there would name the wrong day.
const utcDay = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** "14 March 2026": the last day an award can be accepted. */
export function formatAcceptBy(acceptBy: Date | string): string {
  return utcDay.format(new Date(acceptBy));
}
