import { describe, expect, it } from "vitest";
import { assessmentIntent, assessmentSchema, COMMENT_MAX, conflictSchema, assessmentValues, parseAssessment, type AssessmentValues } from "./assessment-form";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { invalid, refusalErrors } from "~/lib/refusal";

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
        scores: [
          { criterionId: "c1", score: 3, comment: "" },
          { criterionId: "c2", score: 1, comment: "Costs are high for the reach" },
        ],
        recommendation: "fund_in_part",
        overallComment: "A sound project.",
      },
    });
  });

  it("lets a draft leave things out, but not break the scale", () => {
    expect(parseAssessment({ scores: { c1: "", c2: "" }, comments: {}, recommendation: "", overallComment: "" }, criteria, "save").ok).toBe(true);
    for (const bad of ["5", "-1", "2.5", "four", "1e0"]) {
      const parsed = parseAssessment({ ...complete, scores: { c1: bad, c2: "" } }, criteria, "save");
      expect(parsed).toEqual(invalid({ "scores.c1": "Score for “Objectives” must be a whole number from 0 to 4" }));
    }
  });

  it("asks for every score, a recommendation and an overall comment before submitting", () => {
    const parsed = parseAssessment({ scores: { c1: "", c2: "" }, comments: {}, recommendation: "", overallComment: "" }, criteria, "submit");
    expect(parsed.ok ? {} : refusalErrors(parsed.refusal)).toEqual({
      "scores.c1": "Select a score for “Objectives”",
      "scores.c2": "Select a score for “Value for money”",
      recommendation: "Select your overall recommendation",
      overallComment: "Enter an overall comment",
    });
  });

  it("needs a comment for a score at or below 1 when submitting", () => {
    const parsed = parseAssessment({ ...complete, scores: { c1: "0", c2: "2" }, comments: { c1: "", c2: "" } }, criteria, "submit");
    expect(parsed.ok ? {} : refusalErrors(parsed.refusal)).toEqual({ "comments.c1": "Explain why you scored “Objectives” 0" });
  });

  it("refuses a recommendation that is not on the list", () => {
    const parsed = parseAssessment({ ...complete, recommendation: "maybe" }, criteria, "save");
    expect(parsed.ok ? {} : refusalErrors(parsed.refusal)).toEqual({ recommendation: "Select a recommendation from the list" });
  });
});

describe("assessmentIntent", () => {
  it("submits only for the submit button; anything else saves a draft", () => {
    expect(assessmentIntent("submit")).toBe("submit");
    for (const other of ["save", "", null, undefined, "SUBMIT", "anything"]) expect(assessmentIntent(other)).toBe("save");
  });
});

describe("assessmentSchema in the browser", () => {
  // What react-hook-form hands the resolver: nested by the dotted field names, null for a radio
  // group with nothing ticked, text as typed.
  const untouched = { scores: { c1: null, c2: null }, comments: { c1: "", c2: "" }, recommendation: null, overallComment: "" };
  const errorsOf = (intent: "save" | "submit", values: unknown) => {
    const parsed = assessmentSchema(criteria, intent).safeParse(values);
    return parsed.success ? {} : fieldErrorsFrom(parsed.error);
  };

  it("lets a draft be saved with nothing filled in, though submitting it would be refused", () => {
    expect(errorsOf("save", untouched)).toEqual({});
    expect(errorsOf("submit", untouched)).toEqual({
      "scores.c1": "Select a score for “Objectives”",
      "scores.c2": "Select a score for “Value for money”",
      recommendation: "Select your overall recommendation",
      overallComment: "Enter an overall comment",
    });
  });

  it("does not hold a draft back for a low score without a comment", () => {
    const values = { ...untouched, scores: { c1: "0", c2: null } };
    expect(errorsOf("save", values)).toEqual({});
    expect(errorsOf("submit", values)).toMatchObject({ "comments.c1": "Explain why you scored “Objectives” 0" });
  });

  it("refuses an over-long comment whichever button is pressed", () => {
    const values = { ...untouched, comments: { c1: "x".repeat(COMMENT_MAX + 1), c2: "" } };
    expect(errorsOf("save", values)).toEqual({ "comments.c1": `Comment on “Objectives” must be ${COMMENT_MAX} characters or fewer` });
    expect(errorsOf("submit", values)["comments.c1"]).toBe(`Comment on “Objectives” must be ${COMMENT_MAX} characters or fewer`);
  });

  it("trims what was typed, as the server does", () => {
    const typed = { ...complete, comments: { c1: " ", c2: " Costs are high for the reach " }, overallComment: "  A sound project.\n" };
    const parsed = assessmentSchema(criteria, "submit").safeParse(typed);
    expect(parsed.success ? parsed.data : null).toEqual({
      scores: [
        { criterionId: "c1", score: 3, comment: "" },
        { criterionId: "c2", score: 1, comment: "Costs are high for the reach" },
      ],
      recommendation: "fund_in_part",
      overallComment: "A sound project.",
    });
    expect(errorsOf("submit", { ...complete, overallComment: "   " })).toEqual({ overallComment: "Enter an overall comment" });
  });

  it("gives the same errors as the server's parse of the same form, posted", () => {
    // As the edge reads `scores.c1=0&comments.c1=%20&recommendation=maybe` (lib/form-values.ts).
    const posted = { scores: { c1: "0" }, comments: { c1: " " }, recommendation: "maybe" };
    const server = parseAssessment(assessmentValues(posted, criteria), criteria, "submit");
    const browser = errorsOf("submit", { scores: { c1: "0", c2: null }, comments: { c1: " ", c2: "" }, recommendation: "maybe", overallComment: "" });
    expect(browser).toEqual({
      "scores.c2": "Select a score for “Value for money”",
      "comments.c1": "Explain why you scored “Objectives” 0",
      recommendation: "Select a recommendation from the list",
      overallComment: "Enter an overall comment",
    });
    expect(server.ok ? {} : refusalErrors(server.refusal)).toEqual(browser);
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
