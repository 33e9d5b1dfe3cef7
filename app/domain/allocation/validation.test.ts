import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitAward } from "./funding-split";
import { checkAllocation } from "./validation";

// The demo round: £485,577 base + £27,150 rolled forward + £50,000 match = £562,727.
const pot = { baseAllocationPence: 48_557_700, rolledForwardPence: 2_715_000, matchFundingPence: 5_000_000 };
const rules = { ...pot, availablePence: 2_000_000, minAwardPence: 100_000, maxAwardPence: 2_500_000 };
const award = (bidId: string, requestedPence: number, awardPence: number) => ({ bidId, reference: `CSF-${bidId}`, requestedPence, awardPence });

describe("checkAllocation", () => {
  it("accepts awards within their limits and shows what is left", () => {
    const check = checkAllocation(rules, [award("1", 850_000, 850_000), award("2", 2_200_000, 1_000_000), award("3", 500_000, 0)]);
    expect(check.ok).toBe(true);
    expect(check.totalPence).toBe(1_850_000);
    expect(check.remainingPence).toBe(150_000);
    expect(check.remainingText).toBe("£1,500.00 left");
    expect(check.potError).toBeNull();
  });

  it("says by how much an allocation is over the pot", () => {
    const check = checkAllocation(rules, [award("1", 850_000, 850_000), award("2", 2_200_000, 1_570_000)]);
    expect(check.ok).toBe(false);
    expect(check.overByPence).toBe(420_000);
    expect(check.remainingPence).toBe(-420_000);
    expect(check.potError).toBe("The awards total £24,200.00, which is £4,200.00 over the remaining pot of £20,000.00");
    expect(check.remainingText).toBe("£4,200.00 over");
  });

  it("refuses an award above the request, above the round maximum, below the minimum, negative or not whole pence", () => {
    const check = checkAllocation({ ...rules, availablePence: 100_000_000 }, [
      award("over", 500_000, 500_001),
      award("max", 3_000_000, 2_600_000),
      award("min", 500_000, 99_999),
      award("neg", 500_000, -1),
      award("frac", 500_000, 100_000.5),
    ]);
    expect(check.fieldErrors).toEqual({
      over: "The award for CSF-over must be £5,000.00 or less, the amount requested",
      max: "The award for CSF-max must be £25,000.00 or less, the round maximum",
      min: "The award for CSF-min must be at least £1,000.00, the round minimum, or nothing",
      neg: "The award for CSF-neg cannot be negative",
      frac: "Enter the award for CSF-frac in pounds and pence, like 12500",
    });
    expect(check.ok).toBe(false);
  });

  it("refuses money for a bid below the quality threshold and a bid listed twice", () => {
    const check = checkAllocation(rules, [
      { ...award("1", 500_000, 200_000), meetsThreshold: false },
      award("2", 500_000, 200_000),
      award("2", 500_000, 200_000),
    ]);
    expect(check.fieldErrors["1"]).toBe("CSF-1 is below the quality threshold and cannot be given an award");
    expect(check.fieldErrors["2"]).toBe("CSF-2 appears more than once");
  });
});

describe("splitAward", () => {
  it("funds each award in the proportions of the pot, PCC share rounded down", () => {
    // PCC part 51,272,700 of 56,272,700.
    expect(splitAward(850_000, pot)).toEqual({ pccFundedPence: 774_474, matchFundedPence: 75_526 });
    expect(splitAward(0, pot)).toEqual({ pccFundedPence: 0, matchFundedPence: 0 });
    expect(splitAward(500, { baseAllocationPence: 1000, rolledForwardPence: 0, matchFundingPence: 0 })).toEqual({ pccFundedPence: 500, matchFundedPence: 0 });
    expect(splitAward(3000, { baseAllocationPence: 50_000, rolledForwardPence: 20_000, matchFundingPence: 30_000 })).toEqual({
      pccFundedPence: 2100,
      matchFundedPence: 900,
    });
  });

  it("never lets the PCC's share of awards within the pot pass base + rolled forward", () => {
    const arbitraryPot = fc.record({
      baseAllocationPence: fc.integer({ min: 0, max: 1_000_000_000 }),
      rolledForwardPence: fc.integer({ min: 0, max: 100_000_000 }),
      matchFundingPence: fc.integer({ min: 0, max: 500_000_000 }),
    });
    fc.assert(
      fc.property(arbitraryPot, fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (p, weights) => {
        const total = p.baseAllocationPence + p.rolledForwardPence + p.matchFundingPence;
        // Awards that use the pot up exactly: the worst case for rounding.
        const sumWeights = weights.reduce((s, w) => s + w, 0);
        const amounts = weights.map((w) => Math.floor((w * total) / sumWeights));
        amounts[0]! += total - amounts.reduce((s, a) => s + a, 0);
        const splits = amounts.map((a) => splitAward(a, p));
        splits.forEach((s, i) => {
          expect(s.pccFundedPence + s.matchFundedPence).toBe(amounts[i]);
          expect(s.pccFundedPence).toBeGreaterThanOrEqual(0);
          expect(s.matchFundedPence).toBeGreaterThanOrEqual(0);
        });
        expect(splits.reduce((s, x) => s + x.pccFundedPence, 0)).toBeLessThanOrEqual(p.baseAllocationPence + p.rolledForwardPence);
      }),
    );
  });
});
