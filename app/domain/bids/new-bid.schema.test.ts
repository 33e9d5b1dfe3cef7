import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { newBidSchema } from "./new-bid.schema";

describe("starting a bid", () => {
  it("trims what is posted and leaves out what is not", () => {
    expect(newBidSchema.parse({ round: " spring-2026 ", organisationId: " o1 " })).toEqual({ round: "spring-2026", organisationId: "o1" });
  });

  it("needs the round", () => {
    const parsed = newBidSchema.safeParse({ round: "  " });
    expect(parsed.success ? {} : fieldErrorsFrom(parsed.error)).toEqual({ round: "Choose a funding round" });
    expect(newBidSchema.safeParse({ round: "r", startToken: "x".repeat(101) }).success).toBe(false);
  });
});
