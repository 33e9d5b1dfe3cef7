import { describe, expect, it } from "vitest";
import { countWords, FORM_RULES, formSizeFor } from "./proportionate";
import { formRulesFor } from "./stored-form-rules";

describe("proportionate form", () => {
  const threshold = 500_000;

  it("gives a bid below the threshold the small form, and one at or above it the standard form", () => {
    expect(formSizeFor(499_999, threshold)).toBe("small");
    expect(formSizeFor(500_000, threshold)).toBe("standard");
    expect(formSizeFor(2_000_000, threshold)).toBe("standard");
  });

  it("uses the standard form until an amount is given, so nothing is waived by leaving it blank", () => {
    expect(formSizeFor(null, threshold)).toBe("standard");
    expect(formSizeFor(undefined, threshold)).toBe("standard");
  });

  it("has no small form when the round sets no threshold", () => {
    expect(formSizeFor(100, 0)).toBe("standard");
  });

  it("asks a small bid fewer questions with shorter word limits", () => {
    const small = formRulesFor(100_000, threshold);
    const standard = formRulesFor(1_000_000, threshold);
    expect(small.summaryMaxWords).toBe(150);
    expect(standard.summaryMaxWords).toBe(300);
    expect(small.equalityRequired).toBe(false);
    expect(standard.equalityRequired).toBe(true);
    for (const key of ["summaryMaxWords", "beneficiariesMaxWords", "safeguardingMaxWords", "equalityMaxWords", "maxOutcomes"] as const) {
      expect(FORM_RULES.small[key], key).toBeLessThanOrEqual(FORM_RULES.standard[key]);
    }
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   ", 0],
    ["one", 1],
    ["two  words", 2],
    ["line one\nline two\n\n", 4],
    ["tab\tseparated", 2],
    ["don't count-hyphens twice", 3],
  ])("counts %j as %i words", (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
