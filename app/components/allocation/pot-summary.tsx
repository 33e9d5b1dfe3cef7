import { fieldId } from "~/components/govuk/error-summary";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { formatPounds } from "~/lib/money";
import type { AllocationPot } from "./types";

/**
 * The pot and what is left of it. `proposedPence` and `remainingPence` are the figures to show:
 * while the proposal can be changed they follow the amounts being typed.
 */
export function PotSummary({
  pot,
  proposedPence,
  remainingPence,
  released,
  error,
}: {
  pot: AllocationPot;
  proposedPence: number;
  remainingPence: number;
  released: boolean;
  error?: string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">The pot</h2>
      <SummaryList>
        <SummaryRow label="Base allocation">{formatPounds(pot.baseAllocationPence)}</SummaryRow>
        <SummaryRow label="Rolled forward">{formatPounds(pot.rolledForwardPence)}</SummaryRow>
        <SummaryRow label="Match funding">{formatPounds(pot.matchFundingPence)}</SummaryRow>
        <SummaryRow label="Pot">{formatPounds(pot.potPence)}</SummaryRow>
        <SummaryRow label="Awarded (approved)">{formatPounds(pot.awardedPence)}</SummaryRow>
        <SummaryRow label="Proposed">{formatPounds(proposedPence)}</SummaryRow>
        {released ? (
          <>
            <SummaryRow label="Returned unspent or clawed back">{formatPounds(pot.returnedPence)}</SummaryRow>
            <SummaryRow label="Re-offered to reserve bids">{formatPounds(pot.reofferedPence)}</SummaryRow>
          </>
        ) : null}
        <div className={`govuk-summary-list__row${error ? " govuk-form-group--error" : ""}`} id={fieldId("pot")}>
          <dt className="govuk-summary-list__key">Remaining</dt>
          <dd className="govuk-summary-list__value" aria-live="polite" data-testid="remaining-pot">
            {remainingPence < 0 ? `${formatPounds(-remainingPence)} over the pot` : formatPounds(remainingPence)}
          </dd>
        </div>
      </SummaryList>
    </>
  );
}
