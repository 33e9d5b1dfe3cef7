import { fieldId } from "~/components/govuk/error-summary";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { awardField, conditionsField, type ProposalValues } from "~/domain/allocation/workspace";
import { bidStatusLabel } from "~/domain/bids/status";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import type { AllocationRow } from "./types";

/**
 * The ranked bids with the quality threshold line; each bid's award and conditions can be typed
 * while the proposal can be changed, and are shown as they stand once it cannot.
 */
export function ProposalTable({
  rows,
  caption = "Ranked bids",
  rowsAboveThreshold,
  qualityThresholdPercent,
  values,
  errors,
  editable,
  explanations,
  onAmountChange,
}: {
  rows: AllocationRow[];
  caption?: string;
  rowsAboveThreshold: number;
  qualityThresholdPercent: number;
  values: ProposalValues;
  errors: FieldErrors;
  editable: boolean;
  /** A loaded suggestion's reason for each bid's award. */
  explanations: Map<string, string>;
  onAmountChange: (bidId: string, amount: string) => void;
}) {
  return (
    <Table caption={caption} head={["Rank", "Bid", "Score", { text: "Requested", numeric: true }, "Award and conditions"]}>
      {rows.map((row, index) => {
        const locked = !editable || (row.award !== null && row.award.status !== "proposed");
        const amountError = errors[awardField(row.bidId)];
        const conditionsError = errors[conditionsField(row.bidId)];
        const amountId = fieldId(awardField(row.bidId));
        const conditionsId = fieldId(conditionsField(row.bidId));
        return [
          index === rowsAboveThreshold && index > 0 ? (
            <TableRow key={`threshold-${row.bidId}`}>
              <TableCell colSpan={5}>
                <strong>{`Quality threshold (${qualityThresholdPercent}%)`}</strong>: bids below this line cannot be given an award.
              </TableCell>
            </TableRow>
          ) : null,
          <TableRow key={row.bidId}>
            <TableCell>{row.rank ?? "Not ranked"}</TableCell>
            <TableCell>
              <strong>{row.reference}</strong>
              <br />
              {row.title}
              <br />
              <span className="govuk-hint">{row.organisationName}</span>
              {row.status !== "in_assessment" ? (
                <>
                  <br />
                  <span className="govuk-hint">{bidStatusLabel(row.status)}</span>
                </>
              ) : null}
              {explanations.get(row.bidId) ? (
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">Suggestion: {explanations.get(row.bidId)}</p>
              ) : null}
            </TableCell>
            <TableCell>{row.scoreText ?? "Not scored yet"}</TableCell>
            <TableCell numeric>{formatPounds(row.requestedPence)}</TableCell>
            <TableCell>
              {locked ? (
                <>
                  {row.award && row.award.amountPence > 0 ? `${formatPounds(row.award.amountPence)} (${row.award.status})` : "No award"}
                  {row.award?.conditions ? <p className="govuk-body-s">{row.award.conditions}</p> : null}
                </>
              ) : (
                <>
                  <div className={`govuk-form-group${amountError ? " govuk-form-group--error" : ""}`}>
                    <label className="govuk-label" htmlFor={amountId}>
                      Award<span className="govuk-visually-hidden"> for {row.reference}</span>
                    </label>
                    {amountError ? (
                      <p id={`${amountId}-error`} className="govuk-error-message">
                        <span className="govuk-visually-hidden">Error:</span> {amountError}
                      </p>
                    ) : null}
                    <div className="govuk-input__wrapper">
                      <div className="govuk-input__prefix" aria-hidden="true">
                        £
                      </div>
                      <input
                        className={`govuk-input govuk-input--width-10${amountError ? " govuk-input--error" : ""}`}
                        id={amountId}
                        name={awardField(row.bidId)}
                        type="text"
                        inputMode="decimal"
                        spellCheck={false}
                        defaultValue={values[row.bidId]?.amount ?? ""}
                        aria-describedby={amountError ? `${amountId}-error` : undefined}
                        onChange={(event) => onAmountChange(row.bidId, event.currentTarget.value)}
                      />
                    </div>
                  </div>
                  <div className={`govuk-form-group${conditionsError ? " govuk-form-group--error" : ""}`}>
                    <label className="govuk-label" htmlFor={conditionsId}>
                      Conditions<span className="govuk-visually-hidden"> for {row.reference}</span>
                    </label>
                    {conditionsError ? (
                      <p id={`${conditionsId}-error`} className="govuk-error-message">
                        <span className="govuk-visually-hidden">Error:</span> {conditionsError}
                      </p>
                    ) : null}
                    <textarea
                      className={`govuk-textarea${conditionsError ? " govuk-textarea--error" : ""}`}
                      id={conditionsId}
                      name={conditionsField(row.bidId)}
                      rows={2}
                      defaultValue={values[row.bidId]?.conditions ?? ""}
                      aria-describedby={conditionsError ? `${conditionsId}-error` : undefined}
                    />
                  </div>
                </>
              )}
            </TableCell>
          </TableRow>,
        ];
      })}
    </Table>
  );
}
