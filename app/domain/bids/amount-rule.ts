// The amount rule: what a bid asks the fund for must equal its budget total minus other (match)
// funding, and sit within the round's minimum and maximum award. All pence.
import { formatPounds } from "~/lib/money";

export type BudgetLineAmounts = { costPence: number; otherFundingPence: number };

export type BudgetTotals = { costPence: number; otherFundingPence: number; askPence: number };

export function budgetTotals(lines: readonly BudgetLineAmounts[]): BudgetTotals {
  let costPence = 0;
  let otherFundingPence = 0;
  for (const line of lines) {
    costPence += line.costPence;
    otherFundingPence += line.otherFundingPence;
  }
  return { costPence, otherFundingPence, askPence: costPence - otherFundingPence };
}

export type AwardLimits = { minAwardPence: number; maxAwardPence: number };

/** The message for an amount outside the round's limits, or null when it is within them. */
export function amountLimitProblem(amountPence: number, limits: AwardLimits): string | null {
  if (amountPence < limits.minAwardPence || amountPence > limits.maxAwardPence) {
    return `Amount requested must be between ${formatPounds(limits.minAwardPence)} and ${formatPounds(limits.maxAwardPence)}`;
  }
  return null;
}

/** The message when the budget does not add up to the amount requested, or null when it does. */
export function budgetMatchProblem(amountPence: number, lines: readonly BudgetLineAmounts[]): string | null {
  const totals = budgetTotals(lines);
  if (totals.askPence === amountPence) return null;
  return (
    `The amount you are requesting (${formatPounds(amountPence)}) must equal your budget total ` +
    `(${formatPounds(totals.costPence)}) minus other funding (${formatPounds(totals.otherFundingPence)}), ` +
    `which is ${formatPounds(totals.askPence)}. Change the budget or the amount requested`
  );
}
