// Checks an allocation the administrator has edited: each award within its limits, the total
// within the pot, and how each award divides between PCC money and match funding. Pure.
import { formatPounds } from "~/lib/money";
import { splitAward, type PotParts } from "./funding-split";

export type EditedAward = {
  bidId: string;
  reference: string;
  requestedPence: number;
  /** 0 means "nothing". */
  awardPence: number;
  /** When known: false refuses any award (the round's quality threshold is a rule, not advice). */
  meetsThreshold?: boolean;
};

export type AllocationRules = PotParts & {
  /** What these awards may spend: the pot less awards already approved and not being edited. */
  availablePence: number;
  minAwardPence: number;
  maxAwardPence: number;
};

export type CheckedAward = EditedAward & { error: string | null; pccFundedPence: number; matchFundedPence: number };

export type AllocationCheck = {
  ok: boolean;
  awards: CheckedAward[];
  /** Error message per bid id, for inline errors and the error summary. */
  fieldErrors: Record<string, string>;
  totalPence: number;
  availablePence: number;
  /** availablePence − totalPence: negative when over. */
  remainingPence: number;
  overByPence: number;
  /** "The awards total £X, which is £Y over the remaining pot of £Z" (null when within). */
  potError: string | null;
  /** "£1,234.00 left" or "£56.00 over", for the live figure beside the table. */
  remainingText: string;
  pccFundedPence: number;
  matchFundedPence: number;
};

function awardProblem(award: EditedAward, rules: AllocationRules): string | null {
  const { awardPence, reference } = award;
  if (!Number.isSafeInteger(awardPence)) return `Enter the award for ${reference} in pounds and pence, like 12500`;
  if (awardPence < 0) return `The award for ${reference} cannot be negative`;
  if (awardPence === 0) return null;
  if (award.meetsThreshold === false) return `${reference} is below the quality threshold and cannot be given an award`;
  if (awardPence > award.requestedPence) return `The award for ${reference} must be ${formatPounds(award.requestedPence)} or less, the amount requested`;
  if (awardPence > rules.maxAwardPence) return `The award for ${reference} must be ${formatPounds(rules.maxAwardPence)} or less, the round maximum`;
  if (awardPence < rules.minAwardPence)
    return `The award for ${reference} must be at least ${formatPounds(rules.minAwardPence)}, the round minimum, or nothing`;
  return null;
}

export function checkAllocation(rules: AllocationRules, awards: readonly EditedAward[]): AllocationCheck {
  const fieldErrors: Record<string, string> = {};
  const seen = new Set<string>();
  const checked = awards.map((award): CheckedAward => {
    let error = awardProblem(award, rules);
    if (!error && seen.has(award.bidId)) error = `${award.reference} appears more than once`;
    seen.add(award.bidId);
    if (error) fieldErrors[award.bidId] = error;
    const valid = Number.isSafeInteger(award.awardPence) && award.awardPence >= 0;
    const split = valid ? splitAward(award.awardPence, rules) : { pccFundedPence: 0, matchFundedPence: 0 };
    return { ...award, error, ...split };
  });
  const counted = checked.filter((a) => Number.isSafeInteger(a.awardPence) && a.awardPence > 0);
  const totalPence = counted.reduce((sum, a) => sum + a.awardPence, 0);
  const remainingPence = rules.availablePence - totalPence;
  const overByPence = Math.max(0, -remainingPence);
  const potError =
    overByPence > 0
      ? `The awards total ${formatPounds(totalPence)}, which is ${formatPounds(overByPence)} over the remaining pot of ${formatPounds(rules.availablePence)}`
      : null;
  return {
    ok: Object.keys(fieldErrors).length === 0 && potError === null,
    awards: checked,
    fieldErrors,
    totalPence,
    availablePence: rules.availablePence,
    remainingPence,
    overByPence,
    potError,
    remainingText: overByPence > 0 ? `${formatPounds(overByPence)} over` : `${formatPounds(remainingPence)} left`,
    pccFundedPence: counted.reduce((sum, a) => sum + a.pccFundedPence, 0),
    matchFundedPence: counted.reduce((sum, a) => sum + a.matchFundedPence, 0),
  };
}
