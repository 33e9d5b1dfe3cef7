import { describe, expect, it } from "vitest";
import { conflictSchema, parseAssessment, type AssessmentValues } from "./assessment-form";

const criteria = [
  { id: "c1", title: "Objectives", maxScore: 4 },
  { id: "c2", title: "Value for money", maxScore: 4 },
];
const complete: AssessmentValues = {
  scores: { c1: "3", c2: "1" },
  comments: { c1: "", c2: "Costs are high for the reach" },
  recommendation: "fund_in_part",
  overallComment: "A sound project.",
};

describe("parseAssessment", () => {
  it("accepts a complete assessment for submission", () => {
    const parsed = parseAssessment(complete, criteria, "submit");
    expect(parsed).toEqual({
      ok: true,
      assessment: {
        scores: [{ criterionId: "c1", score: 3, comment: "" }, { criterionId: "c2", score: 1, comment: "Costs are high for the reach" }],
        recommendation: "fund_in_part",
        overallComment: "A sound project.",
      },
    });
  });

  it("lets a draft leave things out, but not break the scale", () => {
    expect(parseAssessment({ scores: { c1: "", c2: "" }, comments: {}, recommendation: "", overallComment: "" }, criteria, "save").ok).toBe(true);
    for (const bad of ["5", "-1", "2.5", "four", "1e0"]) {
      const parsed = parseAssessment({ ...complete, scores: { c1: bad, c2: "" } }, criteria, "save");
      expect(parsed).toEqual({ ok: false, errors: { "scores.c1": "Score for “Objectives” must be a whole number from 0 to 4" } });
    }
  });

  it("asks for every score, a recommendation and an overall comment before submitting", () => {
    const parsed = parseAssessment({ scores: { c1: "", c2: "" }, comments: {}, recommendation: "", overallComment: "" }, criteria, "submit");
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      "scores.c1": "Select a score for “Objectives”",
      "scores.c2": "Select a score for “Value for money”",
      recommendation: "Select your overall recommendation",
      overallComment: "Enter an overall comment",
    });
  });

  it("needs a comment for a score at or below 1 when submitting", () => {
    const parsed = parseAssessment({ ...complete, scores: { c1: "0", c2: "2" }, comments: { c1: "", c2: "" } }, criteria, "submit");
    expect(parsed.ok ? {} : parsed.errors).toEqual({ "comments.c1": "Explain why you scored “Objectives” 0" });
  });

  it("refuses a recommendation that is not on the list", () => {
    const parsed = parseAssessment({ ...complete, recommendation: "maybe" }, criteria, "save");
    expect(parsed.ok ? {} : parsed.errors).toEqual({ recommendation: "Select a recommendation from the list" });
  });
});

describe("conflictSchema", () => {
  it("needs a reason only when there is a conflict", () => {
    expect(conflictSchema.safeParse({ conflict: "no" }).success).toBe(true);
    expect(conflictSchema.safeParse({ conflict: "yes", reason: "  " }).success).toBe(false);
    expect(conflictSchema.safeParse({ conflict: "yes", reason: "My sister is a trustee" }).success).toBe(true);
    expect(conflictSchema.safeParse({}).success).toBe(false);
  });
});
