/** Pot = base allocation + rolled forward + match funding (all pence). */
export function potPence(round: { baseAllocationPence: number; rolledForwardPence: number; matchFundingPence: number }) {
  return round.baseAllocationPence + round.rolledForwardPence + round.matchFundingPence;
}

/** How a round is named on staff pages and in lists: its fund, then its own name. */
export function roundTitle(round: { name: string; fund: { name: string } }) {
  return `${round.fund.name}: ${round.name}`;
}

export type RoundPhase = "upcoming" | "open" | "closed";

/** Whether a round takes bids at `now`: open from opensAt (inclusive) until closesAt (exclusive). */
export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
  if (now < round.opensAt) return "upcoming";
  if (now < round.closesAt) return "open";
  return "closed";
}
