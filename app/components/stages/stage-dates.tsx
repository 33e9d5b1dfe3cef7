// A two-stage round's dates on its public page (ADR 0026).
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { formatDateTime } from "~/lib/dates";

export function StageDates({ stages }: { stages: { eoiClosesAt: string; fullBidClosesAt: string } | null }) {
  if (!stages) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Two stages</h2>
      <p className="govuk-body">
        This round has two stages. First, a short expression of interest: what your project will do, where, which priorities it meets and roughly how much it
        needs, in a few hundred words and with no documents. If we invite you, you then make a full bid, with your answers carried over.
      </p>
      <SummaryList>
        <SummaryRow label="Expressions of interest close">{formatDateTime(stages.eoiClosesAt)}</SummaryRow>
        <SummaryRow label="Full bids from invited organisations close">{formatDateTime(stages.fullBidClosesAt)}</SummaryRow>
      </SummaryList>
    </>
  );
}
