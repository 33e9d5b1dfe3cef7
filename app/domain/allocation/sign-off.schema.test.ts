import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { signOffSchema } from "./sign-off.schema";

const errors = (input: unknown) => {
  const parsed = signOffSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the OPCC sign-off form", () => {
  it("signs off with or without a comment", () => {
    expect(signOffSchema.parse({ decision: "approved" })).toEqual({ decision: "approved", comment: "" });
    expect(signOffSchema.parse({ decision: "sent_back", comment: "  Too much for one area " })).toEqual({
      decision: "sent_back",
      comment: "Too much for one area",
    });
  });

  it("needs a decision, and a comment to send the allocation back", () => {
    expect(errors({})).toEqual({ decision: "Select whether you sign off the allocation or send it back" });
    expect(errors({ decision: "maybe" })).toEqual({ decision: "Select whether you sign off the allocation or send it back" });
    expect(errors({ decision: "sent_back", comment: "   " })).toEqual({ comment: "Enter a comment saying why you are sending the allocation back" });
  });

  it("limits the comment to 2,000 characters", () => {
    expect(errors({ decision: "approved", comment: "x".repeat(2001) })).toEqual({ comment: "Your comment must be 2000 characters or fewer" });
    expect(errors({ decision: "approved", comment: "x".repeat(2000) })).toEqual({});
  });
});
