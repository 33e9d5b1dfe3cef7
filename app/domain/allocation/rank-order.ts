// Rank-order suggestion: fund bids at or above the quality threshold in rank order until the pot
// runs out. Pure; every line says why.
import { formatPounds } from "~/lib/money";
import {
  awardCeilingPence,
  inRankOrder,
  overPotExplanation,
  unfundableReason,
  type AllocationCandidate,
  type AllocationRound,
  type Suggestion,
  type SuggestionLine,
} from "./candidates";

/**
 * - `skip`: a bid that no longer fits is skipped and the next one down is tried, so smaller bids
 *   lower in the ranking can still use what is left;
 * - `part_fund`: the first bid that no longer fits (the marginal bid) gets everything that is
 *   left, if that is at least the round minimum; after that the pot is used up.
 */
export type RankOrderMode = "skip" | "part_fund";

export type RankOrderSuggestion = Suggestion & { method: "rank_order"; mode: RankOrderMode };

export function suggestRankOrder(candidates: readonly AllocationCandidate[], round: AllocationRound, mode: RankOrderMode): RankOrderSuggestion {
  let remaining = Math.max(0, round.availablePence);
  let marginalDone = false;
  const lines: SuggestionLine[] = [];
  let totalScoreBasisPoints = 0;

  for (const candidate of inRankOrder(candidates)) {
    const base = { bidId: candidate.bidId, reference: candidate.reference, rank: candidate.rank, requestedPence: candidate.amountRequestedPence };
    const unfundable = unfundableReason(candidate, round);
    if (unfundable) {
      lines.push({ ...base, awardPence: 0, ...unfundable });
      continue;
    }
    const ceiling = awardCeilingPence(candidate, round);
    const capped = ceiling < candidate.amountRequestedPence ? ` (capped at the round maximum of ${formatPounds(round.maxAwardPence)})` : "";
    if (ceiling <= remaining) {
      remaining -= ceiling;
      totalScoreBasisPoints += candidate.scoreBasisPoints ?? 0;
      lines.push({ ...base, awardPence: ceiling, outcome: "funded", explanation: `funded: rank ${candidate.rank}, fits${capped}` });
      continue;
    }
    if (mode === "part_fund" && !marginalDone && remaining >= round.minAwardPence && remaining > 0) {
      marginalDone = true;
      totalScoreBasisPoints += candidate.scoreBasisPoints ?? 0;
      lines.push({
        ...base,
        awardPence: remaining,
        outcome: "part_funded",
        explanation: `part-funded: marginal, ${formatPounds(remaining)} of ${formatPounds(candidate.amountRequestedPence)} requested, all that is left of the pot`,
      });
      remaining = 0;
      continue;
    }
    const belowMinimum = remaining > 0 && remaining < round.minAwardPence ? `; the ${formatPounds(remaining)} left is below the round minimum award` : "";
    lines.push({ ...base, awardPence: 0, outcome: "skipped", explanation: overPotExplanation(ceiling, remaining, belowMinimum) });
  }

  const available = Math.max(0, round.availablePence);
  return { method: "rank_order", mode, lines, totalAwardPence: available - remaining, remainingPence: remaining, totalScoreBasisPoints };
}
