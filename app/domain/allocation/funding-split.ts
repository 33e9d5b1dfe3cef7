// How an award divides between the PCC's money (base allocation + rolled forward) and the fund
// administrator's match funding (ADR 0006: proportional, PCC share rounded down).
import { potPence } from "~/domain/rounds/pot";

export type PotParts = { baseAllocationPence: number; rolledForwardPence: number; matchFundingPence: number };

export type FundingSplit = { pccFundedPence: number; matchFundedPence: number };

/**
 * Every award is funded in the proportions of the pot. The PCC share is rounded down to the
 * penny and match funding takes the rest, so the PCC's part of all awards together never exceeds
 * base + rolled forward (Σ⌊aᵢP/T⌋ ≤ ⌊ΣaᵢP/T⌋ ≤ P while Σaᵢ ≤ T); the rounding pennies fall on
 * match funding. The split depends only on the award and the pot, never on what else was
 * approved or when, so concurrent approvals cannot disagree about it.
 */
export function splitAward(amountPence: number, pot: PotParts): FundingSplit {
  const total = potPence(pot);
  if (total <= 0 || pot.matchFundingPence === 0) return { pccFundedPence: amountPence, matchFundedPence: 0 };
  const pccPart = BigInt(pot.baseAllocationPence + pot.rolledForwardPence);
  // bigint: amount × PCC part can pass 2^53 (both up to £10m in pence).
  const pccFundedPence = Number((BigInt(amountPence) * pccPart) / BigInt(total));
  return { pccFundedPence, matchFundedPence: amountPence - pccFundedPence };
}
