import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { FORM_RULES, storedBand } from "../proportionate";
import { roundBands, serialiseRoundFormRules } from "../stored-form-rules";
import { aboutSchema } from "./about.schema";

const errors = (parsed: { success: boolean; error?: unknown }) => (parsed.success ? {} : fieldErrorsFrom(parsed.error as never));
const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
const answers = (amountRequested: string, summary: string) => ({
  title: "Safe streets",
  summary,
  amountRequested,
  projectStart: { day: "1", month: "4", year: "2027" },
  projectEnd: { day: "31", month: "3", year: "2028" },
});

describe("the about section's schema", () => {
  // The round's own rules, stored, and read once as the page's loader reads them for the browser.
  const formRules = serialiseRoundFormRules({ small: { ...storedBand(FORM_RULES.small), summaryMaxWords: 60 }, standard: storedBand(FORM_RULES.standard) });
  const round = { minAwardPence: 100_000, maxAwardPence: 5_000_000, ...roundBands({ smallBidThresholdPence: 500_000, formRules }) };
  // What the loader sends the browser: plain data, as it arrives after a round trip through JSON.
  const inBrowser = JSON.parse(JSON.stringify(round)) as typeof round;

  it("limits the summary by the band of the amount typed on the same page, with the round's own limits", () => {
    for (const given of [round, inBrowser]) {
      const schema = aboutSchema(given, "complete");
      expect(errors(schema.safeParse(answers("4,000", words(61))))).toEqual({ summary: "Summary must be 60 words or fewer" });
      expect(schema.safeParse(answers("4,000", words(60))).success).toBe(true);
      expect(schema.safeParse(answers("6,000", words(300))).success).toBe(true);
      expect(errors(schema.safeParse(answers("6,000", words(301))))).toEqual({ summary: "Summary must be 300 words or fewer" });
    }
  });

  it("uses the built-in rules for a round without rules of its own", () => {
    const schema = aboutSchema(
      { minAwardPence: 100_000, maxAwardPence: 5_000_000, ...roundBands({ smallBidThresholdPence: 500_000, formRules: null }) },
      "complete",
    );
    expect(errors(schema.safeParse(answers("4,000", words(151))))).toEqual({ summary: "Summary must be 150 words or fewer" });
  });
});
