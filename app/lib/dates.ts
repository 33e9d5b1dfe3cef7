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
