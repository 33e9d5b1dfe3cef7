// The invitation cap of a two-stage round (ADR 0026): the amounts asked for by the invited
// expressions of interest, added up, may not exceed the cap the round stores in pence.
import { formatPounds } from "~/lib/money";

export type CapCheck = { totalPence: number; capPence: number; withinCap: boolean; overByPence: number };

export function checkInvitationCap(amountsPence: readonly number[], capPence: number): CapCheck {
  const totalPence = amountsPence.reduce((sum, amount) => sum + amount, 0);
  return { totalPence, capPence, withinCap: totalPence <= capPence, overByPence: Math.max(0, totalPence - capPence) };
}

/** The default cap offered when a round is made two-stage: twice the pot. */
export function suggestedCapPence(potPence: number): number {
  return potPence * 2;
}

export type StagePhase = "upcoming" | "eoi_open" | "eoi_closed" | "closed";

/** Where a two-stage round is: taking expressions of interest, deciding, or past the full-bid deadline. */
export function stagePhase(round: { opensAt: Date; eoiClosesAt: Date | null; closesAt: Date }, now: Date): StagePhase {
  if (now < round.opensAt) return "upcoming";
  if (round.eoiClosesAt && now < round.eoiClosesAt) return "eoi_open";
  if (now < round.closesAt) return "eoi_closed";
  return "closed";
}

/** The running total of a choice against the cap ("Check total"). */
export function checkChoice(eois: { id: string; amountRequestedPence: number }[], chosen: readonly string[], capPence: number): CapCheck {
  return checkInvitationCap(
    eois.filter((e) => chosen.includes(e.id)).map((e) => e.amountRequestedPence),
    capPence,
  );
}

export const capRefusal = (check: CapCheck) =>
  `Inviting these would ask for ${formatPounds(check.totalPence)}, which is ${formatPounds(check.overByPence)} over the invitation cap of ${formatPounds(check.capPence)}. Choose fewer.`;
