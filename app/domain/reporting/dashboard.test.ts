import { describe, expect, it } from "vitest";
import {
  describeCounts,
  describeDemand,
  describeFundComparison,
  describeScores,
  formatRatio,
  oversubscriptionTenths,
  scoreBandIndex,
  scoreBandLabel,
  scoreBands,
  totalsByTag,
} from "./dashboard";

const f = (num: number, den = 1) => ({ num: BigInt(num), den: BigInt(den) });

describe("score bands", () => {
  it("puts each weighted score in its 10% band by the exact value, 100% in the top band", () => {
    expect(scoreBandIndex(f(0))).toBe(0);
    expect(scoreBandIndex(f(999, 100))).toBe(0);
    expect(scoreBandIndex(f(10))).toBe(1);
    // 59.99…% stays below 60 however it would round for display.
    expect(scoreBandIndex(f(5999999, 100000))).toBe(5);
    expect(scoreBandIndex(f(60))).toBe(6);
    expect(scoreBandIndex(f(220, 3))).toBe(7); // 73.3…%
    expect(scoreBandIndex(f(100))).toBe(9);
  });

  it("lists every band, empty ones too, with plain labels", () => {
    const bands = scoreBands([f(100), f(95), f(50), f(49)]);
    expect(bands).toHaveLength(10);
    expect(bands.map((b) => b.bids)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 2]);
    expect(scoreBandLabel(0)).toBe("0% to under 10%");
    expect(scoreBandLabel(9)).toBe("90% to 100%");
    expect(bands[4]).toMatchObject({ fromPercent: 40, toPercent: 50, label: "40% to under 50%" });
  });
});

describe("oversubscription", () => {
  it("is requested ÷ pot to one decimal, rounded half up, without a pot not applicable", () => {
    expect(oversubscriptionTenths(41_200_000, 12_000_000)).toBe(34);
    expect(formatRatio(34)).toBe("3.4");
    expect(oversubscriptionTenths(1_500, 1_000)).toBe(15);
    expect(oversubscriptionTenths(1_049, 1_000)).toBe(10);
    expect(oversubscriptionTenths(1_050, 1_000)).toBe(11);
    expect(oversubscriptionTenths(0, 1_000)).toBe(0);
    expect(formatRatio(oversubscriptionTenths(0, 1_000))).toBe("0.0");
    expect(oversubscriptionTenths(5_000, 0)).toBeNull();
    expect(formatRatio(null)).toBe("Not applicable");
  });

  it("says it in a sentence", () => {
    expect(describeDemand(41_200_000, 12_000_000)).toBe("£412,000.00 requested against a £120,000.00 pot: 3.4 times oversubscribed.");
    expect(describeDemand(5_000_000, 12_000_000)).toBe("£50,000.00 requested against a £120,000.00 pot: requests are within the pot.");
    expect(describeDemand(5_000, 0)).toBe("£50.00 requested; the round has no pot.");
  });
});

describe("totals by priority or area", () => {
  const tags = [
    { id: "a", name: "Anti-social behaviour" },
    { id: "v", name: "Victims" },
  ];

  it("counts a bid once under each tag it names, and bids naming none on their own row", () => {
    const rows = totalsByTag(
      tags,
      [
        { requestedPence: 1_000, awardedPence: 800, tagIds: ["a", "v"] },
        { requestedPence: 2_000, awardedPence: 0, tagIds: ["a", "a"] },
        { requestedPence: 500, awardedPence: 500, tagIds: [] },
      ],
      "None named",
    );
    expect(rows).toEqual([
      { id: "a", name: "Anti-social behaviour", bids: 2, requestedPence: 3_000, awardedBids: 1, awardedPence: 800 },
      { id: "v", name: "Victims", bids: 1, requestedPence: 1_000, awardedBids: 1, awardedPence: 800 },
      { id: "", name: "None named", bids: 1, requestedPence: 500, awardedBids: 1, awardedPence: 500 },
    ]);
  });

  it("leaves out the none row when every bid names one", () => {
    expect(totalsByTag(tags, [{ requestedPence: 1, awardedPence: 0, tagIds: ["v"] }], "None").map((r) => r.id)).toEqual(["a", "v"]);
  });
});

describe("chart summaries", () => {
  it("summarises the scores against the threshold", () => {
    const bands = scoreBands([f(65), f(62), f(45)]);
    expect(describeScores(bands, 2, 50, 1)).toBe(
      "3 bids have a weighted score; 2 meet the 50% quality threshold. The largest group, 2, is in the 60% to under 70% band. 1 bid has no weighted score yet.",
    );
    expect(describeScores(scoreBands([]), 0, 50, 0)).toBe("No bid has a weighted score yet.");
  });

  it("summarises counts and the fund's rounds", () => {
    expect(
      describeCounts(
        [
          { label: "Submitted", count: 3 },
          { label: "Draft", count: 0 },
          { label: "Awarded", count: 1 },
        ],
        ["bid", "bids"],
      ),
    ).toBe("4 bids: 3 submitted, 1 awarded.");
    expect(describeCounts([], ["bid", "bids"])).toBe("There are no bids yet.");
    expect(
      describeFundComparison([
        { name: "Round 1", potPence: 1_000, requestedPence: 3_400, awardedPence: 900 },
        { name: "Round 2", potPence: 1_000, requestedPence: 1_200, awardedPence: 1_000 },
      ]),
    ).toBe("2 rounds, £19.00 awarded in all. The highest demand was in Round 1: requests 3.4 times its pot.");
  });
});
