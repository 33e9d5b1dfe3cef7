// The audit log's filters, read from the page's GET form (the same query string feeds its CSV).
// Dates are UK calendar days: "from" starts at midnight in London, "to" runs to the end of its day.
import { endOfLondonDay } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";

export const AUDIT_OUTCOMES = ["allowed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What the form holds, as typed (so the page can show it back). */
export type AuditFilterValues = { round: string; bid: string; user: string; action: string; outcome: string; from: string; to: string };

/** The filters that apply; empty ones are left out. */
export type AuditFilters = {
  roundId?: string;
  bidReference?: string;
  user?: string;
  actionPrefix?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
};

const FIELDS = ["round", "bid", "user", "action", "outcome", "from", "to"] as const;

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date (what a date field sends) as a real calendar date, or null. */
function calendarDay(text: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** Midday UTC always falls on the same UK calendar day, so the day's edges are found from it. */
function londonDayEdges({ y, m, d }: { y: number; m: number; d: number }) {
  const midday = Date.UTC(y, m - 1, d, 12);
  return { start: new Date(endOfLondonDay(new Date(midday - DAY_MS)).getTime() + 1), end: endOfLondonDay(new Date(midday)) };
}

/** Reads the filters from a query string; a date that is not a real date is an error by its field and is not applied. */
export function readAuditFilters(params: URLSearchParams): { values: AuditFilterValues; filters: AuditFilters; errors: FieldErrors } {
  const values = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? "").trim()])) as AuditFilterValues;
  const errors: FieldErrors = {};
  const filters: AuditFilters = {};
  if (values.round) filters.roundId = values.round;
  if (values.bid) filters.bidReference = values.bid.toUpperCase();
  if (values.user) filters.user = values.user;
  if (values.action) filters.actionPrefix = values.action;
  if ((AUDIT_OUTCOMES as readonly string[]).includes(values.outcome)) filters.outcome = values.outcome as AuditOutcome;
  for (const field of ["from", "to"] as const) {
    if (!values[field]) continue;
    const day = calendarDay(values[field]);
    if (!day) {
      errors[field] = `Enter the ‘${field}’ date as a real date, for example 2026-03-27`;
      continue;
    }
    const edges = londonDayEdges(day);
    filters[field] = field === "from" ? edges.start : edges.end;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "The ‘to’ date must be the same as or after the ‘from’ date";
    delete filters.to;
  }
  return { values, filters, errors };
}

/** The query string for these values (empty ones left out), for page links and the CSV link. */
export function auditQuery(values: AuditFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (values[field]) params.set(field, values[field]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
