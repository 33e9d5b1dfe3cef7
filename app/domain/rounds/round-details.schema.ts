// A round's details as the fund administrator types them: name, code,
// opening and closing date and time (Europe/London), pot parts, award limits, small-bid threshold,
// eligible areas, PCC priorities, OPCC sign-off, the largest document allowed, the days an applicant
// has to accept an award and whether applicants see their scores. Money is parsed
// to integer pence; dates are London wall-clock times converted to UTC instants. zod/mini: the round
// pages load this module in the browser (ADR 0027).
import * as z from "zod/mini";
import type { FormObject, FormValue } from "~/lib/form-values";
import { MAX_PENCE } from "~/lib/money";
import { moneyField, optionalMoneyField } from "~/lib/money-field";

export const ROUND_DETAIL_FIELDS = [
  "name",
  "code",
  "opensAt",
  "closesAt",
  "baseAllocation",
  "rolledForward",
  "matchFunding",
  "minAward",
  "maxAward",
  "smallBidThreshold",
  "areas",
  "priorities",
  "opccSignOffRequired",
  "maxDocumentMegabytes",
  "acceptanceDays",
  "shareScoresWithApplicants",
] as const;

type DateParts = { day: string; month: string; year: string; time: string };

/** What the form posts: every field as typed. */
export type RoundDetailsInput = {
  name: string;
  code: string;
  opensAt: DateParts;
  closesAt: DateParts;
  baseAllocation: string;
  rolledForward: string;
  matchFunding: string;
  minAward: string;
  maxAward: string;
  smallBidThreshold: string;
  areas: string;
  priorities: string;
  opccSignOffRequired: string;
  maxDocumentMegabytes: string;
  acceptanceDays: string;
  shareScoresWithApplicants: string;
};

/** Days an applicant has, from release, to accept or decline an award. */
export const DEFAULT_ACCEPTANCE_DAYS = 28;
export const MAX_ACCEPTANCE_DAYS = 365;

export const EMPTY_ROUND_DETAILS: RoundDetailsInput = {
  name: "",
  code: "",
  opensAt: { day: "", month: "", year: "", time: "" },
  closesAt: { day: "", month: "", year: "", time: "" },
  baseAllocation: "",
  rolledForward: "",
  matchFunding: "",
  minAward: "",
  maxAward: "",
  smallBidThreshold: "",
  areas: "",
  priorities: "",
  opccSignOffRequired: "",
  maxDocumentMegabytes: "10",
  acceptanceDays: String(DEFAULT_ACCEPTANCE_DAYS),
  shareScoresWithApplicants: "no",
};

export const MAX_DOCUMENT_MEGABYTES = 50;
const MEGABYTE = 1024 * 1024;

const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Europe/London wall clock at an instant, by part: year, month and day as numbers, hour and minute as two digits. */
function londonClockParts(instant: Date): Record<string, string> {
  return Object.fromEntries(londonClock.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The UTC instant of a Europe/London wall-clock time, or null if that time does not exist (clocks going forward). */
export function londonToUtc(year: number, month: number, day: number, hour: number, minute: number): Date | null {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (instant: number) => {
    const parts = londonClockParts(new Date(instant));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return instant + offsetAt(instant) === wall ? new Date(instant) : null;
}

/** The London wall-clock parts of an instant, to put back in the form. */
export function utcToLondonParts(value: Date): DateParts {
  const parts = londonClockParts(value);
  return { day: parts.day!, month: parts.month!, year: parts.year!, time: `${parts.hour}:${parts.minute}` };
}

function lines(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const value = line.trim().replace(/\s+/g, " ");
    if (value && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}

/** A problem, with its own message, in the parse a transform is part of. */
const problem = (ctx: z.core.ParsePayload, message: string, path: string[] = []) => ctx.issues.push({ code: "custom", message, path, input: ctx.value });

export function dateField(label: string) {
  return z.pipe(
    z.object({ day: z.string(), month: z.string(), year: z.string(), time: z.string() }),
    z.transform((parts: DateParts, ctx) => {
      const [day, month, year, time] = [parts.day.trim(), parts.month.trim(), parts.year.trim(), parts.time.trim()];
      if (!day && !month && !year) {
        problem(ctx, `Enter the ${label} date`, ["day"]);
        return z.NEVER;
      }
      for (const [part, value, pattern] of [
        ["day", day, /^\d{1,2}$/],
        ["month", month, /^\d{1,2}$/],
        ["year", year, /^\d{4}$/],
      ] as const) {
        if (!pattern.test(value)) {
          problem(ctx, `The ${label} date must include a ${part === "year" ? "4-digit year" : part}`, [part]);
          return z.NEVER;
        }
      }
      const timeMatch = /^(\d{1,2}):(\d{2})$/.exec(time);
      if (!time) {
        problem(ctx, `Enter the ${label} time`, ["time"]);
        return z.NEVER;
      }
      if (!timeMatch || Number(timeMatch[1]) > 23 || Number(timeMatch[2]) > 59) {
        problem(ctx, `Enter the ${label} time in the 24-hour clock, like 09:00 or 17:30`, ["time"]);
        return z.NEVER;
      }
      const y = Number(year);
      const m = Number(month);
      const d = Number(day);
      const valid = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && y >= 2000 && y <= 2100;
      if (!valid) {
        problem(ctx, `The ${label} date must be a real date`, ["day"]);
        return z.NEVER;
      }
      const instant = londonToUtc(y, m, d, Number(timeMatch[1]), Number(timeMatch[2]));
      if (!instant) {
        problem(ctx, `The ${label} time does not exist on that day because the clocks go forward`, ["time"]);
        return z.NEVER;
      }
      return instant;
    }),
  );
}

function money(label: string, { optional = false } = {}) {
  const messages = {
    empty: `Enter the ${label}`,
    format: `The ${label} must be an amount in pounds, like 5000 or 5000.50`,
    tooLarge: `The ${label} must be £${(MAX_PENCE / 100).toLocaleString("en-GB")} or less`,
  };
  // An optional amount left empty is none at all.
  return optional
    ? z.pipe(
        optionalMoneyField(messages),
        z.transform((pence: number | null) => pence ?? 0),
      )
    : moneyField(messages);
}

/** One entry a line, blanks and repeats dropped: at least one, none longer than `maxLength` characters. */
function lineList(label: string, maxLength: number) {
  return z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
      const list = lines(raw);
      if (list.length === 0) problem(ctx, `Enter at least one ${label}`);
      if (list.some((l) => l.length > maxLength)) problem(ctx, `Each ${label} must be ${maxLength} characters or fewer`);
      return list;
    }),
  );
}

export const roundDetailsSchema = z
  .object({
    name: z.string().check(z.trim(), z.minLength(1, "Enter the round name"), z.maxLength(120, "The round name must be 120 characters or fewer")),
    code: z
      .string()
      .check(
        z.trim(),
        z.toUpperCase(),
        z.minLength(1, "Enter the round code"),
        z.regex(/^\d{4}-R\d{1,2}$/, "The round code must be the years and round number, like 2627-R1"),
      ),
    opensAt: dateField("opening"),
    closesAt: dateField("closing"),
    baseAllocation: money("base allocation"),
    rolledForward: money("amount rolled forward", { optional: true }),
    matchFunding: money("match funding", { optional: true }),
    minAward: money("minimum award"),
    maxAward: money("maximum award"),
    smallBidThreshold: money("small-bid threshold", { optional: true }),
    areas: lineList("eligible area", 100),
    priorities: lineList("PCC priority", 200),
    opccSignOffRequired: z.pipe(
      z.enum(["yes", "no"], { error: "Select yes if the OPCC must sign off the allocation" }),
      z.transform((v: "yes" | "no") => v === "yes"),
    ),
    maxDocumentMegabytes: z.pipe(
      z.string(),
      z.transform((raw: string, ctx) => {
        const value = raw.trim();
        if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_DOCUMENT_MEGABYTES) {
          problem(ctx, `The maximum document size must be a whole number of megabytes from 1 to ${MAX_DOCUMENT_MEGABYTES}`);
          return z.NEVER;
        }
        return Number(value) * MEGABYTE;
      }),
    ),
    acceptanceDays: z.pipe(
      z.string(),
      z.transform((raw: string, ctx) => {
        const value = raw.trim();
        if (!value) {
          problem(ctx, "Enter the number of days applicants have to accept an award");
          return z.NEVER;
        }
        if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ACCEPTANCE_DAYS) {
          problem(ctx, `The days to accept an award must be a whole number from 1 to ${MAX_ACCEPTANCE_DAYS}`);
          return z.NEVER;
        }
        return Number(value);
      }),
    ),
    shareScoresWithApplicants: z.pipe(
      z.enum(["yes", "no"], { error: "Select yes if applicants see their bid's score for each criterion" }),
      z.transform((v: "yes" | "no") => v === "yes"),
    ),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.closesAt <= v.opensAt)
        ctx.addIssue({ code: "custom", path: ["closesAt", "day"], message: "The closing date and time must be after the opening date and time" });
      const pot = v.baseAllocation + v.rolledForward + v.matchFunding;
      if (pot === 0) ctx.addIssue({ code: "custom", path: ["baseAllocation"], message: "The pot must be more than £0" });
      if (v.minAward > v.maxAward)
        ctx.addIssue({ code: "custom", path: ["minAward"], message: "The minimum award must be the same as or less than the maximum award" });
      if (v.maxAward > pot) ctx.addIssue({ code: "custom", path: ["maxAward"], message: "The maximum award must be the same as or less than the pot" });
      if (v.smallBidThreshold > v.maxAward)
        ctx.addIssue({ code: "custom", path: ["smallBidThreshold"], message: "The small-bid threshold must be the same as or less than the maximum award" });
    }),
  );

export type RoundDetails = z.output<typeof roundDetailsSchema>;

/**
 * The posted form (read by the edge into nested text values) in the input shape; a field not
 * posted is undefined (kept by the server for locked fields).
 */
export function roundDetailsInput(values: FormObject): Partial<RoundDetailsInput> {
  const text = (value: FormValue | undefined) => (typeof value === "string" ? value : undefined);
  const date = (value: FormValue | undefined) => {
    const fields = typeof value === "object" && !Array.isArray(value) ? value : {};
    const parts = { day: text(fields.day), month: text(fields.month), year: text(fields.year), time: text(fields.time) };
    return Object.values(parts).every((p) => p === undefined)
      ? undefined
      : { day: parts.day ?? "", month: parts.month ?? "", year: parts.year ?? "", time: parts.time ?? "" };
  };
  const out: Partial<RoundDetailsInput> = {};
  for (const field of ROUND_DETAIL_FIELDS) {
    if (field === "opensAt" || field === "closesAt") {
      const value = date(values[field]);
      if (value) out[field] = value;
    } else {
      const value = text(values[field]);
      if (value !== undefined) out[field] = value;
    }
  }
  return out;
}
