import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountLimitProblem, budgetMatchProblem, budgetTotals } from "./amount-rule";

describe("budgetTotals", () => {
  it("adds costs and other funding in pence, and asks the fund for the difference", () => {
    expect(
      budgetTotals([
        { costPence: 1_150_000, otherFundingPence: 0 },
        { costPence: 100_050, otherFundingPence: 50_050 },
      ]),
    ).toEqual({ costPence: 1_250_050, otherFundingPence: 50_050, askPence: 1_200_000 });
    expect(budgetTotals([])).toEqual({ costPence: 0, otherFundingPence: 0, askPence: 0 });
  });

  it("is exact for any whole-pence budget", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 })), { maxLength: 20 }), (pairs) => {
        const lines = pairs.map(([a, b]) => ({ costPence: Math.max(a, b), otherFundingPence: Math.min(a, b) }));
        const totals = budgetTotals(lines);
        expect(Number.isSafeInteger(totals.askPence)).toBe(true);
        expect(budgetMatchProblem(totals.askPence, lines)).toBeNull();
      }),
    );
  });
});

describe("the amount rule", () => {
  const lines = [
    { costPence: 1_200_000, otherFundingPence: 0 },
    { costPence: 50_000, otherFundingPence: 50_000 },
  ];

  it("accepts an amount equal to the budget total minus other funding", () => {
    expect(budgetMatchProblem(1_200_000, lines)).toBeNull();
  });

  it("says what the budget asks for when the amount differs, by a penny or more", () => {
    expect(budgetMatchProblem(1_199_999, lines)).toBe(
      "The amount you are requesting (£11,999.99) must equal your budget total (£12,500.00) minus other funding (£500.00), which is £12,000.00. Change the budget or the amount requested",
    );
  });

  it("keeps the amount within the round's minimum and maximum, inclusive", () => {
    const limits = { minAwardPence: 100_000, maxAwardPence: 2_500_000 };
    expect(amountLimitProblem(100_000, limits)).toBeNull();
    expect(amountLimitProblem(2_500_000, limits)).toBeNull();
    expect(amountLimitProblem(99_999, limits)).toBe("Amount requested must be between £1,000.00 and £25,000.00");
    expect(amountLimitProblem(2_500_001, limits)).toBe("Amount requested must be between £1,000.00 and £25,000.00");
  });
});
