// A proportionate form (DESIGN.md, ADR 0025): a bid asking for less than the round's small-bid
// threshold is in the small band, and each band has its own rules, set per round by the fund
// administrator and stored with the round (Round.formRules): which of the optional sections and
// which documents are asked for, the word limit of each text answer and the row caps. These rules
// are the single source for the limits shown on each page and enforced on the server.
// No zod here: the bid section schemas read these rules in the browser, and reading the rules a
// round stores (a zod schema) is in stored-form-rules.ts, which the browser does not load (ADR 0027).
import { DOCUMENT_KINDS, type DocumentKind } from "~/domain/documents/document-kinds";

export type FormSize = "small" | "standard";

/** Sections a round may leave out of a band; the others (about, priorities, areas, budget, declarations) are always asked. */
export const OPTIONAL_SECTIONS = [
  { key: "outcomes", title: "Outcomes" },
  { key: "beneficiaries", title: "Beneficiaries" },
  { key: "safeguarding-and-equality", title: "Safeguarding and equality" },
] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number]["key"];

export type FormRules = {
  size: FormSize;
  /** The optional sections this band is asked. */
  sections: readonly OptionalSection[];
  /** The documents this band is asked for; none leaves the documents section out. */
  documentKinds: readonly DocumentKind[];
  summaryMaxWords: number;
  beneficiariesMaxWords: number;
  safeguardingMaxWords: number;
  equalityMaxWords: number;
  /** Small bids may leave the equality question out. */
  equalityRequired: boolean;
  maxOutcomes: number;
  maxBudgetLines: number;
};

const ALL_SECTIONS = /* @__PURE__ */ OPTIONAL_SECTIONS.map((s) => s.key);
const ALL_DOCUMENTS = /* @__PURE__ */ DOCUMENT_KINDS.map((d) => d.kind);

/** The built-in rules: what a round without rules of its own asks (every section, every document). */
export const FORM_RULES: Record<FormSize, FormRules> = {
  small: {
    size: "small",
    sections: ALL_SECTIONS,
    documentKinds: ALL_DOCUMENTS,
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
    sections: ALL_SECTIONS,
    documentKinds: ALL_DOCUMENTS,
    summaryMaxWords: 300,
    beneficiariesMaxWords: 200,
    safeguardingMaxWords: 300,
    equalityMaxWords: 300,
    equalityRequired: true,
    maxOutcomes: 6,
    maxBudgetLines: 20,
  },
};

/** Bounds the administrator may set: limits a bid could never meet, or an unreadable essay, are refused. */
export const WORD_LIMIT_BOUNDS = { min: 25, max: 1000 } as const;
export const ROW_CAP_BOUNDS = { min: 1, max: 30 } as const;

/** One band's rules as a round stores them (Round.formRules, checked in stored-form-rules.ts). */
export type BandRules = {
  sections: OptionalSection[];
  documentKinds: DocumentKind[];
  summaryMaxWords: number;
  beneficiariesMaxWords: number;
  safeguardingMaxWords: number;
  equalityMaxWords: number;
  maxOutcomes: number;
  maxBudgetLines: number;
};

/** Round.formRules as stored: both bands. */
export type RoundFormRules = { small: BandRules; standard: BandRules };

/** What a band's rules are as stored (no size, no fixed parts). */
export function storedBand(rules: FormRules): BandRules {
  const { sections, documentKinds, summaryMaxWords, beneficiariesMaxWords, safeguardingMaxWords, equalityMaxWords, maxOutcomes, maxBudgetLines } = rules;
  return {
    sections: [...sections],
    documentKinds: [...documentKinds],
    summaryMaxWords,
    beneficiariesMaxWords,
    safeguardingMaxWords,
    equalityMaxWords,
    maxOutcomes,
    maxBudgetLines,
  };
}

/** What the rules need to know about a round. */
export type BandRound = { smallBidThresholdPence: number; formRules?: string | null };

/**
 * Small when an amount is known and is below the threshold. Until the applicant gives an
 * amount the standard (fuller) form applies, so nothing is waived by leaving the amount blank.
 */
export function formSizeFor(amountRequestedPence: number | null | undefined, smallBidThresholdPence: number): FormSize {
  if (amountRequestedPence === null || amountRequestedPence === undefined) return "standard";
  return amountRequestedPence < smallBidThresholdPence ? "small" : "standard";
}

/**
 * A round's rules for both bands, already read from what it stores (`roundBands` in
 * stored-form-rules.ts): what a page gives the browser, whose checks follow the amount typed.
 */
export type RoundBands = { smallBidThresholdPence: number; bands: Record<FormSize, FormRules> };

/** The rules for a bid of this amount, of a round's bands. */
export function bandRulesFor(amountRequestedPence: number | null | undefined, round: RoundBands): FormRules {
  return round.bands[formSizeFor(amountRequestedPence, round.smallBidThresholdPence)];
}

/** Words as GOV.UK Frontend's character count counts them: runs of non-space characters. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
