// The assessor's scoring form: one score and comment per criterion, an
// overall recommendation and comment. Pure, shared by the server and the page. A draft may be
// incomplete; a submitted assessment must be whole. Scores outside a criterion's scale are
// refused either way. zod/mini: the scoring and conflict pages run it in the browser (ADR 0027).
import * as z from "zod/mini";
import { fieldErrorsFrom } from "~/lib/form-errors";
import type { FormObject, FormValue } from "~/lib/form-values";
import { invalid, type Result } from "~/lib/refusal";
import { scoreProblem } from "./scoring";

export const RECOMMENDATIONS = [
  { value: "fund", label: "Fund" },
  { value: "fund_in_part", label: "Fund in part" },
  { value: "reserve", label: "Reserve" },
  { value: "do_not_fund", label: "Do not fund" },
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number]["value"];

export function recommendationLabel(value: string | null | undefined) {
  return RECOMMENDATIONS.find((r) => r.value === value)?.label ?? "Not given";
}

/** Scores at or below this need a comment explaining them. */
export const LOW_SCORE = 1;
export const COMMENT_MAX = 2000;
export const OVERALL_COMMENT_MAX = 5000;

export type CriterionForForm = { id: string; title: string; maxScore: number };

export type AssessmentValues = {
  scores: Record<string, string>;
  comments: Record<string, string>;
  recommendation: string;
  overallComment: string;
};

export type ParsedAssessment = {
  scores: { criterionId: string; score: number; comment: string }[];
  recommendation: Recommendation | null;
  overallComment: string;
};

/**
 * The posted form (read by the edge into nested text values) as the scoring form's values. Field
 * names are `scores.<criterionId>` and `comments.<criterionId>`, so error links land on them.
 */
export function assessmentValues(posted: FormObject, criteria: readonly CriterionForForm[]): AssessmentValues {
  const text = (value: FormValue | undefined) => (typeof value === "string" ? value.trim() : "");
  const group = (value: FormValue | undefined) => (typeof value === "object" && !Array.isArray(value) ? value : {});
  const scores = group(posted.scores);
  const comments = group(posted.comments);
  return {
    scores: Object.fromEntries(criteria.map((c) => [c.id, text(scores[c.id])])),
    comments: Object.fromEntries(criteria.map((c) => [c.id, text(comments[c.id])])),
    recommendation: text(posted.recommendation),
    overallComment: text(posted.overallComment),
  };
}

/** The form's fields in page order, for the error summary: a whole-form problem first. */
export function assessmentFieldOrder(criteria: readonly Pick<CriterionForForm, "id">[]): string[] {
  return ["form", ...criteria.flatMap((c) => [`scores.${c.id}`, `comments.${c.id}`]), "recommendation", "overallComment"];
}

const wholeNumber = z.string().check(z.regex(/^\d{1,3}$/));

/** A field as the form sends it, trimmed; "" when left out (the browser gives null for an unticked radio). */
const formText = z.pipe(
  z.nullish(z.string()),
  z.transform((value: string | null | undefined) => (value ?? "").trim()),
);

export type AssessmentIntent = "save" | "submit";

/** Which button sent the form: only "Submit assessment" submits; anything else saves a draft. */
export function assessmentIntent(value: unknown): AssessmentIntent {
  return value === "submit" ? "submit" : "save";
}

/**
 * The scoring form's one schema, parsed by the action and used by the page in the browser. Each
 * intent has its own rules: a draft may leave anything out, a submission must be whole; a score
 * off the scale, a comment too long or a recommendation not on the list is refused either way.
 * Errors are keyed `scores.<criterionId>`, `comments.<criterionId>`, `recommendation`,
 * `overallComment`, the names of the fields.
 */
export function assessmentSchema(criteria: readonly CriterionForForm[], intent: AssessmentIntent) {
  return z.pipe(
    z.object({
      scores: z._default(z.record(z.string(), formText), {}),
      comments: z._default(z.record(z.string(), formText), {}),
      recommendation: formText,
      overallComment: formText,
    }),
    z.transform((values: AssessmentValues, ctx): ParsedAssessment => {
      const problem = (path: string[], message: string) => ctx.issues.push({ code: "custom", path, message, input: values });
      const scores: ParsedAssessment["scores"] = [];
      for (const criterion of criteria) {
        const raw = values.scores[criterion.id] ?? "";
        const comment = values.comments[criterion.id] ?? "";
        if (comment.length > COMMENT_MAX) problem(["comments", criterion.id], `Comment on “${criterion.title}” must be ${COMMENT_MAX} characters or fewer`);
        if (raw === "") {
          if (intent === "submit") problem(["scores", criterion.id], `Select a score for “${criterion.title}”`);
          continue;
        }
        const score = wholeNumber.safeParse(raw).success ? Number(raw) : Number.NaN;
        const scaleProblem = scoreProblem(score, criterion);
        if (scaleProblem) {
          problem(["scores", criterion.id], scaleProblem);
          continue;
        }
        if (intent === "submit" && score <= LOW_SCORE && comment === "") {
          problem(["comments", criterion.id], `Explain why you scored “${criterion.title}” ${score}`);
        }
        scores.push({ criterionId: criterion.id, score, comment });
      }
      const recommendation = RECOMMENDATIONS.find((r) => r.value === values.recommendation)?.value ?? null;
      if (values.recommendation !== "" && recommendation === null) problem(["recommendation"], "Select a recommendation from the list");
      if (intent === "submit" && values.recommendation === "") problem(["recommendation"], "Select your overall recommendation");
      if (values.overallComment.length > OVERALL_COMMENT_MAX) problem(["overallComment"], `Overall comment must be ${OVERALL_COMMENT_MAX} characters or fewer`);
      else if (intent === "submit" && values.overallComment === "") problem(["overallComment"], "Enter an overall comment");
      return { scores, recommendation, overallComment: values.overallComment };
    }),
  );
}

export function parseAssessment(
  values: AssessmentValues,
  criteria: readonly CriterionForForm[],
  intent: AssessmentIntent,
): Result<{ assessment: ParsedAssessment }> {
  const parsed = assessmentSchema(criteria, intent).safeParse(values);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  return { ok: true, assessment: parsed.data };
}

export const conflictSchema = z
  .object({
    conflict: z.enum(["yes", "no"], { error: "Select yes if you have a conflict of interest" }),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(1000, "Reason must be 1000 characters or fewer"))),
  })
  .check(z.refine((v) => v.conflict === "no" || (v.reason ?? "").length > 0, { path: ["reason"], message: "Enter why you have a conflict of interest" }));

export type ConflictInput = z.infer<typeof conflictSchema>;
