// The assessor's scoring form (issue 4, "Scoring"): one score and comment per criterion, an
// overall recommendation and comment. Pure, shared by the server and the page. A draft may be
// incomplete; a submitted assessment must be whole. Scores outside a criterion's scale are
// refused either way.
import { z } from "zod";
import type { FieldErrors } from "~/lib/form-errors";
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

/** Field names: `scores.<criterionId>` and `comments.<criterionId>`, so error links land on them. */
export function valuesFromForm(form: FormData, criteria: readonly CriterionForForm[]): AssessmentValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    scores: Object.fromEntries(criteria.map((c) => [c.id, text(`scores.${c.id}`).trim()])),
    comments: Object.fromEntries(criteria.map((c) => [c.id, text(`comments.${c.id}`).trim()])),
    recommendation: text("recommendation").trim(),
    overallComment: text("overallComment").trim(),
  };
}

const wholeNumber = z.string().regex(/^\d{1,3}$/);

export function parseAssessment(
  values: AssessmentValues,
  criteria: readonly CriterionForForm[],
  intent: "save" | "submit",
): { ok: true; assessment: ParsedAssessment } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const scores: ParsedAssessment["scores"] = [];
  for (const criterion of criteria) {
    const raw = values.scores[criterion.id] ?? "";
    const comment = values.comments[criterion.id] ?? "";
    if (comment.length > COMMENT_MAX) errors[`comments.${criterion.id}`] = `Comment on “${criterion.title}” must be ${COMMENT_MAX} characters or fewer`;
    if (raw === "") {
      if (intent === "submit") errors[`scores.${criterion.id}`] = `Select a score for “${criterion.title}”`;
      continue;
    }
    const score = wholeNumber.safeParse(raw).success ? Number(raw) : Number.NaN;
    const problem = scoreProblem(score, criterion);
    if (problem) {
      errors[`scores.${criterion.id}`] = problem;
      continue;
    }
    if (intent === "submit" && score <= LOW_SCORE && comment === "") {
      errors[`comments.${criterion.id}`] = `Explain why you scored “${criterion.title}” ${score}`;
    }
    scores.push({ criterionId: criterion.id, score, comment });
  }
  const recommendation = RECOMMENDATIONS.find((r) => r.value === values.recommendation)?.value ?? null;
  if (values.recommendation !== "" && recommendation === null) errors.recommendation = "Select a recommendation from the list";
  if (intent === "submit" && values.recommendation === "") errors.recommendation = "Select your overall recommendation";
  if (values.overallComment.length > OVERALL_COMMENT_MAX) errors.overallComment = `Overall comment must be ${OVERALL_COMMENT_MAX} characters or fewer`;
  else if (intent === "submit" && values.overallComment === "") errors.overallComment = "Enter an overall comment";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, assessment: { scores, recommendation, overallComment: values.overallComment } };
}

export const conflictSchema = z
  .object({
    conflict: z.enum(["yes", "no"], { error: "Select yes if you have a conflict of interest" }),
    reason: z.string().trim().max(1000, "Reason must be 1000 characters or fewer").optional(),
  })
  .refine((v) => v.conflict === "no" || (v.reason ?? "").length > 0, { path: ["reason"], message: "Enter why you have a conflict of interest" });

export type ConflictInput = z.infer<typeof conflictSchema>;
