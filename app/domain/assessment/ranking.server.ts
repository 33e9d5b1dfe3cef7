// The round's ranking in SQL, from the stored scores (ADR 0028): the order of the tie-break rule
// as an ORDER BY, a bid's place and the running total of requests above it from window
// functions, and whole-round totals from one aggregate. The statements run on SQLite and
// PostgreSQL alike but for how the bid above is found (rankPlaces); scoring.ts
// `compareStoredForRanking` states the same order in code.
import { currentProvider } from "~/domain/lists/text-search.server";
import { db, type Prisma } from "~/lib/db.server";
import type { StoredRankingFacts } from "./scoring";

/** The stored columns the tie-break rule reads. */
export const RANKING_FACTS = {
  id: true,
  reference: true,
  amountRequestedPence: true,
  submittedAt: true,
  scoreKey: true,
  valueForMoneyKey: true,
} satisfies Prisma.BidSelect;

export function rankingFacts(bid: Omit<StoredRankingFacts, "bidId"> & { id: string }): StoredRankingFacts {
  return {
    bidId: bid.id,
    reference: bid.reference,
    amountRequestedPence: bid.amountRequestedPence,
    submittedAt: bid.submittedAt,
    scoreKey: bid.scoreKey,
    valueForMoneyKey: bid.valueForMoneyKey,
  };
}

/** The ranking's order, for Prisma: scoreKey and valueForMoneyKey are "" when not scored, so those bids come last. */
export const RANKING_ORDER = [
  { scoreKey: "desc" },
  { valueForMoneyKey: "desc" },
  { amountRequestedPence: "asc" },
  // Every ranked bid has been submitted, so no submission time is missing (the databases would
  // place a missing one differently).
  { submittedAt: "asc" },
  { reference: "asc" },
  { id: "asc" },
] satisfies Prisma.BidOrderByWithRelationInput[];

const WINDOW_ORDER = `ORDER BY b."scoreKey" DESC, b."valueForMoneyKey" DESC, b."amountRequestedPence" ASC,
  b."submittedAt" ASC, b."reference" ASC, b."id" ASC`;

/** The bids a ranking holds: a round's bids in some states, screened in or not yet screened. */
export type RankedBids = { roundId: string; statuses: readonly string[] };

/** The same bids, as a Prisma condition. */
export function rankedBidsWhere(ranked: RankedBids): Prisma.BidWhereInput {
  return { roundId: ranked.roundId, status: { in: [...ranked.statuses] }, OR: [{ screeningDecision: null }, { screeningDecision: "eligible" }] };
}

/**
 * The score filter both ranking pages offer, on the stored key: at or above the quality threshold's
 * key, below it but scored, or not scored yet ("" is the key of a bid with no counted assessment).
 */
export function scoreBandWhere(band: "" | "meets_threshold" | "below_threshold" | "not_scored", thresholdKey: string): Prisma.BidWhereInput {
  if (band === "meets_threshold") return { scoreKey: { gte: thresholdKey } };
  if (band === "below_threshold") return { scoreKey: { lt: thresholdKey, not: "" } };
  if (band === "not_scored") return { scoreKey: "" };
  return {};
}

type Piece = string | { value: unknown };

/** Runs a statement written as text and parameters (lists of any length become one placeholder each). */
function query<T>(pieces: Piece[]): Promise<T[]> {
  const strings: string[] = [""];
  const values: unknown[] = [];
  for (const piece of pieces) {
    if (typeof piece === "string") strings[strings.length - 1] += piece;
    else {
      values.push(piece.value);
      strings.push("");
    }
  }
  // A tag function's arguments, as a template literal would pass them.
  const template = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
  return db.$queryRaw<T[]>(template, ...values);
}

function list(values: readonly unknown[]): Piece[] {
  return values.flatMap((value, i) => (i === 0 ? [{ value }] : [", ", { value }]));
}

function rankedWhere(ranked: RankedBids): Piece[] {
  return [
    `WHERE b."roundId" = `,
    { value: ranked.roundId },
    ` AND b."status" IN (`,
    ...list(ranked.statuses),
    `) AND (b."screeningDecision" IS NULL OR b."screeningDecision" = 'eligible')`,
  ];
}

export type RankPlace = {
  /** 1 for the first bid of the whole ranking. */
  position: number;
  /** Requested by this bid and every bid above it. */
  runningRequestedPence: number;
  /** The bid ranked just above (null for the first). */
  aboveId: string | null;
};

/** Each of the given bids' place in the whole ranking (1 for the first): one window, whatever their number. */
export async function rankPositions(ranked: RankedBids, bidIds: readonly string[]): Promise<Map<string, number>> {
  if (bidIds.length === 0) return new Map();
  const rows = await query<{ bidId: string; position: number | bigint }>([
    `SELECT "bidId", "position" FROM (
      SELECT b."id" AS "bidId", ROW_NUMBER() OVER (${WINDOW_ORDER}) AS "position" FROM "Bid" b `,
    ...rankedWhere(ranked),
    `) ranked WHERE "bidId" IN (`,
    ...list(bidIds),
    `)`,
  ]);
  return new Map(rows.map((r) => [r.bidId, Number(r.position)]));
}

/**
 * Where each of the given bids stands in the whole ranking, with the running total and the bid
 * above: one statement, whatever their number. One window gives all three (a ROWS frame: the order
 * ends with the id, so no two bids are peers and it sums what the default frame would, without
 * comparing peers). SQLite's LAG costs more than the rest of the window together, so there the bid
 * above is the one a place higher, joined on the place; PostgreSQL's LAG costs less than that join.
 */
export async function rankPlaces(ranked: RankedBids, bidIds: readonly string[]): Promise<Map<string, RankPlace>> {
  if (bidIds.length === 0) return new Map();
  const frame = ` WINDOW w AS (${WINDOW_ORDER} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const places = `ROW_NUMBER() OVER w AS "position", SUM(COALESCE(b."amountRequestedPence", 0)) OVER w AS "running"`;
  const statement: Piece[] =
    currentProvider() === "postgresql"
      ? [
          `SELECT "bidId", "position", "running", "aboveId" FROM (
            SELECT b."id" AS "bidId", ${places}, LAG(b."id") OVER w AS "aboveId" FROM "Bid" b `,
          ...rankedWhere(ranked),
          `${frame}) ranked WHERE "bidId" IN (`,
        ]
      : [
          `WITH ranked AS (SELECT b."id" AS "bidId", ${places} FROM "Bid" b `,
          ...rankedWhere(ranked),
          `${frame})
          SELECT r."bidId", r."position", r."running", a."bidId" AS "aboveId"
          FROM ranked r LEFT JOIN ranked a ON a."position" = r."position" - 1
          WHERE r."bidId" IN (`,
        ];
  const rows = await query<{ bidId: string; position: number | bigint; running: number | bigint | null; aboveId: string | null }>([
    ...statement,
    ...list(bidIds),
    `)`,
  ]);
  return new Map(rows.map((r) => [r.bidId, { position: Number(r.position), runningRequestedPence: Number(r.running ?? 0), aboveId: r.aboveId }]));
}

export type RankingTotals = { bids: number; requestedPence: number; meetingThreshold: number; requestedMeetingThresholdPence: number };

/** Counts and requested sums over the whole ranking, and over the bids whose key reaches `thresholdKey`. */
export async function rankingTotals(ranked: RankedBids, thresholdKey: string): Promise<RankingTotals> {
  const [row] = await query<Record<keyof RankingTotals, number | bigint | null>>([
    `SELECT COUNT(*) AS "bids", SUM(COALESCE(b."amountRequestedPence", 0)) AS "requestedPence",
      SUM(CASE WHEN b."scoreKey" >= `,
    { value: thresholdKey },
    ` THEN 1 ELSE 0 END) AS "meetingThreshold",
      SUM(CASE WHEN b."scoreKey" >= `,
    { value: thresholdKey },
    ` THEN COALESCE(b."amountRequestedPence", 0) ELSE 0 END) AS "requestedMeetingThresholdPence"
    FROM "Bid" b `,
    ...rankedWhere(ranked),
  ]);
  return {
    bids: Number(row?.bids ?? 0),
    requestedPence: Number(row?.requestedPence ?? 0),
    meetingThreshold: Number(row?.meetingThreshold ?? 0),
    requestedMeetingThresholdPence: Number(row?.requestedMeetingThresholdPence ?? 0),
  };
}
