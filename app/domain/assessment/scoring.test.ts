import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareForRanking,
  compareStoredForRanking,
  criteriaProblem,
  findValueForMoneyCriterion,
  formatFraction,
  rankBids,
  scoreBid,
  scoreBids,
  scoreFromKey,
  scoreOrderKey,
  scoreProblem,
  storedScore,
  thresholdKey,
  type AssessmentForScoring,
  type BidForScoring,
  type RoundScoringRules,
} from "./scoring";

// The demo round's criteria: weights 30/30/25/15, scores 0..4.
const CRITERIA = [
  { id: "objectives", title: "Supports PCC and partner objectives", weightPercent: 30, maxScore: 4, position: 0 },
  { id: "outcomes", title: "Measurable, community-based outcomes", weightPercent: 30, maxScore: 4, position: 1 },
  { id: "vfm", title: "Value for money", weightPercent: 25, maxScore: 4, position: 2 },
  { id: "deliver", title: "Deliverability", weightPercent: 15, maxScore: 4, position: 3 },
];
const RULES: RoundScoringRules = {
  criteria: CRITERIA,
  moderationSpread: 2,
  qualityThresholdPercent: 50,
  assessorsPerBid: 2,
  valueForMoneyCriterionId: "vfm",
};

function assessment(assessorId: string, scores: [number, number, number, number], status = "submitted"): AssessmentForScoring {
  return { assessorId, status, scores: CRITERIA.map((c, i) => ({ criterionId: c.id, score: scores[i]! })) };
}

let sequence = 0;
function bid(overrides: Partial<BidForScoring> = {}): BidForScoring {
  sequence += 1;
  return {
    bidId: `bid-${sequence}`,
    reference: `CSF-2526-R1-${String(sequence).padStart(4, "0")}`,
    amountRequestedPence: 1_000_000,
    submittedAt: new Date("2026-01-10T10:00:00Z"),
    assessments: [],
    ...overrides,
  };
}

describe("scoreBid", () => {
  it("weights the mean of submitted scores per criterion, exactly", () => {
    // objectives 3,4 → 3.5/4; outcomes 2,3 → 2.5/4; vfm 4,4 → 1; deliver 1,2 → 1.5/4
    // 30×0.875 + 30×0.625 + 25×1 + 15×0.375 = 26.25 + 18.75 + 25 + 5.625 = 75.625
    const result = scoreBid(RULES, bid({ assessments: [assessment("a", [3, 2, 4, 1]), assessment("b", [4, 3, 4, 2])] }));
    expect(result.score).toEqual({ num: 605n, den: 8n });
    expect(result.scoreBasisPoints).toBe(7563); // 75.625 → 75.63, half up
    expect(result.scoreText).toBe("75.6%");
    expect(result.criteria.map((c) => formatFraction(c.assessorMean!, 2))).toEqual(["3.50", "2.50", "4.00", "1.50"]);
    expect(result.meetsThreshold).toBe(true);
    expect(result.complete).toBe(true);
    expect(result.assessmentsOutstanding).toBe(0);
  });

  it("keeps thirds exact instead of rounding each mean", () => {
    const rules: RoundScoringRules = {
      criteria: [
        { id: "x", title: "Quality", weightPercent: 50, maxScore: 4 },
        { id: "y", title: "Reach", weightPercent: 50, maxScore: 3 },
      ],
      moderationSpread: 4,
      qualityThresholdPercent: 50,
      assessorsPerBid: 3,
    };
    const scores = (a: number, b: number) => [
      { criterionId: "x", score: a },
      { criterionId: "y", score: b },
    ];
    const result = scoreBid(
      rules,
      bid({
        assessments: [
          { assessorId: "a", status: "submitted", scores: scores(3, 1) },
          { assessorId: "b", status: "submitted", scores: scores(4, 2) },
          { assessorId: "c", status: "submitted", scores: scores(4, 2) },
        ],
      }),
    );
    // 50 × (11/3)/4 + 50 × (5/3)/3 = 275/6 + 250/9 = 1325/18 = 73.6111…
    expect(result.score).toEqual({ num: 1325n, den: 18n });
    expect(result.scoreBasisPoints).toBe(7361);
    expect(result.scoreText).toBe("73.6%");
    expect(formatFraction(result.criteria[0]!.assessorMean!, 3)).toBe("3.667");
  });

  it("rounds the display from the exact value, not from the rounded basis points", () => {
    // 73.2496% is 7325 basis points but still 73.2% to one decimal place.
    expect(formatFraction({ num: 732_496n, den: 10_000n }, 1)).toBe("73.2");
    expect(formatFraction({ num: 732_496n, den: 10_000n }, 2)).toBe("73.25");
    expect(formatFraction({ num: 1n, den: 20n }, 1)).toBe("0.1");
    expect(formatFraction({ num: 0n, den: 1n }, 1)).toBe("0.0");
  });

  it("meets the threshold only at or above it, compared exactly", () => {
    const rules = { ...RULES, criteria: [{ id: "q", title: "Quality", weightPercent: 100, maxScore: 3 }], qualityThresholdPercent: 67, assessorsPerBid: 1 };
    const at = (score: number) => scoreBid(rules, bid({ assessments: [{ assessorId: "a", status: "submitted", scores: [{ criterionId: "q", score }] }] }));
    expect(at(2).scoreText).toBe("66.7%"); // 66.666…% < 67%
    expect(at(2).meetsThreshold).toBe(false);
    expect(at(3).meetsThreshold).toBe(true);
    const fifty = scoreBid(
      { ...rules, criteria: [{ id: "q", title: "Quality", weightPercent: 100, maxScore: 4 }], qualityThresholdPercent: 50 },
      bid({ assessments: [{ assessorId: "a", status: "submitted", scores: [{ criterionId: "q", score: 2 }] }] }),
    );
    expect(fifty.scoreText).toBe("50.0%");
    expect(fifty.meetsThreshold).toBe(true);
  });

  describe("missing assessments", () => {
    it("scores from the submitted assessments and says how many are outstanding", () => {
      const result = scoreBid(RULES, bid({ assessments: [assessment("a", [4, 4, 4, 4]), assessment("b", [0, 0, 0, 0], "draft")] }));
      expect(result.countedAssessments).toBe(1);
      expect(result.draftAssessments).toBe(1);
      expect(result.assessmentsOutstanding).toBe(1);
      expect(result.scoreText).toBe("100.0%");
    });

    it("has no score until every criterion has one", () => {
      const none = scoreBid(RULES, bid({ assessments: [assessment("a", [4, 4, 4, 4], "draft")] }));
      expect(none.score).toBeNull();
      expect(none.scoreBasisPoints).toBeNull();
      expect(none.scoreText).toBe("Not scored");
      expect(none.meetsThreshold).toBe(false);
      expect(none.assessmentsOutstanding).toBe(2);

      const partial = scoreBid(RULES, bid({ assessments: [{ assessorId: "a", status: "submitted", scores: [{ criterionId: "vfm", score: 4 }] }] }));
      expect(partial.complete).toBe(false);
      expect(partial.score).toBeNull();
      expect(partial.valueForMoney).toEqual({ num: 1n, den: 1n });
    });
  });

  describe("conflicts of interest", () => {
    it("drops a conflicted assessor's scores, submitted or not", () => {
      const assessments = [assessment("a", [4, 4, 4, 4]), assessment("b", [0, 0, 0, 0])];
      const without = scoreBid(RULES, bid({ assessments }));
      expect(without.scoreText).toBe("50.0%");
      expect(without.needsModeration).toBe(true);

      const conflicted = scoreBid(RULES, bid({ assessments, conflictedAssessorIds: ["b"] }));
      expect(conflicted.scoreText).toBe("100.0%");
      expect(conflicted.excludedAssessorIds).toEqual(["b"]);
      expect(conflicted.countedAssessments).toBe(1);
      expect(conflicted.assessmentsOutstanding).toBe(1);
      // With the conflicted scores gone there is nothing to disagree about.
      expect(conflicted.needsModeration).toBe(false);
      expect(conflicted.criteria.every((c) => c.assessorScores.every((s) => s.assessorId === "a"))).toBe(true);
    });

    it("leaves a bid unscored when its only assessor is conflicted", () => {
      const result = scoreBid(RULES, bid({ assessments: [assessment("a", [4, 4, 4, 4])], conflictedAssessorIds: ["a"] }));
      expect(result.score).toBeNull();
      expect(result.excludedAssessorIds).toEqual(["a"]);
    });
  });

  describe("moderation", () => {
    const divergent = [assessment("a", [4, 3, 3, 3]), assessment("b", [1, 3, 3, 3])];

    it("flags a criterion whose scores differ by more than the spread", () => {
      const result = scoreBid(RULES, bid({ assessments: divergent }));
      expect(result.criteria.map((c) => c.disagreement)).toEqual([true, false, false, false]);
      expect(result.criteria[0]!.spread).toBe(3);
      expect(result.needsModeration).toBe(true);
      // Exactly the spread is not a disagreement.
      const atSpread = scoreBid(RULES, bid({ assessments: [assessment("a", [3, 3, 3, 3]), assessment("b", [1, 3, 3, 3])] }));
      expect(atSpread.needsModeration).toBe(false);
    });

    it("uses the moderated score instead of the mean and keeps the original", () => {
      const before = scoreBid(RULES, bid({ assessments: divergent }));
      const after = scoreBid(
        RULES,
        bid({ assessments: divergent, moderatedScores: [{ criterionId: "objectives", score: 2, reason: "Evidence is thin", moderatedById: "admin" }] }),
      );
      // objectives: mean 2.5 → moderated 2; 30 × (2.5 − 2)/4 = 3.75 points lower.
      expect(before.scoreText).toBe("71.3%"); // 71.25 rounds half up
      expect(before.scoreBasisPoints).toBe(7125);
      expect(after.scoreText).toBe("67.5%");
      const objectives = after.criteria[0]!;
      expect(objectives.assessorMean).toEqual({ num: 5n, den: 2n });
      expect(objectives.effectiveScore).toEqual({ num: 2n, den: 1n });
      expect(objectives.moderated).toEqual({ score: 2, reason: "Evidence is thin", moderatedById: "admin" });
      expect(objectives.disagreement).toBe(true);
      expect(after.needsModeration).toBe(false);
    });

    it("lets a moderated score stand in for a criterion nobody scored", () => {
      const result = scoreBid(
        RULES,
        bid({
          assessments: [
            {
              assessorId: "a",
              status: "submitted",
              scores: [
                { criterionId: "objectives", score: 4 },
                { criterionId: "outcomes", score: 4 },
                { criterionId: "vfm", score: 4 },
              ],
            },
          ],
          moderatedScores: [{ criterionId: "deliver", score: 0, reason: "No delivery plan" }],
        }),
      );
      expect(result.scoreText).toBe("85.0%");
    });
  });

  it("refuses scores outside the scale rather than guessing", () => {
    expect(() => scoreBid(RULES, bid({ assessments: [assessment("a", [5, 0, 0, 0])] }))).toThrow(RangeError);
    expect(() => scoreBid(RULES, bid({ assessments: [{ assessorId: "a", status: "submitted", scores: [{ criterionId: "elsewhere", score: 1 }] }] }))).toThrow(
      RangeError,
    );
    expect(scoreProblem(4, CRITERIA[0]!)).toBeNull();
    expect(scoreProblem(-1, CRITERIA[0]!)).toMatch(/from 0 to 4/);
    expect(scoreProblem(2.5, CRITERIA[0]!)).toMatch(/whole number/);
  });

  it("checks that weights add up to 100%", () => {
    expect(criteriaProblem(CRITERIA)).toBeNull();
    expect(criteriaProblem(CRITERIA.slice(1))).toBe("The criteria weights add up to 70%; they must add up to 100%");
    expect(criteriaProblem([])).toMatch(/at least one/);
    expect(findValueForMoneyCriterion(CRITERIA)?.id).toBe("vfm");
    // Without an explicit choice the "Value for money" criterion breaks ties; null turns it off.
    const scores = [assessment("a", [2, 2, 4, 2])];
    expect(scoreBid({ ...RULES, valueForMoneyCriterionId: undefined }, bid({ assessments: scores })).valueForMoney).toEqual({ num: 1n, den: 1n });
    expect(scoreBid({ ...RULES, valueForMoneyCriterionId: null }, bid({ assessments: scores })).valueForMoney).toBeNull();
  });
});

describe("rankBids", () => {
  const potPence = 2_500_000;
  const round = { potPence, qualityThresholdPercent: 50 };

  it("breaks ties by value for money, then lower amount, then earlier submission, then reference", () => {
    // Same weighted score (62.5%) two ways: strong on value for money, or strong elsewhere.
    const vfmHigh = bid({ reference: "CSF-T-0005", assessments: [assessment("a", [2, 2, 4, 2])] }); // 15+15+25+7.5
    const vfmLow = bid({ reference: "CSF-T-0004", assessments: [assessment("a", [3, 3, 1, 3])] }); // 22.5+22.5+6.25+11.25
    const cheaper = bid({ reference: "CSF-T-0003", amountRequestedPence: 900_000, assessments: [assessment("a", [3, 3, 1, 3])] });
    const earlier = bid({ reference: "CSF-T-0009", submittedAt: new Date("2026-01-09T10:00:00Z"), assessments: [assessment("a", [3, 3, 1, 3])] });
    const refFirst = bid({ reference: "CSF-T-0001", assessments: [assessment("a", [3, 3, 1, 3])] });
    const scores = scoreBids(RULES, [vfmLow, refFirst, earlier, vfmHigh, cheaper]);
    expect(new Set(scores.map((s) => s.scoreText))).toEqual(new Set(["62.5%"]));

    const ranking = rankBids(scores, round);
    expect(ranking.rows.map((r) => r.bid.reference)).toEqual(["CSF-T-0005", "CSF-T-0003", "CSF-T-0009", "CSF-T-0001", "CSF-T-0004"]);
    expect(ranking.rows.map((r) => r.decidedBy)).toEqual([null, "value_for_money", "amount_requested", "submitted_at", "reference"]);
    expect(ranking.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranking.tieBreakRule).toMatch(/value-for-money/);
  });

  it("draws the threshold line, keeps a running total against the pot and lists unscored bids last", () => {
    const strong = bid({ reference: "A", amountRequestedPence: 1_200_000, assessments: [assessment("a", [4, 4, 4, 4])] });
    const good = bid({ reference: "B", amountRequestedPence: 1_000_000, assessments: [assessment("a", [3, 3, 3, 3])] });
    const fair = bid({ reference: "C", amountRequestedPence: 800_000, assessments: [assessment("a", [2, 2, 2, 2])] });
    const weak = bid({ reference: "D", amountRequestedPence: 500_000, assessments: [assessment("a", [1, 1, 1, 1])] });
    const unscored = bid({ reference: "E", amountRequestedPence: 300_000 });
    const ranking = rankBids(scoreBids(RULES, [unscored, weak, fair, good, strong]), round);

    expect(ranking.rows.map((r) => [r.bid.reference, r.rank, r.bid.meetsThreshold])).toEqual([
      ["A", 1, true],
      ["B", 2, true],
      ["C", 3, true], // exactly 50%
      ["D", 4, false],
      ["E", null, false],
    ]);
    expect(ranking.rowsAboveThreshold).toBe(3);
    expect(ranking.rows.map((r) => r.runningTotalRequestedPence)).toEqual([1_200_000, 2_200_000, 3_000_000, 3_500_000, 3_800_000]);
    expect(ranking.rows.map((r) => r.withinPot)).toEqual([true, true, false, false, false]);
    expect(ranking.totalRequestedAboveThresholdPence).toBe(3_000_000);
    expect(ranking.rows[3]!.decidedByText).toBe("lower weighted score");
    expect(ranking.rows[4]!.decidedBy).toBe("not_scored");
  });

  const arbitraryBid = fc.record({
    scores: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), {
      maxLength: 3,
    }),
    amount: fc.integer({ min: 100_000, max: 2_500_000 }).map((n) => Math.round(n / 50_000) * 50_000),
    day: fc.integer({ min: 1, max: 3 }),
  });
  const arbitraryBids = fc.array(arbitraryBid, { minLength: 1, maxLength: 25 }).map((specs) =>
    specs.map((spec, index) =>
      bid({
        bidId: `p-${index}`,
        reference: `CSF-P-${String(index).padStart(4, "0")}`,
        amountRequestedPence: spec.amount,
        submittedAt: new Date(Date.UTC(2026, 0, spec.day)),
        assessments: spec.scores.map((s, i) => assessment(`assessor-${i}`, s)),
      }),
    ),
  );

  it("is a total order: the same ranking whatever order the bids arrive in", () => {
    fc.assert(
      fc.property(arbitraryBids, fc.array(fc.nat()), (bids, keys) => {
        const shuffled = bids
          .map((b, i) => ({ b, k: keys[i] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.b);
        const a = rankBids(scoreBids(RULES, bids), round).rows.map((r) => r.bid.bidId);
        const b = rankBids(scoreBids(RULES, shuffled), round).rows.map((r) => r.bid.bidId);
        expect(b).toEqual(a);
        // Antisymmetric and never "equal" for two different bids.
        const scores = scoreBids(RULES, bids);
        for (const x of scores) {
          for (const y of scores) {
            const xy = compareForRanking(x, y).order;
            expect(xy + compareForRanking(y, x).order).toBe(0);
            if (x.bidId !== y.bidId) expect(xy).not.toBe(0);
          }
        }
      }),
    );
  });

  it("keeps scores between 0% and 100% whatever order the assessments arrive in", () => {
    fc.assert(
      fc.property(arbitraryBids, (bids) => {
        for (const b of bids) {
          const forward = scoreBid(RULES, b);
          const backward = scoreBid(RULES, { ...b, assessments: [...b.assessments].reverse() });
          expect(backward.score).toEqual(forward.score);
          if (forward.scoreBasisPoints !== null) {
            expect(forward.scoreBasisPoints).toBeGreaterThanOrEqual(0);
            expect(forward.scoreBasisPoints).toBeLessThanOrEqual(10_000);
          }
        }
      }),
    );
  });

  it("stored keys rank exactly like the scores they come from (ADR 0028)", () => {
    // Scales from 1 to 10, any number of assessors up to 6, some criteria moderated: the order,
    // ties, shown text, basis points and threshold from the keys match scoring's own.
    const criteria = [
      { id: "a", title: "Need", weightPercent: 35, maxScore: 7, position: 0 },
      { id: "vfm", title: "Value for money", weightPercent: 40, maxScore: 10, position: 1 },
      { id: "c", title: "Deliverability", weightPercent: 25, maxScore: 3, position: 2 },
    ];
    const rules: RoundScoringRules = { criteria, moderationSpread: 1, qualityThresholdPercent: 50, assessorsPerBid: 2 };
    const arbitraryScored = fc.record({
      scores: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
      moderated: fc.option(fc.integer({ min: 0, max: 10 })),
      amount: fc.integer({ min: 1, max: 4 }).map((n) => n * 500_000),
      day: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryScored, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 100 }), (specs, threshold) => {
        const scores = specs.map((spec, index) =>
          scoreBid(
            { ...rules, qualityThresholdPercent: threshold },
            bid({
              bidId: `k-${index}`,
              reference: `CSF-K-${String(index).padStart(4, "0")}`,
              amountRequestedPence: spec.amount,
              submittedAt: new Date(Date.UTC(2026, 0, spec.day)),
              assessments: spec.scores.map((s, i) => ({
                assessorId: `assessor-${i}`,
                status: "submitted",
                scores: criteria.map((c, j) => ({ criterionId: c.id, score: s[j]! })),
              })),
              moderatedScores: spec.moderated === null ? [] : [{ criterionId: "vfm", score: spec.moderated, reason: "checked" }],
            }),
          ),
        );
        const stored = scores.map((s) => ({
          bidId: s.bidId,
          reference: s.reference,
          amountRequestedPence: s.amountRequestedPence,
          submittedAt: s.submittedAt,
          ...storedScore(s),
        }));
        for (const [i, x] of scores.entries()) {
          const kept = stored[i]!;
          expect(scoreFromKey(kept.scoreKey)).toEqual(x.score === null ? null : { scoreText: x.scoreText, scoreBasisPoints: x.scoreBasisPoints });
          expect(kept.scoreKey >= thresholdKey(threshold)).toBe(x.meetsThreshold);
          expect(kept.countedAssessments).toBe(x.countedAssessments);
          expect(kept.needsModeration).toBe(x.needsModeration);
          for (const [j, y] of scores.entries()) {
            expect(compareStoredForRanking(kept, stored[j]!)).toEqual(compareForRanking(x, y));
          }
        }
      }),
    );
  });

  it("stored keys are fixed-width digits, so text order is number order", () => {
    expect(scoreOrderKey({ num: 220n, den: 3n })).toBe(`073${"3".repeat(30)}`);
    expect(scoreOrderKey({ num: 100n, den: 1n })).toBe(`100${"0".repeat(30)}`);
    expect(scoreOrderKey({ num: 0n, den: 1n })).toBe("0".repeat(33));
    expect(scoreFromKey(scoreOrderKey({ num: 605n, den: 8n }))).toEqual({ scoreText: "75.6%", scoreBasisPoints: 7563 });
    expect(scoreFromKey("")).toBeNull();
  });
});
