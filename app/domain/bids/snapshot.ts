// The bid as submitted: what assessors will score. Stored as JSON with the bid at submission
// and never changed afterwards.
import { budgetTotals } from "./amount-rule";
import { formSizeFor } from "./proportionate";

export type SnapshotInput = {
  id: string;
  title: string;
  summary: string;
  amountRequestedPence: number | null;
  projectStartDate: Date | null;
  projectEndDate: Date | null;
  beneficiaries: string;
  beneficiaryCount: number | null;
  safeguardingAnswer: string;
  equalityAnswer: string;
  declarationsAcceptedAt: Date | null;
  organisation: { id: string; name: string };
  round: { id: string; name: string; code: string; smallBidThresholdPence: number; fund: { code: string; name: string } };
  areas: { area: { id: string; name: string } }[];
  priorities: { priority: { id: string; title: string } }[];
  outcomes: { outcome: string; indicator: string; target: string; position: number }[];
  budgetLines: { item: string; costPence: number; otherFundingPence: number; position: number }[];
  documents: { id: string; kind: string; originalName: string; mediaType: string; sizeBytes: number }[];
};

export function buildSubmittedSnapshot(bid: SnapshotInput, reference: string, submittedAt: Date) {
  const lines = [...bid.budgetLines].sort((a, b) => a.position - b.position);
  const totals = budgetTotals(lines);
  return {
    version: 1,
    reference,
    submittedAt: submittedAt.toISOString(),
    bidId: bid.id,
    fund: { code: bid.round.fund.code, name: bid.round.fund.name },
    round: { id: bid.round.id, code: bid.round.code, name: bid.round.name },
    organisation: bid.organisation,
    formSize: formSizeFor(bid.amountRequestedPence, bid.round.smallBidThresholdPence),
    title: bid.title,
    summary: bid.summary,
    amountRequestedPence: bid.amountRequestedPence,
    projectStartDate: bid.projectStartDate?.toISOString() ?? null,
    projectEndDate: bid.projectEndDate?.toISOString() ?? null,
    priorities: bid.priorities.map((p) => p.priority),
    areas: bid.areas.map((a) => a.area),
    outcomes: [...bid.outcomes].sort((a, b) => a.position - b.position).map(({ outcome, indicator, target }) => ({ outcome, indicator, target })),
    budget: {
      lines: lines.map(({ item, costPence, otherFundingPence }) => ({ item, costPence, otherFundingPence })),
      totalCostPence: totals.costPence,
      otherFundingPence: totals.otherFundingPence,
    },
    beneficiaries: { description: bid.beneficiaries, count: bid.beneficiaryCount },
    safeguardingAnswer: bid.safeguardingAnswer,
    equalityAnswer: bid.equalityAnswer,
    documents: bid.documents.map(({ id, kind, originalName, mediaType, sizeBytes }) => ({ id, kind, originalName, mediaType, sizeBytes })),
    declarationsAcceptedAt: bid.declarationsAcceptedAt?.toISOString() ?? null,
  };
}

export type SubmittedSnapshot = ReturnType<typeof buildSubmittedSnapshot>;
