import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { screeningSchema } from "./screening.schema";

const errors = (input: unknown) => {
  const parsed = screeningSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the screening form", () => {
  it("takes a decision, with a reason when the bid is not eligible, trimmed", () => {
    expect(screeningSchema.parse({ decision: "eligible", note: "  fine " })).toEqual({ decision: "eligible", note: "fine" });
    expect(screeningSchema.parse({ decision: "ineligible", reasonId: " r1 " })).toEqual({ decision: "ineligible", reasonId: "r1" });
  });

  it("needs a decision, a reason for an ineligible bid, and a note of 1000 characters or fewer", () => {
    expect(errors({})).toEqual({ decision: "Select whether the bid is eligible" });
    expect(errors({ decision: "ineligible", reasonId: "  " })).toEqual({ reasonId: "Select the reason the bid is not eligible" });
    expect(errors({ decision: "eligible", note: "x".repeat(1001) })).toEqual({ note: "Note must be 1000 characters or fewer" });
  });
});
