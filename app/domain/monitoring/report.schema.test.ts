import { describe, expect, it } from "vitest";
import { parseValues } from "~/lib/parse-form";
import { reportIntent, reportSchema, reviewSchema } from "./report.schema";

const outcomes = [{ id: "o1", outcome: "Young people feel safer", indicator: "Survey", target: "75% of 120" }];
const lines = [
  { id: "b1", item: "Youth workers", costPence: 900_000 },
  { id: "b2", item: "Venue", costPence: 50_000 },
];
const whole = {
  outcomes: { o1: { achieved: "64", commentary: "From the survey." } },
  spent: { b1: "4,500.50", b2: "0" },
  progress: "Twenty sessions.",
  challenges: "None.",
};

describe("reportSchema", () => {
  it("reads a whole report: whole numbers achieved, pounds spent as pence", () => {
    const parsed = parseValues(whole, reportSchema(outcomes, lines, "submit"));
    expect(parsed.ok && parsed.data).toEqual({
      outcomes: [{ bidOutcomeId: "o1", achievedValue: 64, commentary: "From the survey." }],
      budgetLines: [
        { budgetLineId: "b1", spentPence: 450_050 },
        { budgetLineId: "b2", spentPence: 0 },
      ],
      progress: "Twenty sessions.",
      challenges: "None.",
    });
  });

  it("lets a draft leave answers out", () => {
    const parsed = parseValues({ progress: "Started." }, reportSchema(outcomes, lines, "save"));
    expect(parsed.ok && parsed.data).toEqual({
      outcomes: [{ bidOutcomeId: "o1", achievedValue: null, commentary: "" }],
      budgetLines: [],
      progress: "Started.",
      challenges: "",
    });
  });

  it("needs every answer to submit, and says which by its field", () => {
    const parsed = parseValues({}, reportSchema(outcomes, lines, "submit"));
    expect(!parsed.ok && Object.keys(parsed.refusal.fieldErrors)).toEqual([
      "outcomes.o1.achieved",
      "outcomes.o1.commentary",
      "spent.b1",
      "spent.b2",
      "progress",
      "challenges",
    ]);
  });

  it("refuses figures typed wrongly even in a draft", () => {
    const parsed = parseValues({ outcomes: { o1: { achieved: "12.5" } }, spent: { b1: "lots" } }, reportSchema(outcomes, lines, "save"));
    expect(!parsed.ok && parsed.refusal.fieldErrors).toEqual({
      "outcomes.o1.achieved": "What has been achieved for outcome 1 must be a whole number, like 45",
      "spent.b1": "Amount spent on budget line 1 must be an amount in pounds, like 1500 or 1500.50",
    });
  });

  it("submits only from the Submit button", () => {
    expect(reportIntent("submit")).toBe("submit");
    expect(reportIntent("save")).toBe("save");
    expect(reportIntent(undefined)).toBe("save");
  });
});

describe("reviewSchema", () => {
  it("needs a decision and a comment", () => {
    const parsed = parseValues({ comment: "  " }, reviewSchema);
    expect(!parsed.ok && parsed.refusal.fieldErrors).toEqual({
      decision: "Select whether to accept the report or ask for changes",
      comment: "Enter a comment for the organisation",
    });
    const ok = parseValues({ decision: "accept", comment: " Thank you. " }, reviewSchema);
    expect(ok.ok && ok.data).toEqual({ decision: "accept", comment: "Thank you." });
  });
});
