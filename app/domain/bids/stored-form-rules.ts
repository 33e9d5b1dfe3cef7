// The proportionate-form rules a round stores (Round.formRules, ADR 0025): read and checked with a
// zod schema, written back only once checked. Apart from proportionate.ts, which the bid section
// schemas read in the browser: a module the browser loads keeps its module-level schemas, used or
// not, so the stored rules' schema (and the number checks only it uses) stays out of the pages'
// bundles. The about page's browser checks are given both bands already read (ADR 0027).
import * as z from "zod/mini";
import { DOCUMENT_KINDS, type DocumentKind } from "~/domain/documents/document-kinds";
import {
  bandRulesFor,
  FORM_RULES,
  OPTIONAL_SECTIONS,
  ROW_CAP_BOUNDS,
  WORD_LIMIT_BOUNDS,
  type BandRound,
  type BandRules,
  type FormRules,
  type FormSize,
  type OptionalSection,
  type RoundBands,
  type RoundFormRules,
} from "./proportionate";

const ALL_SECTIONS = OPTIONAL_SECTIONS.map((s) => s.key);
const ALL_DOCUMENTS = DOCUMENT_KINDS.map((d) => d.kind);

const words = z.int().check(z.minimum(WORD_LIMIT_BOUNDS.min), z.maximum(WORD_LIMIT_BOUNDS.max));
const rows = z.int().check(z.minimum(ROW_CAP_BOUNDS.min), z.maximum(ROW_CAP_BOUNDS.max));
const bandSchema = z.object({
  sections: z.array(z.enum(ALL_SECTIONS as [OptionalSection, ...OptionalSection[]])),
  documentKinds: z.array(z.enum(ALL_DOCUMENTS as [DocumentKind, ...DocumentKind[]])),
  summaryMaxWords: words,
  beneficiariesMaxWords: words,
  safeguardingMaxWords: words,
  equalityMaxWords: words,
  maxOutcomes: rows,
  maxBudgetLines: rows,
});

/** Round.formRules as stored: both bands. */
export const roundFormRulesSchema: z.ZodMiniType<RoundFormRules> = z.object({ small: bandSchema, standard: bandSchema });

function band(size: FormSize, stored: BandRules): FormRules {
  // Kept in the form's order, once each, whatever order they were stored in.
  return {
    ...FORM_RULES[size],
    ...stored,
    size,
    sections: ALL_SECTIONS.filter((s) => stored.sections.includes(s)),
    documentKinds: ALL_DOCUMENTS.filter((d) => stored.documentKinds.includes(d)),
  };
}

/** Both bands' rules for a round; "" (or anything unreadable) is the built-in rules. */
export function parseRoundFormRules(json: string | null | undefined): Record<FormSize, FormRules> {
  if (!json) return FORM_RULES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return FORM_RULES;
  }
  const parsed = roundFormRulesSchema.safeParse(value);
  if (!parsed.success) return FORM_RULES;
  return { small: band("small", parsed.data.small), standard: band("standard", parsed.data.standard) };
}

export function serialiseRoundFormRules(rules: RoundFormRules): string {
  return JSON.stringify(roundFormRulesSchema.parse(rules));
}

/** A round's threshold and both bands' rules, read: the round's own, or the built-in ones given only a threshold. */
export function roundBands(round: BandRound | number): RoundBands {
  const { smallBidThresholdPence, formRules } = typeof round === "number" ? { smallBidThresholdPence: round, formRules: "" } : round;
  return { smallBidThresholdPence, bands: parseRoundFormRules(formRules) };
}

/** The rules for a bid of this amount: the round's own, or the built-in ones given only a threshold. */
export function formRulesFor(amountRequestedPence: number | null | undefined, round: BandRound | number): FormRules {
  return bandRulesFor(amountRequestedPence, roundBands(round));
}
