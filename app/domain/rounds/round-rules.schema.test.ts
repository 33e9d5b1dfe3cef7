import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { roundRulesSchema, topScaleOf } from "./round-rules.schema";

const errors = (input: unknown, topScale = 4) => {
  const parsed = roundRulesSchema(topScale).safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the assessment rules form", () => {
  it("reads whole numbers, and the threshold is optional (not in the form once the round opens)", () => {
    expect(roundRulesSchema(4).parse({ qualityThresholdPercent: " 60 ", assessorsPerBid: "2", moderationSpread: "1" })).toEqual({
      qualityThresholdPercent: 60,
      assessorsPerBid: 2,
      moderationSpread: 1,
    });
    expect(roundRulesSchema(4).parse({ assessorsPerBid: "10", moderationSpread: "0" })).toEqual({ assessorsPerBid: 10, moderationSpread: 0 });
  });

  it("refuses numbers out of range, fractions and words, with the range in the message", () => {
    expect(errors({ qualityThresholdPercent: "101", assessorsPerBid: "0", moderationSpread: "5" })).toEqual({
      qualityThresholdPercent: "Quality threshold must be a whole number from 0 to 100",
      assessorsPerBid: "Assessors per bid must be a whole number from 1 to 10",
      moderationSpread: "Moderation spread must be a whole number from 0 to 4",
    });
    expect(errors({ assessorsPerBid: "2.5", moderationSpread: "two" })).toEqual({
      assessorsPerBid: "Assessors per bid must be a whole number from 1 to 10",
      moderationSpread: "Moderation spread must be a whole number from 0 to 4",
    });
    expect(errors({})).toMatchObject({ assessorsPerBid: "Assessors per bid must be a whole number from 1 to 10" });
  });

  it("bounds the spread by the round's widest scale", () => {
    expect(topScaleOf([])).toBe(1);
    expect(topScaleOf([{ maxScore: 4 }, { maxScore: 10 }])).toBe(10);
    expect(errors({ assessorsPerBid: "2", moderationSpread: "7" }, 10)).toEqual({});
  });
});
