// The proportionate-form rules page (form-rules.server.ts, ADR 0025): for each band, the optional
// sections and documents asked, the word limits and the row caps. One schema for browser and server;
// zod/mini (ADR 0027).
import * as z from "zod/mini";
import { wholeNumberField } from "~/lib/form-fields";
import { DOCUMENT_KINDS } from "~/domain/documents/document-kinds";
import { OPTIONAL_SECTIONS, ROW_CAP_BOUNDS, WORD_LIMIT_BOUNDS, type FormRules, type FormSize, type RoundFormRules } from "~/domain/bids/proportionate";

export const BANDS = ["small", "standard"] as const;

export const LIMITS = [
  { key: "summaryMaxWords", label: "Summary", unit: "words" },
  { key: "beneficiariesMaxWords", label: "Who will benefit", unit: "words" },
  { key: "safeguardingMaxWords", label: "Safeguarding", unit: "words" },
  { key: "equalityMaxWords", label: "Equality and inclusion", unit: "words" },
  { key: "maxOutcomes", label: "Outcomes", unit: "rows" },
  { key: "maxBudgetLines", label: "Budget lines", unit: "rows" },
] as const;

/** A form field's name: small.summaryMaxWords is smallSummaryMaxWords (flat names post the same with or without JavaScript). */
export const fieldName = (band: FormSize, key: string) => `${band}${key[0]!.toUpperCase()}${key.slice(1)}`;

export const FORM_RULES_LISTS = BANDS.flatMap((band) => [fieldName(band, "sections"), fieldName(band, "documentKinds")]);
export const FORM_RULES_FIELDS = BANDS.flatMap((band) => [
  fieldName(band, "sections"),
  fieldName(band, "documentKinds"),
  ...LIMITS.map((l) => fieldName(band, l.key)),
]);

const asList = (value: unknown) => (Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : []);
const sectionKeys = OPTIONAL_SECTIONS.map((s) => s.key) as string[];
const documentKinds = DOCUMENT_KINDS.map((d) => d.kind) as string[];

function limitField(band: FormSize, limit: (typeof LIMITS)[number]) {
  const bounds = limit.unit === "words" ? WORD_LIMIT_BOUNDS : ROW_CAP_BOUNDS;
  const bandName = band === "small" ? "Small requests" : "Standard requests";
  return wholeNumberField(
    bounds.min,
    bounds.max,
    `${bandName}: ${limit.label} must be a whole number from ${bounds.min} to ${bounds.max} ${limit.unit === "words" ? "words" : ""}`.trim(),
  );
}

const shape = Object.fromEntries(
  BANDS.flatMap((band) => [
    [
      fieldName(band, "sections"),
      z.pipe(z.transform(asList), z.array(z.string()).check(z.refine((l) => l.every((v) => sectionKeys.includes(v)), "Select sections from the list"))),
    ],
    [
      fieldName(band, "documentKinds"),
      z.pipe(z.transform(asList), z.array(z.string()).check(z.refine((l) => l.every((v) => documentKinds.includes(v)), "Select documents from the list"))),
    ],
    ...LIMITS.map((limit) => [fieldName(band, limit.key), limitField(band, limit)]),
  ]),
) as Record<string, z.ZodMiniType>;

export const formRulesFormSchema = z.pipe(
  z.object(shape),
  z.transform((values: Record<string, unknown>): RoundFormRules => {
    const band = (size: FormSize) => ({
      sections: values[fieldName(size, "sections")] as RoundFormRules["small"]["sections"],
      documentKinds: values[fieldName(size, "documentKinds")] as RoundFormRules["small"]["documentKinds"],
      ...(Object.fromEntries(LIMITS.map((l) => [l.key, values[fieldName(size, l.key)] as number])) as Record<(typeof LIMITS)[number]["key"], number>),
    });
    return { small: band("small"), standard: band("standard") };
  }),
);

/** The page's values for stored rules. */
export function formRulesValues(rules: Record<FormSize, FormRules>): Record<string, string | string[]> {
  return Object.fromEntries(
    BANDS.flatMap((band) => [
      [fieldName(band, "sections"), [...rules[band].sections]],
      [fieldName(band, "documentKinds"), [...rules[band].documentKinds]],
      ...LIMITS.map((l) => [fieldName(band, l.key), String(rules[band][l.key])]),
    ]),
  );
}
