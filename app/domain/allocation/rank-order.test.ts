import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awardCeilingPence } from "./candidates";
import { suggestRankOrder } from "./rank-order";
import { arbitraryCandidates, arbitraryRound, candidate, shuffle } from "./test-fixtures";

const round = { availablePence: 1_000_000, minAwardPence: 100_000, maxAwardPence: 2_500_000, qualityThresholdPercent: 50 };
const bids = [
  candidate({ bidId: "a", reference: "CSF-0001", rank: 1, amountRequestedPence: 400_000 }),
  candidate({ bidId: "b", reference: "CSF-0002", rank: 2, amountRequestedPence: 500_000 }),
  candidate({ bidId: "c", reference: "CSF-0003", rank: 3, amountRequestedPence: 300_000 }),
  candidate({ bidId: "d", reference: "CSF-0004", rank: 4, amountRequestedPence: 100_000 }),
  candidate({ bidId: "e", reference: "CSF-0005", rank: 5, amountRequestedPence: 200_000, meetsThreshold: false, scoreBasisPoints: 4250, scoreText: "42.5%" }),
  candidate({ bidId: "f", reference: "CSF-0006", rank: null, scoreBasisPoints: null, scoreText: "Not scored", meetsThreshold: false }),
];

describe("suggestRankOrder", () => {
  it("skips a bid that no longer fits and carries on down the ranking", () => {
    const suggestion = suggestRankOrder(shuffle(bids, [5, 3, 1, 0, 4, 2]), round, "skip");
    expect(suggestion.lines.map((l) => [l.reference, l.awardPence, l.explanation])).toEqual([
      ["CSF-0001", 400_000, "funded: rank 1, fits"],
      ["CSF-0002", 500_000, "funded: rank 2, fits"],
      ["CSF-0003", 0, "skipped: £2,000.00 over remaining pot of £1,000.00"],
      ["CSF-0004", 100_000, "funded: rank 4, fits"],
      ["CSF-0005", 0, "below quality threshold (42.5%, threshold 50%)"],
      ["CSF-0006", 0, "not funded: not scored yet"],
    ]);
    expect(suggestion.totalAwardPence).toBe(1_000_000);
    expect(suggestion.remainingPence).toBe(0);
    expect(suggestion.totalScoreBasisPoints).toBe(3 * 7000);
  });

  it("part-funds the marginal bid with what is left, then stops", () => {
    const suggestion = suggestRankOrder(bids, round, "part_fund");
    expect(suggestion.lines.slice(0, 4).map((l) => [l.reference, l.awardPence, l.outcome, l.explanation])).toEqual([
      ["CSF-0001", 400_000, "funded", "funded: rank 1, fits"],
      ["CSF-0002", 500_000, "funded", "funded: rank 2, fits"],
      ["CSF-0003", 100_000, "part_funded", "part-funded: marginal, £1,000.00 of £3,000.00 requested, all that is left of the pot"],
      ["CSF-0004", 0, "skipped", "skipped: £1,000.00 over remaining pot (the pot is used up)"],
    ]);
    expect(suggestion.remainingPence).toBe(0);
  });

  it("does not part-fund below the round minimum award", () => {
    const suggestion = suggestRankOrder(bids.slice(0, 3), { ...round, availablePence: 950_000 }, "part_fund");
    expect(suggestion.lines[2]).toMatchObject({
      awardPence: 0,
      outcome: "skipped",
      explanation: "skipped: £2,500.00 over remaining pot of £500.00; the £500.00 left is below the round minimum award",
    });
    expect(suggestion.remainingPence).toBe(50_000);
  });

  it("caps an award at the round maximum and says so", () => {
    const big = candidate({ bidId: "g", rank: 1, amountRequestedPence: 3_000_000 });
    const suggestion = suggestRankOrder([big], { ...round, availablePence: 5_000_000 }, "skip");
    expect(suggestion.lines[0]).toMatchObject({ awardPence: 2_500_000, explanation: "funded: rank 1, fits (capped at the round maximum of £25,000.00)" });
  });

  it("never funds a request below the round minimum", () => {
    const small = candidate({ bidId: "h", rank: 1, amountRequestedPence: 50_000 });
    expect(suggestRankOrder([small], round, "skip").lines[0]).toMatchObject({
      awardPence: 0,
      explanation: "not funded: request of £500.00 is below the round minimum award of £1,000.00",
    });
  });

  it("never goes over the pot or a request, funds nothing below the threshold, and is deterministic", () => {
    fc.assert(
      fc.property(
        arbitraryCandidates(30),
        arbitraryRound,
        fc.constantFrom("skip" as const, "part_fund" as const),
        fc.array(fc.nat()),
        (candidates, r, mode, keys) => {
          const suggestion = suggestRankOrder(candidates, r, mode);
          const total = suggestion.lines.reduce((sum, l) => sum + l.awardPence, 0);
          expect(total).toBe(suggestion.totalAwardPence);
          expect(total).toBeLessThanOrEqual(r.availablePence);
          expect(suggestion.remainingPence).toBe(r.availablePence - total);
          for (const line of suggestion.lines) {
            const c = candidates.find((x) => x.bidId === line.bidId)!;
            expect(line.awardPence).toBeLessThanOrEqual(Math.min(c.amountRequestedPence, r.maxAwardPence));
            if (line.awardPence > 0) {
              expect(line.awardPence).toBeGreaterThanOrEqual(r.minAwardPence);
              expect(c.meetsThreshold).toBe(true);
            }
            // A skipped bid really did not fit: the pot only shrinks after it is skipped.
            if (line.outcome === "skipped") expect(awardCeilingPence(c, r)).toBeGreaterThan(suggestion.remainingPence);
            expect(line.explanation).not.toBe("");
          }
          expect(suggestion.lines.filter((l) => l.outcome === "part_funded").length).toBeLessThanOrEqual(mode === "part_fund" ? 1 : 0);
          expect(suggestRankOrder(shuffle(candidates, keys), r, mode)).toEqual(suggestion);
        },
      ),
    );
  });
});
