/** Pot = base allocation + rolled forward + match funding (all pence). */
export function potPence(round: { baseAllocationPence: number; rolledForwardPence: number; matchFundingPence: number }) {
  return round.baseAllocationPence + round.rolledForwardPence + round.matchFundingPence;
}

export type RoundPhase = "upcoming" | "open" | "closed";

/** Whether a round takes bids at `now`: open from opensAt (inclusive) until closesAt (exclusive). */
export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
  if (now < round.opensAt) return "upcoming";
  if (now < round.closesAt) return "open";
  return "closed";
}
