// A round's assessment criteria as the fund administrator types them:
// title, guidance for assessors, weight and the highest score of each, in order. Pure: the rows
// come in as posted text and go out as checked values or GOV.UK error messages keyed by field.
// zod/mini: the criteria page loads this module in the browser (ADR 0027).
import { criteriaProblem } from "~/domain/assessment/scoring";
import * as z from "zod/mini";
import { FORM_ERROR, type FieldErrors } from "~/lib/form-errors";
import { formRows, type FormValue } from "~/lib/form-values";
import { invalid, refusalErrors, type Result } from "~/lib/refusal";

export const MAX_CRITERIA = 20;
export const MAX_TITLE_LENGTH = 120;
export const MAX_GUIDANCE_LENGTH = 1000;
export const MAX_HIGHEST_SCORE = 10;

export const CRITERION_FIELDS = ["id", "title", "guidance", "weightPercent", "maxScore"] as const;

/** What is read of a saved criterion to show it or fill its row: the same fields as a row. */
export const criterionSelect = { id: true, title: true, guidance: true, weightPercent: true, maxScore: true } as const;
type CriterionField = (typeof CRITERION_FIELDS)[number];

/** One criterion as posted: every field as typed; `id` is blank for a criterion not saved yet. */
export type CriterionRow = Record<CriterionField, string>;

/** A new row starts on the usual 0 to 4 scale. */
export const BLANK_CRITERION: CriterionRow = { id: "", title: "", guidance: "", weightPercent: "", maxScore: "4" };

export type CheckedCriterion = {
  /** The stored criterion this row edits, or null for a new one. */
  id: string | null;
  title: string;
  guidance: string;
  weightPercent: number;
  maxScore: number;
  position: number;
};

/** The field name of a row's input: `criteria.0.title` (rows count from 0, labels from 1). */
export function criterionField(index: number, field: CriterionField) {
  return `criteria.${index}.${field}`;
}

export type CriteriaIntent = { kind: "add" } | { kind: "remove"; index: number } | { kind: "save" };

/** What the pressed button asked for: `add`, `remove:N` (N counts from 1, as the legends do) or a save. */
export function criteriaIntent(intent: unknown): CriteriaIntent {
  if (intent === "add") return { kind: "add" };
  const remove = typeof intent === "string" ? /^remove:(\d{1,3})$/.exec(intent) : null;
  if (remove && Number(remove[1]) >= 1) return { kind: "remove", index: Number(remove[1]) - 1 };
  return { kind: "save" };
}

/** The rows with a blank one added at the end, or why no more can be added. */
export function addCriterion(rows: readonly CriterionRow[]): { rows: CriterionRow[]; errors: FieldErrors } {
  if (rows.length >= MAX_CRITERIA) return { rows: [...rows], errors: { [FORM_ERROR]: `A round can have up to ${MAX_CRITERIA} criteria` } };
  return { rows: [...rows, { ...BLANK_CRITERION }], errors: {} };
}

/** The rows without the one at `index` (counting from 0); the same rows if there is no such row. */
export function removeCriterion(rows: readonly CriterionRow[], index: number): CriterionRow[] {
  return rows.filter((_, i) => i !== index);
}

/** A whole number from min to max, as typed (spaces and a trailing % allowed), or null. */
export function wholeNumber(raw: string, min: number, max: number): number | null {
  const value = raw.trim().replace(/\s*%$/, "");
  if (!/^\d{1,3}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

export function tidyTitle(raw: string) {
  return raw.trim().replace(/\s+/g, " ");
}

/** Browsers post a textarea's line breaks as CRLF; they are stored, and counted, as one character. */
export function tidyGuidance(raw: string) {
  return raw.replace(/\r\n?/g, "\n").trim();
}

/** The total of the weights typed so far, counting only those that are whole numbers from 0 to 100. */
export function weightsTotal(rows: readonly CriterionRow[]): number {
  return rows.reduce((sum, row) => sum + (wholeNumber(row.weightPercent, 0, 100) ?? 0), 0);
}

/** Checks every row; on any problem returns all the messages (in the order of the page) and nothing to save. */
export function checkCriteria(rows: readonly CriterionRow[]): Result<{ criteria: CheckedCriterion[] }> {
  const errors: FieldErrors = {};
  if (rows.length > MAX_CRITERIA) return invalid({ [FORM_ERROR]: `A round can have up to ${MAX_CRITERIA} criteria` });
  if (rows.length === 0) return invalid({ [FORM_ERROR]: criteriaProblem([])! });

  const seen = new Map<string, number>();
  const checked = rows.map((row, index) => {
    const n = index + 1;
    const title = tidyTitle(row.title);
    if (!title) errors[criterionField(index, "title")] = `Enter the title of criterion ${n}`;
    else if (title.length > MAX_TITLE_LENGTH)
      errors[criterionField(index, "title")] = `The title of criterion ${n} must be ${MAX_TITLE_LENGTH} characters or fewer`;
    else {
      const first = seen.get(title.toLowerCase());
      if (first !== undefined)
        errors[criterionField(index, "title")] = `Criterion ${n} has the same title as criterion ${first}; give each criterion a different title`;
      else seen.set(title.toLowerCase(), n);
    }

    const guidance = tidyGuidance(row.guidance);
    if (guidance.length > MAX_GUIDANCE_LENGTH)
      errors[criterionField(index, "guidance")] = `The guidance for criterion ${n} must be ${MAX_GUIDANCE_LENGTH} characters or fewer`;

    const weightPercent = wholeNumber(row.weightPercent, 0, 100);
    if (!row.weightPercent.trim()) errors[criterionField(index, "weightPercent")] = `Enter the weight of criterion ${n}, in per cent`;
    else if (weightPercent === null) errors[criterionField(index, "weightPercent")] = `The weight of criterion ${n} must be a whole number from 0 to 100`;

    const maxScore = wholeNumber(row.maxScore, 1, MAX_HIGHEST_SCORE);
    if (!row.maxScore.trim()) errors[criterionField(index, "maxScore")] = `Enter the highest score for criterion ${n}`;
    else if (maxScore === null)
      errors[criterionField(index, "maxScore")] = `The highest score for criterion ${n} must be a whole number from 1 to ${MAX_HIGHEST_SCORE}`;

    return { id: row.id.trim() || null, title, guidance, weightPercent, maxScore, position: index };
  });

  // The 100% rule is the one scoring uses; it can only be judged once every weight is a number.
  if (checked.every((c) => c.weightPercent !== null)) {
    const problem = criteriaProblem(
      checked.map((c) => ({ id: String(c.position), title: c.title, weightPercent: c.weightPercent!, maxScore: c.maxScore ?? 1 })),
    );
    if (problem) errors[criterionField(0, "weightPercent")] = problem;
  }
  if (Object.keys(errors).length > 0) return invalid(inPageOrder(errors));
  return { ok: true, criteria: checked.map((c) => ({ ...c, weightPercent: c.weightPercent!, maxScore: c.maxScore! })) };
}

/** Row by row, fields in the order they are shown, so the error summary reads down the page. */
function inPageOrder(errors: FieldErrors): FieldErrors {
  const rank = (key: string) => {
    if (key === FORM_ERROR) return -1;
    const [, index, field] = key.split(".");
    return Number(index) * CRITERION_FIELDS.length + CRITERION_FIELDS.indexOf(field as CriterionField);
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The criteria form's schema: the posted rows, checked as a whole by checkCriteria (the rules
 * span rows: distinct titles, weights that add up to 100%), its messages keyed by field.
 */
export const criteriaSchema = z.pipe(
  z.object({ criteria: z.optional(z.unknown()) }),
  z.transform((posted: { criteria?: unknown }, ctx) => {
    const checked = checkCriteria(formRows(posted.criteria as FormValue | undefined, CRITERION_FIELDS));
    if (checked.ok) return checked.criteria;
    for (const [field, message] of Object.entries(refusalErrors(checked.refusal))) {
      ctx.issues.push({ code: "custom", path: field === FORM_ERROR ? [] : field.split("."), message: message ?? "", input: posted });
    }
    return z.NEVER;
  }),
);
