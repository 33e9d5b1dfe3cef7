import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { acceptAwardSchema, declineAwardSchema } from "./award-response.schema";
import { awardReturnSchema } from "./award-return.schema";

const errors = (parsed: { success: boolean; error?: unknown }) => (parsed.success ? {} : fieldErrorsFrom(parsed.error as never));

describe("the applicant's answer to an award", () => {
  it("accepts only with both boxes ticked, as posted or as react-hook-form gives them", () => {
    expect(acceptAwardSchema.safeParse({ acceptConditions: "yes", bankDetailsHeld: ["yes"] }).success).toBe(true);
    expect(errors(acceptAwardSchema.safeParse({ acceptConditions: false }))).toEqual({
      acceptConditions: "Confirm that your organisation accepts the conditions of the award",
      bankDetailsHeld: "Confirm that the fund administrator holds your organisation's bank details",
    });
  });

  it("declines with a reason of 1000 characters or fewer, trimmed", () => {
    expect(declineAwardSchema.parse({ declineReason: "  No longer needed " })).toEqual({ declineReason: "No longer needed" });
    expect(errors(declineAwardSchema.safeParse({ declineReason: " " }))).toEqual({ declineReason: "Enter why your organisation is declining the award" });
    expect(errors(declineAwardSchema.safeParse({ declineReason: "x".repeat(1001) }))).toEqual({ declineReason: "Reason must be 1000 characters or fewer" });
  });
});

describe("money returned on an award", () => {
  const good = { awardId: "a1", amount: " 1500.50 ", kind: "returned", reason: " Underspend " };

  it("keeps the amount as typed (trimmed) once it is pounds above £0", () => {
    expect(awardReturnSchema.parse(good)).toEqual({ awardId: "a1", amount: "1500.50", kind: "returned", reason: "Underspend" });
  });

  it("names each problem", () => {
    expect(errors(awardReturnSchema.safeParse({ awardId: "" }))).toEqual({
      awardId: "Choose the award",
      amount: "Enter the amount returned in pounds",
      kind: "Select whether the money was returned or clawed back",
      reason: "Enter the reason",
    });
    expect(errors(awardReturnSchema.safeParse({ ...good, awardId: " ", amount: "lots" }))).toEqual({
      awardId: "Choose the award",
      amount: "Enter the amount in pounds, like 1500 or 1500.50",
    });
    expect(errors(awardReturnSchema.safeParse({ ...good, amount: "0" }))).toEqual({ amount: "The amount must be more than £0" });
  });
});
