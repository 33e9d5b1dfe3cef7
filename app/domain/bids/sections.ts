// The bid's task list: its sections, and each section's status (not started, in progress,
// completed) worked out from what is saved. A section marked completed that no longer passes
// its own checks (say the amount changed and the summary is now over its word limit) shows
// as in progress again, so the task list and the submit check always agree.
import { DOCUMENT_KINDS } from "~/domain/documents/document-kinds";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { penceToInput } from "~/lib/money";
import { aboutSchema } from "./section-schemas/about.schema";
import { beneficiariesSchema } from "./section-schemas/beneficiaries.schema";
import { budgetSchema } from "./section-schemas/budget.schema";
import { areasSchema, prioritiesSchema } from "./section-schemas/choices.schema";
import { dateToParts, type RoundLimits } from "./section-schemas/common";
import { outcomesSchema } from "./section-schemas/outcomes.schema";
import { safeguardingSchema } from "./section-schemas/safeguarding.schema";
import type { FormRules } from "./proportionate";
import { formRulesFor, roundBands } from "./stored-form-rules";
import { parseSectionProgress, SECTIONS, type SectionKey, type TaskStatus } from "./section-list";

export {
  isSectionKey,
  parseSectionProgress,
  SECTIONS,
  sectionTitle,
  withSectionStatus,
  type SectionKey,
  type SectionProgress,
  type StoredStatus,
  type TaskStatus,
} from "./section-list";

/** What the checks need to know about a bid, as stored. */
export type BidForCheck = {
  title: string;
  summary: string;
  amountRequestedPence: number | null;
  projectStartDate: Date | string | null;
  projectEndDate: Date | string | null;
  beneficiaries: string;
  beneficiaryCount: number | null;
  safeguardingAnswer: string;
  equalityAnswer: string;
  sectionProgress: string;
  declarationsAcceptedAt: Date | string | null;
  areas: { roundAreaId: string }[];
  priorities: { priorityId: string }[];
  outcomes: { outcome: string; indicator: string; target: string; position: number }[];
  budgetLines: { item: string; costPence: number; otherFundingPence: number; position: number }[];
  /** A quarantined document (ADR 0022) does not count: the applicant must upload another. */
  documents: { kind: string; scanStatus?: string }[];
};

export type RoundForCheck = RoundLimits & { areas: { id: string }[]; priorities: { id: string }[] };

const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position);

/** The stored bid as each section's form values, to show on its page and to check again. */
export function sectionValues(bid: BidForCheck) {
  return {
    about: {
      title: bid.title,
      summary: bid.summary,
      amountRequested: bid.amountRequestedPence === null ? "" : penceToInput(bid.amountRequestedPence),
      projectStart: dateToParts(bid.projectStartDate),
      projectEnd: dateToParts(bid.projectEndDate),
    },
    priorities: { priorityIds: bid.priorities.map((p) => p.priorityId) },
    areas: { areaIds: bid.areas.map((a) => a.roundAreaId) },
    outcomes: { outcomes: byPosition(bid.outcomes).map(({ outcome, indicator, target }) => ({ outcome, indicator, target })) },
    budget: {
      lines: byPosition(bid.budgetLines).map((line) => ({
        item: line.item,
        cost: penceToInput(line.costPence),
        otherFunding: line.otherFundingPence === 0 ? "" : penceToInput(line.otherFundingPence),
      })),
    },
    beneficiaries: { beneficiaries: bid.beneficiaries, beneficiaryCount: bid.beneficiaryCount === null ? "" : String(bid.beneficiaryCount) },
    "safeguarding-and-equality": { safeguardingAnswer: bid.safeguardingAnswer, equalityAnswer: bid.equalityAnswer },
  };
}

/** Every reason each section is not yet complete, checked as "Save and continue" would check it. */
export function sectionProblems(bid: BidForCheck, round: RoundForCheck): Record<SectionKey, string[]> {
  const values = sectionValues(bid);
  const rules = formRulesFor(bid.amountRequestedPence, round);
  const messages = (result: { success: true } | { success: false; error: Parameters<typeof fieldErrorsFrom>[0] }) =>
    result.success ? [] : (Object.values(fieldErrorsFrom(result.error)).filter(Boolean) as string[]);
  const uploaded = new Set(bid.documents.filter((d) => d.scanStatus !== "infected").map((d) => d.kind));
  return {
    about: messages(aboutSchema({ ...round, ...roundBands(round) }, "complete").safeParse(values.about)),
    priorities: messages(
      prioritiesSchema(
        round.priorities.map((p) => p.id),
        "complete",
      ).safeParse(values.priorities),
    ),
    areas: messages(
      areasSchema(
        round.areas.map((a) => a.id),
        "complete",
      ).safeParse(values.areas),
    ),
    outcomes: messages(outcomesSchema(rules, "complete").safeParse(values.outcomes)),
    budget: messages(budgetSchema(rules, bid.amountRequestedPence, "complete").safeParse(values.budget)),
    beneficiaries: messages(beneficiariesSchema(rules, "complete").safeParse(values.beneficiaries)),
    "safeguarding-and-equality": messages(safeguardingSchema(rules, "complete").safeParse(values["safeguarding-and-equality"])),
    documents: DOCUMENT_KINDS.filter((d) => rules.documentKinds.includes(d.kind) && !uploaded.has(d.kind)).map((d) => `Upload your ${d.lower}`),
    declarations: bid.declarationsAcceptedAt ? [] : ["Confirm the declarations"],
  };
}

export type SectionState = { key: SectionKey; title: string; status: TaskStatus; problems: string[] };

/**
 * Whether the band's rules ask this section: the optional ones only when the round asks them of
 * the band, the documents section only when the band is asked for at least one document.
 */
export function isSectionAsked(key: SectionKey, rules: FormRules): boolean {
  if (key === "documents") return rules.documentKinds.length > 0;
  if (key === "outcomes" || key === "beneficiaries" || key === "safeguarding-and-equality") return rules.sections.includes(key);
  return true;
}

/** The sections this bid is asked, in the form's order (its band follows the amount requested). */
export function askedSections(bid: Pick<BidForCheck, "amountRequestedPence">, round: RoundForCheck) {
  const rules = formRulesFor(bid.amountRequestedPence, round);
  return SECTIONS.filter((s) => isSectionAsked(s.key, rules));
}

/** What a bid's summary shows: the sections and documents its band is asked. */
export function askedShape(bid: Pick<BidForCheck, "amountRequestedPence">, round: RoundForCheck) {
  return {
    sections: askedSections(bid, round).map((s) => s.key as string),
    documentKinds: [...formRulesFor(bid.amountRequestedPence, round).documentKinds] as string[],
  };
}

/** Only the sections the bid is asked: one not asked is neither shown nor required (ADR 0025). */
export function sectionStates(bid: BidForCheck, round: RoundForCheck): SectionState[] {
  const progress = parseSectionProgress(bid.sectionProgress);
  const problems = sectionProblems(bid, round);
  return askedSections(bid, round).map(({ key, title }) => {
    const stored = progress[key];
    const status: TaskStatus = stored === "completed" ? (problems[key].length === 0 ? "completed" : "in_progress") : (stored ?? "not_started");
    // A section never finished says so; one finished but no longer valid says why.
    const why = status === "completed" ? [] : stored === "completed" ? problems[key] : [`Complete the ${title.toLowerCase()} section`];
    return { key, title, status, problems: why };
  });
}

export function allSectionsCompleted(states: readonly SectionState[]): boolean {
  return states.every((s) => s.status === "completed");
}
