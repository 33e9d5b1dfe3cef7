import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { eligibilityAnswersSchema } from "./answers";
import { eligibilitySchema, NONE } from "./eligibility.schema";

const schema = eligibilitySchema({ areaIds: ["north", "south"], priorityIds: ["p1"] });
const errors = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the eligibility check form", () => {
  it("reads the answers: one box or several, 'None of these' as no choice, the amount in pence", () => {
    expect(schema.parse({ organisationType: "cic", areaIds: ["north", "north", "south"], priorityIds: NONE, amountRequested: "12,500" })).toEqual({
      organisationType: "cic",
      areaIds: ["north", "south"],
      priorityIds: [],
      amountRequested: 1_250_000,
    });
  });

  it("names each problem, and refuses a choice that is not the round's", () => {
    expect(errors({ areaIds: false })).toEqual({
      organisationType: "Select the type of organisation that is applying",
      areaIds: "Select where your project will work, or select 'None of these'",
      priorityIds: "Select the priorities your project will address, or select 'None of these'",
      amountRequested: "Enter the amount you are requesting, like 12500",
    });
    expect(errors({ organisationType: "cic", areaIds: ["east"], priorityIds: ["p1", NONE], amountRequested: "0" })).toEqual({
      areaIds: "Select where your project will work, or select 'None of these'",
      priorityIds: "Select the priorities your project will address, or select 'None of these', not both",
      amountRequested: "Amount you are requesting must be more than £0",
    });
  });

  it("reads back the answers kept for the bid, whole pence only", () => {
    const answers = { roundSlug: "r", organisationType: "cic", areaIds: ["north"], priorityIds: [], amountRequestedPence: 100 };
    expect(eligibilityAnswersSchema.parse(answers)).toEqual(answers);
    expect(eligibilityAnswersSchema.safeParse({ ...answers, amountRequestedPence: 1.5 }).success).toBe(false);
    expect(eligibilityAnswersSchema.safeParse({ ...answers, amountRequestedPence: -1 }).success).toBe(false);
  });
});
