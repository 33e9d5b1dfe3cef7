// Weighted scores, moderation flags and the ranking of a round's bids (DESIGN.md "Scoring and
// allocation"). Pure: no I/O; callers load the rows and pass plain objects in.
//
// Arithmetic is exact. A criterion's mean is kept as the fraction sum/count and a bid's weighted
// score as a fraction of bigints, so "73 1/3 %" never becomes 73.33333 and two bids tie only when
// their scores are truly equal. Rounding happens only at the edges, each way stated once:
// - `scoreBasisPoints`: the percentage in hundredths (7333 = 73.33%), rounded half up; an integer
//   for storing, sorting in a table, and for the allocation solver's objective;
// - `scoreText`: one decimal place ("73.3%"), rounded half up from the exact value (not from the
//   basis points, so there is no double rounding).
// Ranking and the quality threshold compare the exact values.

/** An exact non-negative rational number; `den` > 0 and the fraction is in lowest terms. */
export type Fraction = { readonly num: bigint; readonly den: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

function fraction(num: bigint, den: bigint): Fraction {
  if (den <= 0n) throw new RangeError("a fraction needs a positive denominator");
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Rounds half up to a whole number (values here are never negative). */
function roundHalfUp(value: Fraction, scale: bigint): bigint {
  return (value.num * scale * 2n + value.den) / (2n * value.den);
}

/** The fraction as text with `decimals` places, rounded half up: 7/3 → "2.3". */
export function formatFraction(value: Fraction, decimals = 1): string {
  const scaled = roundHalfUp(value, 10n ** BigInt(decimals));
  if (decimals === 0) return scaled.toString();
  const digits = scaled.toString().padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** For charts and logs only; never compare scores through this. */
export function fractionToNumber(value: Fraction): number {
  return Number(value.num) / Number(value.den);
}

export type CriterionForScoring = {
  id: string;
  title: string;
  weightPercent: number;
  /** Scores on this criterion run 0..maxScore. */
  maxScore: number;
  position?: number;
};

export type AssessmentForScoring = {
  assessorId: string;
  /** Only `submitted` assessments count; drafts are ignored. */
  status: string;
  scores: readonly { criterionId: string; score: number }[];
};

export type ModeratedScoreForScoring = {
  criterionId: string;
  score: number;
  reason: string;
  moderatedById?: string | null;
};

export type BidForScoring = {
  bidId: string;
  reference: string;
  title?: string;
  amountRequestedPence: number;
  submittedAt: Date | null;
  assessments: readonly AssessmentForScoring[];
  /** Assessors who declared a conflict of interest on this bid: their scores stop counting. */
  conflictedAssessorIds?: readonly string[];
  moderatedScores?: readonly ModeratedScoreForScoring[];
};

export type RoundScoringRules = {
  criteria: readonly CriterionForScoring[];
  /** Counted scores for one criterion further apart than this flag the bid for moderation. */
  moderationSpread: number;
  qualityThresholdPercent: number;
  assessorsPerBid: number;
  /**
   * The criterion whose score breaks ties first. Left out: the criterion titled like "Value for
   * money" (`findValueForMoneyCriterion`); null: no such tie-break.
   */
  valueForMoneyCriterionId?: string | null;
};

export type CriterionResult = {
  criterionId: string;
  title: string;
  weightPercent: number;
  maxScore: number;
  /** The scores that count: submitted, from assessors without a conflict on the bid. */
  assessorScores: { assessorId: string; score: number }[];
  /** Mean of the counted scores on the criterion's own scale (0..maxScore); kept after moderation. */
  assessorMean: Fraction | null;
  moderated: { score: number; reason: string; moderatedById: string | null } | null;
  /** The score used in the weighted score: the moderated score if there is one, else the mean. */
  effectiveScore: Fraction | null;
  /** Highest minus lowest counted score (null with fewer than two scores). */
  spread: number | null;
  /** The spread is more than the round allows. Stays true after moderation (see `needsModeration`). */
  disagreement: boolean;
};

export type BidScore = {
  bidId: string;
  reference: string;
  title: string;
  amountRequestedPence: number;
  submittedAt: Date | null;
  criteria: CriterionResult[];
  /** Submitted assessments that count (conflicted assessors excluded). */
  countedAssessments: number;
  draftAssessments: number;
  /** Assessors whose assessments were left out because they declared a conflict. */
  excludedAssessorIds: string[];
  /** How many more submitted assessments the round asks for (0 when enough). */
  assessmentsOutstanding: number;
  /** Every criterion has a score (counted or moderated), so the weighted score exists. */
  complete: boolean;
  /** Weighted score as an exact percentage (0..100); null until every criterion has a score. */
  score: Fraction | null;
  scoreBasisPoints: number | null;
  scoreText: string;
  /** The value-for-money criterion's score as a share of its maximum (0..1), for tie-breaks. */
  valueForMoney: Fraction | null;
  /** A criterion's scores disagree beyond the spread and it has no moderated score yet. */
  needsModeration: boolean;
  meetsThreshold: boolean;
};

/** The criterion titled like "Value for money", if the round has one. */
export function findValueForMoneyCriterion<C extends { id: string; title: string }>(criteria: readonly C[]): C | undefined {
  return criteria.find((c) => /value\s+for\s+money/i.test(c.title));
}

/** Why a round's criteria cannot be used for scoring, or null when they can. */
export function criteriaProblem(criteria: readonly CriterionForScoring[]): string | null {
  if (criteria.length === 0) return "Add at least one scoring criterion";
  const total = criteria.reduce((sum, c) => sum + c.weightPercent, 0);
  if (total !== 100) return `The criteria weights add up to ${total}%; they must add up to 100%`;
  const badScale = criteria.find((c) => !Number.isInteger(c.maxScore) || c.maxScore < 1);
  if (badScale) return `The highest score for “${badScale.title}” must be a whole number of at least 1`;
  return null;
}

/** Why a score cannot be recorded against a criterion, or null when it can. */
export function scoreProblem(score: number, criterion: Pick<CriterionForScoring, "title" | "maxScore">): string | null {
  if (!Number.isInteger(score) || score < 0 || score > criterion.maxScore) {
    return `Score for “${criterion.title}” must be a whole number from 0 to ${criterion.maxScore}`;
  }
  return null;
}

function checkScore(score: number, criterion: CriterionForScoring, bidReference: string) {
  const problem = scoreProblem(score, criterion);
  if (problem) throw new RangeError(`${bidReference}: ${problem}, got ${score}`);
}

/** The weighted score of one bid, with everything a results page needs to explain it. */
export function scoreBid(rules: RoundScoringRules, bid: BidForScoring): BidScore {
  const criteria = [...rules.criteria].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const conflicted = new Set(bid.conflictedAssessorIds ?? []);

  const counted = bid.assessments.filter((a) => a.status === "submitted" && !conflicted.has(a.assessorId));
  const excludedAssessorIds = [...new Set(bid.assessments.filter((a) => conflicted.has(a.assessorId)).map((a) => a.assessorId))].sort();
  const draftAssessments = bid.assessments.filter((a) => a.status !== "submitted" && !conflicted.has(a.assessorId)).length;

  const scoresByCriterion = new Map<string, { assessorId: string; score: number }[]>(criteria.map((c) => [c.id, []]));
  for (const assessment of counted) {
    for (const { criterionId, score } of assessment.scores) {
      const criterion = criterionById.get(criterionId);
      if (!criterion) throw new RangeError(`${bid.reference}: a score for criterion ${criterionId}, which is not one of the round's`);
      checkScore(score, criterion, bid.reference);
      scoresByCriterion.get(criterionId)!.push({ assessorId: assessment.assessorId, score });
    }
  }
  const moderatedByCriterion = new Map<string, ModeratedScoreForScoring>();
  for (const moderated of bid.moderatedScores ?? []) {
    const criterion = criterionById.get(moderated.criterionId);
    if (!criterion) throw new RangeError(`${bid.reference}: a moderated score for criterion ${moderated.criterionId}, which is not one of the round's`);
    checkScore(moderated.score, criterion, bid.reference);
    moderatedByCriterion.set(moderated.criterionId, moderated);
  }

  const results: CriterionResult[] = criteria.map((criterion) => {
    const assessorScores = scoresByCriterion.get(criterion.id)!.sort((a, b) => (a.assessorId < b.assessorId ? -1 : a.assessorId > b.assessorId ? 1 : 0));
    const values = assessorScores.map((s) => s.score);
    const assessorMean = values.length === 0 ? null : fraction(BigInt(values.reduce((sum, v) => sum + v, 0)), BigInt(values.length));
    const spread = values.length < 2 ? null : Math.max(...values) - Math.min(...values);
    const moderated = moderatedByCriterion.get(criterion.id);
    return {
      criterionId: criterion.id,
      title: criterion.title,
      weightPercent: criterion.weightPercent,
      maxScore: criterion.maxScore,
      assessorScores,
      assessorMean,
      moderated: moderated ? { score: moderated.score, reason: moderated.reason, moderatedById: moderated.moderatedById ?? null } : null,
      effectiveScore: moderated ? fraction(BigInt(moderated.score), 1n) : assessorMean,
      spread,
      disagreement: spread !== null && spread > rules.moderationSpread,
    };
  });

  const complete = results.length > 0 && results.every((r) => r.effectiveScore !== null);
  const score = complete ? weightedPercent(results) : null;
  const vfmId = rules.valueForMoneyCriterionId === undefined ? findValueForMoneyCriterion(criteria)?.id : rules.valueForMoneyCriterionId;
  const vfm = vfmId ? results.find((r) => r.criterionId === vfmId) : undefined;
  return {
    bidId: bid.bidId,
    reference: bid.reference,
    title: bid.title ?? "",
    amountRequestedPence: bid.amountRequestedPence,
    submittedAt: bid.submittedAt,
    criteria: results,
    countedAssessments: counted.length,
    draftAssessments,
    excludedAssessorIds,
    assessmentsOutstanding: Math.max(0, rules.assessorsPerBid - counted.length),
    complete,
    score,
    scoreBasisPoints: score ? Number(roundHalfUp(score, 100n)) : null,
    scoreText: score ? `${formatFraction(score, 1)}%` : "Not scored",
    valueForMoney: vfm?.effectiveScore ? fraction(vfm.effectiveScore.num, vfm.effectiveScore.den * BigInt(vfm.maxScore)) : null,
    needsModeration: results.some((r) => r.disagreement && r.moderated === null),
    meetsThreshold: score !== null && compareFractions(score, fraction(BigInt(rules.qualityThresholdPercent), 1n)) >= 0,
  };
}

/**
 * 100 × Σ weight × (score / maxScore) / Σ weight. With weights adding to 100 (see
 * `criteriaProblem`) this is Σ weight × score / maxScore; dividing by the total keeps a
 * half-configured round on a 0..100 scale rather than silently above or below it.
 */
function weightedPercent(results: readonly CriterionResult[]): Fraction {
  const totalWeight = results.reduce((sum, r) => sum + r.weightPercent, 0);
  if (totalWeight === 0) return fraction(0n, 1n);
  let sum = fraction(0n, 1n);
  for (const r of results) {
    const term = fraction(r.effectiveScore!.num * BigInt(r.weightPercent), r.effectiveScore!.den * BigInt(r.maxScore));
    sum = fraction(sum.num * term.den + term.num * sum.den, sum.den * term.den);
  }
  return fraction(sum.num * 100n, sum.den * BigInt(totalWeight));
}

export function scoreBids(rules: RoundScoringRules, bids: readonly BidForScoring[]): BidScore[] {
  return bids.map((bid) => scoreBid(rules, bid));
}

/** Which rule put a bid below the one ranked just above it. */
export type RankDecidedBy = "score" | "value_for_money" | "amount_requested" | "submitted_at" | "reference" | "not_scored";

export const TIE_BREAK_RULE =
  "Bids are ranked by weighted score, highest first. Equal scores are separated by the higher value-for-money score, then the lower amount requested, then the earlier submission, then the bid reference in order.";

const DECIDED_BY_TEXT: Record<RankDecidedBy, string> = {
  score: "lower weighted score",
  value_for_money: "same score; lower value-for-money score",
  amount_requested: "same scores; asks for more",
  submitted_at: "same scores and amount; submitted later",
  reference: "same scores, amount and submission time; reference order",
  not_scored: "not scored yet",
};

/** Orders two scored bids; returns the sign and the rule that decided it. */
export function compareForRanking(a: BidScore, b: BidScore): { order: number; decidedBy: RankDecidedBy } {
  if (a.score === null || b.score === null) {
    if (a.score !== b.score) return { order: a.score === null ? 1 : -1, decidedBy: "not_scored" };
  } else {
    const byScore = compareFractions(b.score, a.score);
    if (byScore !== 0) return { order: byScore, decidedBy: "score" };
    const byVfm = compareFractions(b.valueForMoney ?? fraction(0n, 1n), a.valueForMoney ?? fraction(0n, 1n));
    if (byVfm !== 0) return { order: byVfm, decidedBy: "value_for_money" };
  }
  if (a.amountRequestedPence !== b.amountRequestedPence) {
    return { order: a.amountRequestedPence < b.amountRequestedPence ? -1 : 1, decidedBy: "amount_requested" };
  }
  const at = a.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return { order: at < bt ? -1 : 1, decidedBy: "submitted_at" };
  const byReference = a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
  return { order: byReference, decidedBy: "reference" };
}

export type RankingRow = {
  /** 1, 2, 3, … in order; null for bids without a weighted score yet (listed last). */
  rank: number | null;
  bid: BidScore;
  /** Requested amounts of this bid and every bid above it. */
  runningTotalRequestedPence: number;
  /** The running total is still within the pot. */
  withinPot: boolean;
  /** Why this bid is below the previous row (null for the first row). */
  decidedBy: RankDecidedBy | null;
  decidedByText: string | null;
};

export type Ranking = {
  rows: RankingRow[];
  tieBreakRule: string;
  potPence: number;
  qualityThresholdPercent: number;
  /** How many rows sit above the quality threshold line (they come first). */
  rowsAboveThreshold: number;
  totalRequestedPence: number;
  totalRequestedAboveThresholdPence: number;
};

/**
 * The ranking table: scored bids by the tie-break rule, bids without a score after them. The
 * threshold line falls after `rowsAboveThreshold` rows: scores are ordered, so every bid at or
 * above the threshold comes before every bid below it.
 */
export function rankBids(scores: readonly BidScore[], round: { potPence: number; qualityThresholdPercent: number }): Ranking {
  const sorted = [...scores].sort((a, b) => compareForRanking(a, b).order);
  let running = 0;
  let aboveTotal = 0;
  const rows = sorted.map((bid, index): RankingRow => {
    running += bid.amountRequestedPence;
    if (bid.meetsThreshold) aboveTotal += bid.amountRequestedPence;
    const previous = index > 0 ? sorted[index - 1]! : null;
    const decidedBy = previous ? compareForRanking(previous, bid).decidedBy : null;
    return {
      rank: bid.score === null ? null : index + 1,
      bid,
      runningTotalRequestedPence: running,
      withinPot: running <= round.potPence,
      decidedBy,
      decidedByText: decidedBy ? DECIDED_BY_TEXT[decidedBy] : null,
    };
  });
  return {
    rows,
    tieBreakRule: TIE_BREAK_RULE,
    potPence: round.potPence,
    qualityThresholdPercent: round.qualityThresholdPercent,
    rowsAboveThreshold: rows.filter((r) => r.bid.meetsThreshold).length,
    totalRequestedPence: running,
    totalRequestedAboveThresholdPence: aboveTotal,
  };
}

// The stored score (ADR 0028). Ranking a round of thousands of bids on every page view meant
// reading every assessment; instead each bid keeps the few facts the ranking reads, written with
// the change that alters them, and the database orders and pages the round by them.

const KEY_INTEGER_DIGITS = 3;
const KEY_DECIMALS = 30;
const KEY_SCALE = 10n ** BigInt(KEY_DECIMALS);
/**
 * Keys are exact for fractions with denominators up to 10^15: two such different values differ
 * by at least 1/(d1 × d2) ≥ 10^-30, the key's last place, so they never share a key. A weighted
 * score's denominator divides the total weight times the least common multiple of (counted
 * scores × highest score) over the criteria: with weights adding to 100, 20 assessors and scales
 * up to 10 that is at most 100 × 20 × 2,520 = 5,040,000.
 */
const KEY_MAX_DENOMINATOR = 10n ** 15n;

/**
 * A value from 0 to 100 (a weighted score, or a value-for-money share) as a fixed-width string of
 * digits, floor(value × 10^30) padded to 33 digits, so that comparing keys as text (in SQL, in
 * any collation, as every character is a digit) orders them exactly as the values: "073333…" for
 * 73 1/3 %. Equal values give equal keys.
 */
export function scoreOrderKey(value: Fraction): string {
  if (value.den > KEY_MAX_DENOMINATOR) throw new RangeError(`a score with denominator ${value.den} is too fine to order exactly`);
  return ((value.num * KEY_SCALE) / value.den).toString().padStart(KEY_INTEGER_DIGITS + KEY_DECIMALS, "0");
}

/** The key a score must reach to meet a quality threshold of `percent`. */
export function thresholdKey(percent: number): string {
  return scoreOrderKey(fraction(BigInt(percent), 1n));
}

/**
 * A stored key back as `scoreText` and `scoreBasisPoints` (rounded half up from the key, which
 * gives the same result as from the exact value: within the key's bound no score lies less than
 * 10^-30 below a rounding midpoint without being on it). Null for "" (not scored).
 */
export function scoreFromKey(key: string): { scoreText: string; scoreBasisPoints: number } | null {
  if (key === "") return null;
  const scaled = BigInt(key);
  const rounded = (decimals: number) => {
    const unit = 10n ** BigInt(KEY_DECIMALS - decimals);
    return (scaled * 2n + unit) / (2n * unit);
  };
  const tenths = rounded(1);
  return { scoreText: `${tenths / 10n}.${tenths % 10n}%`, scoreBasisPoints: Number(rounded(2)) };
}

/** What a bid keeps of its score for the ranking (ADR 0028). */
export type StoredScore = { scoreKey: string; valueForMoneyKey: string; countedAssessments: number; needsModeration: boolean };

export function storedScore(score: BidScore): StoredScore {
  return {
    scoreKey: score.score ? scoreOrderKey(score.score) : "",
    // compareForRanking reads a missing value-for-money score as 0; bids without a score never compare it.
    valueForMoneyKey: score.score ? scoreOrderKey(score.valueForMoney ?? fraction(0n, 1n)) : "",
    countedAssessments: score.countedAssessments,
    needsModeration: score.needsModeration,
  };
}

/** A ranked bid as stored: its keys and the tie-breaks after them. */
export type StoredRankingFacts = {
  bidId: string;
  reference: string | null;
  amountRequestedPence: number | null;
  submittedAt: Date | null;
  scoreKey: string;
  valueForMoneyKey: string;
};

/**
 * compareForRanking on stored keys: the same rule, in the same order, so the database's
 * ORDER BY scoreKey DESC, valueForMoneyKey DESC, amountRequestedPence, submittedAt (missing last),
 * reference, id and this function agree with the ranking computed from the assessments.
 */
export function compareStoredForRanking(a: StoredRankingFacts, b: StoredRankingFacts): { order: number; decidedBy: RankDecidedBy } {
  if (a.scoreKey === "" || b.scoreKey === "") {
    if (a.scoreKey !== b.scoreKey) return { order: a.scoreKey === "" ? 1 : -1, decidedBy: "not_scored" };
  } else {
    if (a.scoreKey !== b.scoreKey) return { order: a.scoreKey > b.scoreKey ? -1 : 1, decidedBy: "score" };
    if (a.valueForMoneyKey !== b.valueForMoneyKey) return { order: a.valueForMoneyKey > b.valueForMoneyKey ? -1 : 1, decidedBy: "value_for_money" };
  }
  const amountA = a.amountRequestedPence ?? 0;
  const amountB = b.amountRequestedPence ?? 0;
  if (amountA !== amountB) return { order: amountA < amountB ? -1 : 1, decidedBy: "amount_requested" };
  const at = a.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return { order: at < bt ? -1 : 1, decidedBy: "submitted_at" };
  const ra = a.reference ?? "";
  const rb = b.reference ?? "";
  const byReference = ra < rb ? -1 : ra > rb ? 1 : a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
  return { order: byReference, decidedBy: "reference" };
}

/** Why a bid sits below the one ranked just above it, as the ranking table says it. */
export function decidedByText(decidedBy: RankDecidedBy): string {
  return DECIDED_BY_TEXT[decidedBy];
}
