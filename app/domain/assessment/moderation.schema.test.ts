import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { moderationSchema } from "./moderation.schema";

const criterion = { title: "Need", maxScore: 4 };
const errors = (input: unknown) => {
  const parsed = moderationSchema(criterion).safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the moderated score form", () => {
  it("reads a score on the criterion's scale and a reason", () => {
    expect(moderationSchema(criterion).parse({ score: " 3 ", reason: " Panel agreed " })).toEqual({ score: 3, reason: "Panel agreed" });
    expect(moderationSchema(criterion).parse({ score: "0", reason: "None shown" })).toEqual({ score: 0, reason: "None shown" });
  });

  it("needs both, on the scale, with the criterion named", () => {
    expect(errors({})).toEqual({ score: "Enter the moderated score for “Need”", reason: "Enter the reason for the moderated score" });
    expect(errors({ score: "5", reason: "x" })).toEqual({ score: "Score for “Need” must be a whole number from 0 to 4" });
    expect(errors({ score: "2.5", reason: "x" })).toEqual({ score: "Score for “Need” must be a whole number from 0 to 4" });
    expect(errors({ score: "2", reason: "x".repeat(2001) })).toEqual({ reason: "Reason must be 2000 characters or fewer" });
  });
});
