// One schema per bid section page, read by the browser (react-hook-form, where the page uses it)
// and parsed again on the server. Each schema takes the posted text and gives typed values in
// pence, dates and ids, or GOV.UK messages keyed by field name.
//
// Two ways to save: "complete" (Save and continue: every question answered) and "draft" (Save
// and come back later: blanks allowed, but whatever is given must be valid). Word limits depend
// on the amount requested (proportionate.ts) and are enforced in both.
import { z } from "zod";
import { readPounds } from "~/lib/money-field";
import { amountLimitProblem, budgetMatchProblem, type AwardLimits } from "./amount-rule";
import { countWords, formRulesFor, type BandRound, type FormRules } from "./proportionate";

export type SaveMode = "complete" | "draft";

type Path = (string | number)[];
type Problems = { path: Path; message: string }[];

const text = z.string({ error: "Enter text in this field" }).default("");

/** Wraps a section's parse function as a zod schema, so browser and server share it. */
function sectionSchema<Shape extends z.ZodRawShape, Out>(shape: Shape, parse: (raw: z.output<z.ZodObject<Shape>>, problems: Problems) => Out) {
  return z.object(shape).transform((raw, ctx) => {
    const problems: Problems = [];
    const value = parse(raw, problems);
    for (const problem of problems) ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
    return problems.length > 0 ? z.NEVER : value;
  });
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

function checkText(value: string, rule: TextRule, problems: Problems): string {
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
const charsFor = (maxWords: number) => maxWords * 15;

type MoneyRule = { path: Path; name: string; missing: string; format: string; required: boolean };

function checkMoney(value: string, rule: MoneyRule, problems: Problems): number | null {
  const read = readPounds(value, { empty: rule.missing, format: rule.format, tooLarge: `${rule.name} must be £10,000,000 or less` });
  if (!read.ok) {
    problems.push({ path: rule.path, message: read.message });
    return null;
  }
  if (read.pence === null && rule.required) problems.push({ path: rule.path, message: rule.missing });
  return read.pence;
}

export type DateParts = { day: string; month: string; year: string };
const dateParts = z.object({ day: text, month: text, year: text }).default({ day: "", month: "", year: "" });

/** GOV.UK date input validation; the message sits on the first part that is wrong. */
function checkDate(parts: DateParts, base: string, name: string, missing: string, required: boolean, problems: Problems): Date | null {
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

// --- about the project -----------------------------------------------------------------

export type RoundLimits = AwardLimits & BandRound;

export function aboutSchema(round: RoundLimits, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ title: text, summary: text, amountRequested: text, projectStart: dateParts, projectEnd: dateParts }, (raw, problems) => {
    const title = checkText(
      raw.title,
      { path: ["title"], name: "Project title", missing: "Enter the project title", required, maxChars: 150, singleLine: true },
      problems,
    );
    const amountRequestedPence = checkMoney(
      raw.amountRequested,
      {
        path: ["amountRequested"],
        name: "Amount requested",
        missing: "Enter the amount you are requesting, like 12500",
        format: "Amount requested must be an amount in pounds, like 12500 or 12500.50",
        required,
      },
      problems,
    );
    if (amountRequestedPence !== null) {
      const limit = amountLimitProblem(amountRequestedPence, round);
      if (limit) problems.push({ path: ["amountRequested"], message: limit });
    }
    // The summary's limit follows the amount typed on this same page.
    const rules = formRulesFor(amountRequestedPence, round);
    const summary = checkText(
      raw.summary,
      {
        path: ["summary"],
        name: "Summary",
        missing: "Enter a summary of your project",
        required,
        maxWords: rules.summaryMaxWords,
        maxChars: charsFor(rules.summaryMaxWords),
      },
      problems,
    );
    const projectStartDate = checkDate(raw.projectStart, "projectStart", "Project start date", "Enter the date your project will start", required, problems);
    const projectEndDate = checkDate(raw.projectEnd, "projectEnd", "Project end date", "Enter the date your project will end", required, problems);
    if (projectStartDate && projectEndDate && projectEndDate <= projectStartDate) {
      problems.push({ path: ["projectEnd", "day"], message: "Project end date must be after the project start date" });
    }
    return { title, summary, amountRequestedPence, projectStartDate, projectEndDate };
  });
}

// --- priorities and areas ----------------------------------------------------------------

function choiceSchema(field: string, allowed: readonly string[], mode: SaveMode, missing: string, unknown: string) {
  return sectionSchema({ [field]: z.array(z.string()).default([]) }, (raw, problems) => {
    const chosen = [...new Set((raw[field] as string[]).filter(Boolean))];
    if (chosen.some((id) => !allowed.includes(id))) problems.push({ path: [field], message: unknown });
    else if (mode === "complete" && chosen.length === 0) problems.push({ path: [field], message: missing });
    return chosen;
  });
}

export function prioritiesSchema(priorityIds: readonly string[], mode: SaveMode) {
  return choiceSchema("priorityIds", priorityIds, mode, "Select at least one priority your project addresses", "Select priorities from the list");
}

export function areasSchema(areaIds: readonly string[], mode: SaveMode) {
  return choiceSchema("areaIds", areaIds, mode, "Select at least one area your project works in", "Select areas from the list");
}

// --- outcomes --------------------------------------------------------------------------

export type OutcomeRow = { outcome: string; indicator: string; target: string };
const outcomeRow = z.object({ outcome: text, indicator: text, target: text });

const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === "");

export function outcomesSchema(rules: FormRules, mode: SaveMode) {
  return sectionSchema({ outcomes: z.array(outcomeRow).max(100).default([]) }, (raw, problems) => {
    const outcomes: OutcomeRow[] = [];
    raw.outcomes.forEach((row, index) => {
      // Blank rows are left out, except a lone row on "Save and continue", which must be filled in.
      if (isBlankRow(row) && (mode === "draft" || raw.outcomes.length > 1)) return;
      const n = index + 1;
      outcomes.push({
        outcome: checkText(
          row.outcome,
          { path: ["outcomes", index, "outcome"], name: `Outcome ${n}`, missing: `Enter outcome ${n}`, required: true, maxChars: 300 },
          problems,
        ),
        indicator: checkText(
          row.indicator,
          {
            path: ["outcomes", index, "indicator"],
            name: `Indicator for outcome ${n}`,
            missing: `Enter how you will measure outcome ${n}`,
            required: true,
            maxChars: 300,
          },
          problems,
        ),
        target: checkText(
          row.target,
          { path: ["outcomes", index, "target"], name: `Target for outcome ${n}`, missing: `Enter the target for outcome ${n}`, required: true, maxChars: 200 },
          problems,
        ),
      });
    });
    if (mode === "complete" && outcomes.length === 0 && problems.length === 0) problems.push({ path: ["outcomes", 0, "outcome"], message: "Enter outcome 1" });
    if (outcomes.length > rules.maxOutcomes)
      problems.push({ path: ["outcomes", rules.maxOutcomes, "outcome"], message: `You can add up to ${rules.maxOutcomes} outcomes` });
    return outcomes;
  });
}

// --- budget ----------------------------------------------------------------------------

export type BudgetRow = { item: string; cost: string; otherFunding: string };
export type BudgetLineValue = { item: string; costPence: number; otherFundingPence: number };
const budgetRow = z.object({ item: text, cost: text, otherFunding: text });

export function budgetSchema(rules: FormRules, amountRequestedPence: number | null, mode: SaveMode) {
  return sectionSchema({ lines: z.array(budgetRow).max(100).default([]) }, (raw, problems) => {
    const lines: BudgetLineValue[] = [];
    raw.lines.forEach((row, index) => {
      if (isBlankRow(row) && (mode === "draft" || raw.lines.length > 1)) return;
      const n = index + 1;
      const item = checkText(
        row.item,
        { path: ["lines", index, "item"], name: `Item ${n}`, missing: `Enter what budget line ${n} is for`, required: true, maxChars: 200, singleLine: true },
        problems,
      );
      const costPence = checkMoney(
        row.cost,
        {
          path: ["lines", index, "cost"],
          name: `Cost of budget line ${n}`,
          missing: `Enter the cost of budget line ${n}, like 1500`,
          format: `Cost of budget line ${n} must be an amount in pounds, like 1500 or 1500.50`,
          required: true,
        },
        problems,
      );
      if (costPence === 0) problems.push({ path: ["lines", index, "cost"], message: `Cost of budget line ${n} must be more than £0` });
      const otherFundingPence = checkMoney(
        row.otherFunding,
        {
          path: ["lines", index, "otherFunding"],
          name: `Other funding for budget line ${n}`,
          missing: "",
          format: `Other funding for budget line ${n} must be an amount in pounds, like 500 or 500.50`,
          required: false,
        },
        problems,
      );
      if (costPence !== null && otherFundingPence !== null && otherFundingPence > costPence) {
        problems.push({ path: ["lines", index, "otherFunding"], message: `Other funding for budget line ${n} must not be more than its cost` });
      }
      lines.push({ item, costPence: costPence ?? 0, otherFundingPence: otherFundingPence ?? 0 });
    });
    if (lines.length > rules.maxBudgetLines) {
      problems.push({ path: ["lines", rules.maxBudgetLines, "item"], message: `You can add up to ${rules.maxBudgetLines} budget lines` });
    }
    if (mode === "complete" && problems.length === 0) {
      if (lines.length === 0) problems.push({ path: ["lines", 0, "item"], message: "Enter what budget line 1 is for" });
      else if (amountRequestedPence !== null) {
        const mismatch = budgetMatchProblem(amountRequestedPence, lines);
        if (mismatch) problems.push({ path: ["budgetTotal"], message: mismatch });
      }
    }
    return lines;
  });
}

// --- beneficiaries ---------------------------------------------------------------------

export function beneficiariesSchema(rules: FormRules, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ beneficiaries: text, beneficiaryCount: text }, (raw, problems) => {
    const beneficiaries = checkText(
      raw.beneficiaries,
      {
        path: ["beneficiaries"],
        name: "Who will benefit",
        missing: "Describe who will benefit from your project",
        required,
        maxWords: rules.beneficiariesMaxWords,
        maxChars: charsFor(rules.beneficiariesMaxWords),
      },
      problems,
    );
    const count = raw.beneficiaryCount.trim().replaceAll(",", "");
    let beneficiaryCount: number | null = null;
    if (count === "") {
      if (required) problems.push({ path: ["beneficiaryCount"], message: "Enter how many people will benefit, like 120" });
    } else if (!/^\d+$/.test(count)) {
      problems.push({ path: ["beneficiaryCount"], message: "Number of people who will benefit must be a whole number, like 120" });
    } else if (count.length > 7 || Number(count) < 1 || Number(count) > 1_000_000) {
      problems.push({ path: ["beneficiaryCount"], message: "Number of people who will benefit must be between 1 and 1,000,000" });
    } else beneficiaryCount = Number(count);
    return { beneficiaries, beneficiaryCount };
  });
}

// --- safeguarding and equality -----------------------------------------------------------

export function safeguardingSchema(rules: FormRules, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ safeguardingAnswer: text, equalityAnswer: text }, (raw, problems) => {
    const safeguardingAnswer = checkText(
      raw.safeguardingAnswer,
      {
        path: ["safeguardingAnswer"],
        name: "Safeguarding answer",
        missing: "Describe how you will keep children and adults at risk safe",
        required,
        maxWords: rules.safeguardingMaxWords,
        maxChars: charsFor(rules.safeguardingMaxWords),
      },
      problems,
    );
    const equalityAnswer = checkText(
      raw.equalityAnswer,
      {
        path: ["equalityAnswer"],
        name: "Equality answer",
        missing: "Describe how your project will reach and include everyone who could benefit",
        required: required && rules.equalityRequired,
        maxWords: rules.equalityMaxWords,
        maxChars: charsFor(rules.equalityMaxWords),
      },
      problems,
    );
    return { safeguardingAnswer, equalityAnswer };
  });
}

// --- declarations ------------------------------------------------------------------------

export const DECLARATIONS = [
  { value: "true-and-complete", label: "The information in this bid is true and complete, to the best of our knowledge" },
  { value: "authorised", label: "I am authorised to submit this bid on behalf of the organisation" },
  { value: "report-changes", label: "We will tell the fund straight away about any change that affects this bid" },
  { value: "monitoring", label: "If funded, we will report on our outcomes and how the money was spent" },
] as const;

export const declarationsSchema = sectionSchema({ declarations: z.array(z.string()).default([]) }, (raw, problems) => {
  const ticked = new Set(raw.declarations);
  if (DECLARATIONS.some((d) => !ticked.has(d.value))) problems.push({ path: ["declarations"], message: "Select every declaration to confirm it" });
  return true as const;
});
