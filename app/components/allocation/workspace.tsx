import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import type { ProposalValues, SuggestionView } from "~/domain/allocation/workspace";
import type { FieldErrors } from "~/lib/form-errors";
import { parsePounds } from "~/lib/money";
import { PotSummary } from "./pot-summary";
import { ProposalControls } from "./proposal-controls";
import { ProposalTable } from "./proposal-table";
import { SuggestionNotice } from "./suggestion-notice";
import type { AllocationPot, AllocationRound, AllocationRow } from "./types";
import { awardField, conditionsField } from "~/domain/allocation/workspace";
import { showingText, type PageWindow } from "~/domain/lists/list-page";

function sumPence(amounts: string[]) {
  return amounts.reduce((sum, amount) => {
    const parsed = parsePounds(amount);
    return parsed.ok ? sum + parsed.pence : sum;
  }, 0);
}

/**
 * The pot, the ranked bids and the proposal. While the proposal can be changed, the pot's
 * "Proposed" and "Remaining" follow the amounts as they are typed. Give it a `key` that changes
 * with `values` so a saved proposal or a loaded suggestion starts it afresh.
 */
export function Workspace({
  values,
  errors,
  editable,
  round,
  pot,
  rows,
  window,
  filtered,
  carried,
  offPageProposedPence,
  rowsAboveThreshold,
  tieBreakRule,
  suggestion,
  ringFences,
  priorityMinimums,
}: {
  values: ProposalValues;
  errors: FieldErrors;
  editable: boolean;
  round: AllocationRound;
  pot: AllocationPot;
  /** The bids on this page (ADR 0023). */
  rows: AllocationRow[];
  window: PageWindow;
  filtered: boolean;
  /** Values for bids on other pages that the form carries (a loaded suggestion). */
  carried: ProposalValues;
  /** The proposal on the bids on other pages. */
  offPageProposedPence: number;
  rowsAboveThreshold: number;
  tieBreakRule: string;
  suggestion?: SuggestionView;
  ringFences?: Record<string, string>;
  priorityMinimums?: Record<string, string>;
}) {
  const [amounts, setAmounts] = useState(() => Object.fromEntries(rows.map((r) => [r.bidId, values[r.bidId]?.amount ?? ""])));
  // Awards already approved are part of the remaining pot figure, not of the proposal.
  const proposedPence = offPageProposedPence + sumPence(rows.filter((r) => !r.award || r.award.status === "proposed").map((r) => amounts[r.bidId] ?? ""));
  const remaining = editable ? pot.remainingPotPence - proposedPence : pot.remainingPotPence;
  const explanations = new Map(suggestion?.lines.map((l) => [l.bidId, l.explanation]));
  return (
    <>
      <PotSummary
        pot={pot}
        proposedPence={editable ? proposedPence : pot.proposedPence}
        remainingPence={remaining}
        released={round.allocationStatus === "released"}
        error={errors.pot}
      />

      {suggestion ? <SuggestionNotice suggestion={suggestion} /> : null}

      <ProposalForm editable={editable}>
        {Object.entries(carried).map(([bidId, value]) => (
          <span key={bidId} hidden>
            <input type="hidden" name={awardField(bidId)} value={value.amount} />
            <input type="hidden" name={conditionsField(bidId)} value={value.conditions} />
          </span>
        ))}
        <ProposalTable
          rows={rows}
          caption={`Ranked bids: ${showingText(window, { one: "bid", many: "bids" }).replace(/^S/, "s")}`}
          // The quality line is drawn where it falls in the whole ranking, when this page holds it.
          rowsAboveThreshold={filtered ? -1 : rowsAboveThreshold - window.skip}
          qualityThresholdPercent={round.qualityThresholdPercent}
          values={values}
          errors={errors}
          editable={editable}
          explanations={explanations}
          onAmountChange={(bidId, amount) => setAmounts((current) => ({ ...current, [bidId]: amount }))}
        />
        <p className="govuk-body-s">{tieBreakRule}</p>
        {editable ? <ProposalControls round={round} errors={errors} ringFences={ringFences} priorityMinimums={priorityMinimums} /> : null}
      </ProposalForm>
    </>
  );
}

/** The ranked bids are a form only while the proposal can be changed (a form needs a button). */
function ProposalForm({ editable, children }: { editable: boolean; children: ReactNode }) {
  return editable ? (
    <Form method="post" noValidate>
      {children}
    </Form>
  ) : (
    <>{children}</>
  );
}
