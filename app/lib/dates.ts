// The fund works in UK time: every date and time a person reads is shown in Europe/London.
const LONDON = "Europe/London";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
});

const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, day: "numeric", month: "long", year: "numeric" });

/** "5 March 2026 at 12pm" (GOV.UK style: 12-hour clock, "midday" and "midnight" for clarity). */
export function formatDateTime(value: Date | string) {
  const date = new Date(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const minute = parts.minute ?? "00";
  const period = (parts.dayPeriod ?? "").toLowerCase().replace(/\./g, "").replace(/\s/g, "");
  let time: string;
  if (minute === "00" && hour === 12) time = period === "am" ? "midnight" : "midday";
  else time = `${hour}${minute === "00" ? "" : `:${minute}`}${period}`;
  return `${parts.day} ${parts.month} ${parts.year} at ${time}`;
}

export function formatDate(value: Date | string) {
  return dateFormat.format(new Date(value));
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** The last millisecond of the UK calendar day that `value` falls on (23:59:59.999 in London). */
export function endOfLondonDay(value: Date): Date {
  const wall = (date: Date) => {
    const p = Object.fromEntries(londonParts.formatToParts(date).map((part) => [part.type, Number(part.value)]));
    return { y: p.year!, m: p.month!, d: p.day!, ms: Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) };
  };
  const day = wall(value);
  const asIfUtc = Date.UTC(day.y, day.m - 1, day.d, 23, 59, 59, 999);
  // London is UTC or UTC+1; the offset at that evening moves the wall-clock time back to an instant.
  const offset = wall(new Date(asIfUtc)).ms - Math.floor(asIfUtc / 1000) * 1000;
  return new Date(asIfUtc - offset);
}
