// A proportionate form (DESIGN.md): a bid asking for less than the round's small-bid threshold
// answers fewer questions, with shorter word limits. These rules are the single source for the
// limits shown on each page and enforced on the server.

export type FormSize = "small" | "standard";

export type FormRules = {
  size: FormSize;
  summaryMaxWords: number;
  beneficiariesMaxWords: number;
  safeguardingMaxWords: number;
  equalityMaxWords: number;
  /** Small bids may leave the equality question out. */
  equalityRequired: boolean;
  maxOutcomes: number;
  maxBudgetLines: number;
};

export const FORM_RULES: Record<FormSize, FormRules> = {
  small: {
    size: "small",
    summaryMaxWords: 150,
    beneficiariesMaxWords: 100,
    safeguardingMaxWords: 150,
    equalityMaxWords: 150,
    equalityRequired: false,
    maxOutcomes: 3,
    maxBudgetLines: 10,
  },
  standard: {
    size: "standard",
    summaryMaxWords: 300,
    beneficiariesMaxWords: 200,
    safeguardingMaxWords: 300,
    equalityMaxWords: 300,
    equalityRequired: true,
    maxOutcomes: 6,
    maxBudgetLines: 20,
  },
};

/**
 * Small when an amount is known and is below the threshold. Until the applicant gives an
 * amount the standard (fuller) form applies, so nothing is waived by leaving the amount blank.
 */
export function formSizeFor(amountRequestedPence: number | null | undefined, smallBidThresholdPence: number): FormSize {
  if (amountRequestedPence === null || amountRequestedPence === undefined) return "standard";
  return amountRequestedPence < smallBidThresholdPence ? "small" : "standard";
}

export function formRulesFor(amountRequestedPence: number | null | undefined, smallBidThresholdPence: number): FormRules {
  return FORM_RULES[formSizeFor(amountRequestedPence, smallBidThresholdPence)];
}

/** Words as GOV.UK Frontend's character count counts them: runs of non-space characters. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
