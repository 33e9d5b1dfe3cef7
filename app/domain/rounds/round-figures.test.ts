import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOversubscription, describeRequests, oversubscription, roundFigures } from "./round-figures";

describe("oversubscription", () => {
  it("says how many times over the pot the requests are, to one decimal place", () => {
    // Last year's tenfold oversubscription.
    expect(describeOversubscription(oversubscription(562_727_000, 56_272_700))).toBe("Requests are 10 times the money available.");
    expect(describeOversubscription(oversubscription(180_000, 100_000))).toBe("Requests are 1.8 times the money available.");
    expect(describeOversubscription(oversubscription(184_999, 100_000))).toBe("Requests are 1.8 times the money available.");
    expect(describeOversubscription(oversubscription(185_000, 100_000))).toBe("Requests are 1.9 times the money available.");
    expect(describeOversubscription(oversubscription(200_000, 100_000))).toBe("Requests are 2 times the money available.");
    expect(describeOversubscription(oversubscription(100_001, 100_000))).toBe("Requests are slightly more than the money available.");
  });

  it("gives a percentage while requests fit in the pot", () => {
    expect(oversubscription(3_050_000, 56_272_700)).toEqual({ kind: "within_pot", percentOfPot: 5 });
    expect(describeOversubscription(oversubscription(3_050_000, 56_272_700))).toBe("Requests so far add up to 5% of the money available.");
    expect(describeOversubscription(oversubscription(100_000, 100_000))).toBe("Requests so far add up to all the money available.");
    expect(describeOversubscription(oversubscription(1, 100_000_000))).toBe("Requests so far add up to less than 1% of the money available.");
  });

  it("copes with no bids and an empty pot", () => {
    expect(describeOversubscription(oversubscription(0, 100_000))).toBe("No bids have been submitted yet.");
    expect(describeOversubscription(oversubscription(5_000, 0))).toBe("There is no money in this round's pot.");
  });

  it("is exact integer arithmetic for any realistic totals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (total, pot) => {
        const figure = oversubscription(total, pot);
        // Rounded to the nearest: |ratio × scale − shown| ≤ ½, checked in exact integers.
        const withinHalf = (shown: number, scale: number) => {
          const error = BigInt(2 * scale) * BigInt(total) - BigInt(2 * shown) * BigInt(pot);
          return (error < 0n ? -error : error) <= BigInt(pot);
        };
        if (figure.kind === "oversubscribed") {
          expect(Number.isInteger(figure.timesTenths)).toBe(true);
          expect(withinHalf(figure.timesTenths, 10)).toBe(true);
        } else if (figure.kind === "within_pot") {
          expect(total).toBeLessThanOrEqual(pot);
          expect(withinHalf(figure.percentOfPot, 100)).toBe(true);
        } else throw new Error(`unexpected ${figure.kind}`);
      }),
    );
  });
});

describe("roundFigures", () => {
  it("brings the counts, the pot and the sentence together", () => {
    expect(roundFigures({ submittedBids: 3, totalRequestedPence: 900_000, potPence: 500_000 })).toEqual({
      submittedBids: 3,
      totalRequestedPence: 900_000,
      potPence: 500_000,
      oversubscription: { kind: "oversubscribed", timesTenths: 18 },
      summary: "Requests are 1.8 times the money available.",
    });
  });

  it("describes the requests", () => {
    expect(describeRequests(0, 0)).toBe("No bids yet");
    expect(describeRequests(1, 850_000)).toBe("1 bid asking for £8,500.00 in total");
    expect(describeRequests(2, 3_050_000)).toBe("2 bids asking for £30,500.00 in total");
  });
});
