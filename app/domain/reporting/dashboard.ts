// Pure figures for the round and fund dashboards: score bands, the oversubscription ratio, how a
// bid's money is counted under its priorities and areas, and the sentences that summarise each
// chart for people who cannot see it. No I/O; dashboard.server.ts loads the rows.
import { formatPounds } from "~/lib/money";
import type { Fraction } from "~/domain/assessment/scoring";

/** Integer division rounded half up, for non-negative whole numbers (no floating point). */
function divideRounded(numerator: number, denominator: number) {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Requested ÷ pot in tenths (34 = "3.4 times"), rounded half up; null when there is no pot to
 * divide by.
 */
export function oversubscriptionTenths(requestedPence: number, potPence: number): number | null {
  if (potPence <= 0) return null;
  return divideRounded(Math.max(0, requestedPence) * 10, potPence);
}

/** "3.4" from 34; "Not applicable" without a pot. */
export function formatRatio(tenths: number | null): string {
  if (tenths === null) return "Not applicable";
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export const SCORE_BAND_COUNT = 10;

/** The 10-percent band a weighted score falls in: 0 for 0 to under 10%, …, 9 for 90 to 100% (100% included). */
export function scoreBandIndex(score: Fraction): number {
  // floor(score / 10) on the exact fraction, so 59.99…% never rounds up into the 60% band.
  const band = Number((score.num * 1n) / (score.den * 10n));
  return Math.min(SCORE_BAND_COUNT - 1, Math.max(0, band));
}

export function scoreBandLabel(index: number): string {
  const from = index * 10;
  return index === SCORE_BAND_COUNT - 1 ? `${from}% to 100%` : `${from}% to under ${from + 10}%`;
}

export type ScoreBand = { index: number; label: string; fromPercent: number; toPercent: number; bids: number };

/** How many weighted scores fall in each band (every band listed, empty ones with 0). */
export function scoreBands(scores: readonly Fraction[]): ScoreBand[] {
  const counts = new Array<number>(SCORE_BAND_COUNT).fill(0);
  for (const score of scores) counts[scoreBandIndex(score)]! += 1;
  return counts.map((bids, index) => ({ index, label: scoreBandLabel(index), fromPercent: index * 10, toPercent: index * 10 + 10, bids }));
}

export type TaggedBid = {
  /** What the bid asks for; counted only for bids that count as requests. */
  requestedPence: number;
  /** The award money counted as awarded for this bid (0 when none). */
  awardedPence: number;
  /** Ids of the priorities (or areas) the bid names. */
  tagIds: readonly string[];
};

export type TagTotals = { id: string; name: string; bids: number; requestedPence: number; awardedBids: number; awardedPence: number };

/**
 * Money and bids per priority (or area). A bid naming several is counted once under each one it
 * names, so the rows can add up to more than the round's total; bids naming none are gathered
 * under `noneName` (left out when there are none).
 */
export function totalsByTag(tags: readonly { id: string; name: string }[], bids: readonly TaggedBid[], noneName: string): TagTotals[] {
  const rows = new Map<string, TagTotals>(tags.map((t) => [t.id, { id: t.id, name: t.name, bids: 0, requestedPence: 0, awardedBids: 0, awardedPence: 0 }]));
  const none: TagTotals = { id: "", name: noneName, bids: 0, requestedPence: 0, awardedBids: 0, awardedPence: 0 };
  for (const bid of bids) {
    const named = [...new Set(bid.tagIds)].map((id) => rows.get(id)).filter((row): row is TagTotals => row !== undefined);
    for (const row of named.length > 0 ? named : [none]) {
      row.bids += 1;
      row.requestedPence += bid.requestedPence;
      if (bid.awardedPence > 0) {
        row.awardedBids += 1;
        row.awardedPence += bid.awardedPence;
      }
    }
  }
  return none.bids > 0 ? [...rows.values(), none] : [...rows.values()];
}

/** "£412,000.00 requested against a £120,000.00 pot: 3.4 times oversubscribed" */
export function describeDemand(requestedPence: number, potPence: number): string {
  const tenths = oversubscriptionTenths(requestedPence, potPence);
  const against = `${formatPounds(requestedPence)} requested against a ${formatPounds(potPence)} pot`;
  if (tenths === null) return `${formatPounds(requestedPence)} requested; the round has no pot.`;
  if (requestedPence <= potPence) return `${against}: requests are within the pot.`;
  return `${against}: ${formatRatio(tenths)} times oversubscribed.`;
}

/** "5 bids have a weighted score; 3 meet the 50% quality threshold. Most are in the 60% to under 70% band." */
export function describeScores(bands: readonly ScoreBand[], meetingThreshold: number, thresholdPercent: number, notScored: number): string {
  const scored = bands.reduce((sum, b) => sum + b.bids, 0);
  const later = notScored > 0 ? ` ${plural(notScored, "bid has", "bids have")} no weighted score yet.` : "";
  if (scored === 0) return `No bid has a weighted score yet.${later}`;
  const most = bands.reduce((best, b) => (b.bids > best.bids ? b : best), bands[0]!);
  return (
    `${plural(scored, "bid has", "bids have")} a weighted score; ${meetingThreshold} ${meetingThreshold === 1 ? "meets" : "meet"} the ${thresholdPercent}% quality threshold. ` +
    `The largest group, ${most.bids}, is in the ${most.label} band.${later}`
  );
}

export type FunnelStage = { key: string; label: string; count: number };

/** "12 eligibility checks started, 4 bids funded and 3 accepted." */
export function describeFunnel(stages: readonly FunnelStage[]): string {
  return `${stages.map((s) => `${s.label}: ${s.count}`).join("; ")}.`;
}

/** "Most bids are submitted (4 of 9)." */
export function describeCounts(rows: readonly { label: string; count: number }[], noun: [string, string]): string {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) return `There are no ${noun[1]} yet.`;
  return `${plural(total, noun[0], noun[1])}: ${rows
    .filter((r) => r.count > 0)
    .map((r) => `${r.count} ${r.label.toLowerCase()}`)
    .join(", ")}.`;
}

/** "Requested and awarded by priority: Reducing anti-social behaviour £30,000.00 requested, £12,000.00 awarded; …" */
export function describeTagTotals(what: string, rows: readonly TagTotals[]): string {
  if (rows.length === 0) return `This round has no ${what}.`;
  const top = rows.reduce((best, r) => (r.requestedPence > best.requestedPence ? r : best), rows[0]!);
  if (top.requestedPence === 0) return `No bid has asked for money under any ${what.replace(/s$/, "")} yet.`;
  return `Most money was requested under ${top.name}: ${formatPounds(top.requestedPence)}, of which ${formatPounds(top.awardedPence)} has been awarded.`;
}

export type FundRoundRow = { name: string; potPence: number; requestedPence: number; awardedPence: number };

/** "3 rounds: the most oversubscribed was 2025 to 2026, round 1 (3.4 times)." */
export function describeFundComparison(rows: readonly FundRoundRow[]): string {
  if (rows.length === 0) return "This fund has no rounds yet.";
  const ratios = rows.map((r) => ({ r, tenths: oversubscriptionTenths(r.requestedPence, r.potPence) ?? -1 }));
  const most = ratios.reduce((best, x) => (x.tenths > best.tenths ? x : best), ratios[0]!);
  const total = rows.reduce((sum, r) => sum + r.awardedPence, 0);
  const ratio = most.tenths < 0 ? "" : ` The highest demand was in ${most.r.name}: requests ${formatRatio(most.tenths)} times its pot.`;
  return `${plural(rows.length, "round", "rounds")}, ${formatPounds(total)} awarded in all.${ratio}`;
}

export function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}
