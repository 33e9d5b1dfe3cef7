// What every bid section's schema shares (ADR 0007): how a section wraps its checks as one zod
// schema, and the text, money and date checks with their GOV.UK messages. Each section's schema is
// a module of its own, so a section page's browser bundle carries only its own rules (ADR 0027).
//
// zod/mini, not zod: the section pages load these schemas in the browser, and zod/mini's functions
// are left out of the bundle when unused, where zod's methods all come along (ADR 0027). Parsing,
// the issues and their messages are the same: both are zod 4's core.
//
// Two ways to save: "complete" (Save and continue: every question answered) and "draft" (Save
// and come back later: blanks allowed, but whatever is given must be valid). Word limits depend
// on the amount requested (proportionate.ts) and are enforced in both.
import * as z from "zod/mini";
import { readPounds } from "~/lib/read-pounds";
import type { AwardLimits } from "../amount-rule";
import { countWords, type BandRound } from "../proportionate";

export type SaveMode = "complete" | "draft";

type Path = (string | number)[];
export type Problems = { path: Path; message: string }[];

export const text = z._default(z.string({ error: "Enter text in this field" }), "");

/** Wraps a section's parse function as a zod schema, so browser and server share it. */
export function sectionSchema<Shape extends z.core.$ZodShape, Out>(shape: Shape, parse: (raw: z.output<z.ZodMiniObject<Shape>>, problems: Problems) => Out) {
  return z.pipe(
    z.object(shape),
    z.transform((raw: z.output<z.ZodMiniObject<Shape>>, ctx) => {
      const problems: Problems = [];
      const value = parse(raw, problems);
      for (const problem of problems) ctx.issues.push({ code: "custom", message: problem.message, path: problem.path, input: raw });
      return problems.length > 0 ? z.NEVER : value;
    }),
  );
}

// --- field checks ----------------------------------------------------------------------

type TextRule = {
  path: Path;
  /** GOV.UK "Enter …" message, used when the answer is required and blank. */
  missing: string;
  /** How the field is named inside messages, e.g. "Summary". */
  name: string;
  required: boolean;
  maxWords?: number;
  maxChars: number;
  singleLine?: boolean;
};

export function checkText(value: string, rule: TextRule, problems: Problems): string {
  const trimmed = value.trim();
  if (trimmed === "") {
    if (rule.required) problems.push({ path: rule.path, message: rule.missing });
    return "";
  }
  if (rule.singleLine && /[\r\n]/.test(trimmed)) problems.push({ path: rule.path, message: `${rule.name} must be on one line` });
  else if (rule.maxWords !== undefined && countWords(trimmed) > rule.maxWords) {
    problems.push({ path: rule.path, message: `${rule.name} must be ${rule.maxWords} words or fewer` });
  } else if (trimmed.length > rule.maxChars) {
    problems.push({ path: rule.path, message: `${rule.name} must be ${rule.maxChars.toLocaleString("en-GB")} characters or fewer` });
  }
  return trimmed;
}

/** Words are limited; a hard character cap stops one enormous "word" getting through. */
export const charsFor = (maxWords: number) => maxWords * 15;

type MoneyRule = { path: Path; name: string; missing: string; format: string; required: boolean };

export function checkMoney(value: string, rule: MoneyRule, problems: Problems): number | null {
  const read = readPounds(value, { empty: rule.missing, format: rule.format, tooLarge: `${rule.name} must be £10,000,000 or less` });
  if (!read.ok) {
    problems.push({ path: rule.path, message: read.message });
    return null;
  }
  if (read.pence === null && rule.required) problems.push({ path: rule.path, message: rule.missing });
  return read.pence;
}

export type DateParts = { day: string; month: string; year: string };
export const dateParts = z._default(z.object({ day: text, month: text, year: text }), { day: "", month: "", year: "" });

/** GOV.UK date input validation; the message sits on the first part that is wrong. */
export function checkDate(parts: DateParts, base: string, name: string, missing: string, required: boolean, problems: Problems): Date | null {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) {
    if (required) problems.push({ path: [base, "day"], message: missing });
    return null;
  }
  const absent = (["day", "month", "year"] as const).filter((part) => !{ day, month, year }[part]);
  if (absent.length > 0) {
    problems.push({ path: [base, absent[0]!], message: `${name} must include a ${absent.join(" and ")}` });
    return null;
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
    problems.push({ path: [base, !/^\d{1,2}$/.test(day) ? "day" : !/^\d{1,2}$/.test(month) ? "month" : "year"], message: `${name} must be a real date` });
    return null;
  }
  if (year.length !== 4) {
    problems.push({ path: [base, "year"], message: "Year must include 4 numbers" });
    return null;
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    problems.push({ path: [base, "day"], message: `${name} must be a real date` });
    return null;
  }
  if (y < 2000 || y > 2100) {
    problems.push({ path: [base, "year"], message: `${name} must be between 2000 and 2100` });
    return null;
  }
  return date;
}

/** The form values for a stored date (dates are stored as midnight UTC of the calendar day). */
export function dateToParts(date: Date | string | null | undefined): DateParts {
  if (!date) return { day: "", month: "", year: "" };
  const d = new Date(date);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

export type RoundLimits = AwardLimits & BandRound;

/** A repeating row left wholly blank. */
export const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === "");

/** A repeating group of rows: at most 100 posted, none when the field is missing. */
export const rowsOf = <Shape extends z.core.$ZodShape>(shape: Shape) => z._default(z.array(z.object(shape)).check(z.maxLength(100)), []);
