import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { DocumentTitle } from "~/components/document-title";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Radios, TextInput } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { approveAllocation, releaseOutcomes } from "~/domain/allocation/decisions.server";
import { ALLOCATION_STATUS_LABEL, awardField, conditionsField, isEditable, ringFenceField, type ProposalValues, type SuggestionView } from "~/domain/allocation/workspace";
import { currentValues, loadAllocation, optimalSuggestion, rankOrderSuggestion, saveProposal, valuesFromForm } from "~/domain/allocation/workspace.server";
import { requirePermission } from "~/domain/auth/guards.server";
import type { Permission } from "~/domain/auth/roles";
import { bidStatusLabel } from "~/domain/bids/status";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds, parsePounds } from "~/lib/money";

async function allocationOr404(roundId: string | undefined) {
  const allocation = roundId ? await loadAllocation(roundId) : null;
  if (!allocation) throw new Response("Page not found", { status: 404 });
  return allocation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "allocate:award");
  const allocation = await allocationOr404(params.roundId);
  return {
    round: allocation.round,
    pot: allocation.pot,
    rowsAboveThreshold: allocation.rowsAboveThreshold,
    tieBreakRule: allocation.tieBreakRule,
    rows: allocation.rows.map(({ candidate: _candidate, ...row }) => row),
    values: currentValues(allocation),
  };
}

type ActionResult = { message?: string | null; errors?: FieldErrors; values?: ProposalValues; suggestion?: SuggestionView; ringFences?: Record<string, string> };

const PERMISSION_FOR: Record<string, Permission> = { approve: "approve:award", release: "release:outcome" };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const user = await requirePermission(request, PERMISSION_FOR[intent] ?? "allocate:award");
  const allocation = await allocationOr404(params.roundId);
  switch (intent) {
    case "save": {
      const result = await saveProposal(allocation, user.id, valuesFromForm(allocation, form));
      if (!result.ok) {
        const errors = result.message ? { ...result.errors, proposal: result.message } : result.errors;
        return data<ActionResult>({ errors, values: result.values }, { status: result.message ? 409 : 400 });
      }
      return data<ActionResult>({ message: result.message });
    }
    case "rank-order": {
      const suggestion = rankOrderSuggestion(allocation, form.get("mode") === "part_fund" ? "part_fund" : "skip");
      return data<ActionResult>({ suggestion, values: suggestion.values });
    }
    case "optimal": {
      const ringFences = Object.fromEntries(allocation.round.areas.map((area) => [area.id, String(form.get(ringFenceField(area.id)) ?? "")]));
      const result = await optimalSuggestion(allocation, { onePerOrganisation: form.get("onePerOrganisation") === "yes", ringFences });
      if (!result.ok) return data<ActionResult>({ errors: result.errors, values: valuesFromForm(allocation, form), ringFences }, { status: 400 });
      return data<ActionResult>({ suggestion: result.suggestion, values: result.suggestion.values, ringFences });
    }
    case "approve": {
      const result = await approveAllocation(allocation, user.id);
      return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: { approve: result.message } }, { status: 409 });
    }
    case "release": {
      const reserve = form.getAll("reserve").map(String);
      const result = await releaseOutcomes(allocation, user.id, reserve);
      return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: { release: result.message } }, { status: 409 });
    }
    default:
      return data<ActionResult>({ errors: { proposal: "Choose what to do with the allocation" } }, { status: 400 });
  }
}

function sumPence(amounts: string[]) {
  return amounts.reduce((sum, amount) => {
    const parsed = parsePounds(amount);
    return parsed.ok ? sum + parsed.pence : sum;
  }, 0);
}

export default function AllocationWorkspace() {
  const { round, pot, rows, rowsAboveThreshold, tieBreakRule, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? saved;
  const editable = isEditable(round.allocationStatus);
  const title = `Allocation: ${round.name}`;
  const reserveChoices = rows
    .filter((r) => r.status === "in_assessment" && r.meetsThreshold && r.award?.status !== "approved")
    .map((r) => ({ value: r.bidId, label: `${r.reference}: ${r.title}` }));
  return (
    <>
      <DocumentTitle title={title} errors={errors} />
      <ErrorSummary errors={errors} />
      {actionData?.message ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{actionData.message}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Allocation</h1>
      <p className="govuk-body">
        Status: <strong className="govuk-tag govuk-tag--blue">{ALLOCATION_STATUS_LABEL[round.allocationStatus] ?? round.allocationStatus}</strong>
      </p>
      {round.allocationStatus === "sent_back" && round.latestSignOff ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">The OPCC sent this allocation back with this comment:</p>
          <p className="govuk-body">{round.latestSignOff.comment}</p>
        </div>
      ) : null}

      {/* Re-mounted when the values change (a saved proposal or a loaded suggestion). */}
      <Workspace key={JSON.stringify(values)} values={values} errors={errors} editable={editable} round={round} pot={pot} rows={rows} rowsAboveThreshold={rowsAboveThreshold} tieBreakRule={tieBreakRule} suggestion={actionData?.suggestion} ringFences={actionData?.ringFences} />

      {editable && pot.proposedPence > 0 ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Approve the allocation</h2>
          <p className="govuk-body">
            Approving commits all the saved proposed awards, {formatPounds(pot.proposedPence)}, at once, or none of them.
            {round.opccSignOffRequired ? " The OPCC then signs it off before outcomes are released." : ""}
          </p>
          <Button name="intent" value="approve" id={fieldId("approve")}>
            Approve allocation
          </Button>
        </Form>
      ) : (
        <span id={fieldId("approve")} />
      )}

      {round.allocationStatus === "signed_off" ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Release outcomes</h2>
          <p className="govuk-body">Each bid with an approved award is told it is awarded; bids you put on the reserve list are told so; the others are told they are not funded. Released decisions are final.</p>
          {reserveChoices.length > 0 ? (
            <Checkboxes name="reserve" legend="Reserve list" hint="Select the bids without an award to put on the reserve list." choices={reserveChoices} />
          ) : null}
          <Button name="intent" value="release" id={fieldId("release")}>
            Release outcomes
          </Button>
        </Form>
      ) : (
        <span id={fieldId("release")} />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/administrator">
          Back to rounds
        </Link>
      </p>
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Workspace({
  values,
  errors,
  editable,
  round,
  pot,
  rows,
  rowsAboveThreshold,
  tieBreakRule,
  suggestion,
  ringFences,
}: Pick<LoaderData, "round" | "pot" | "rows" | "rowsAboveThreshold" | "tieBreakRule"> & {
  values: ProposalValues;
  errors: FieldErrors;
  editable: boolean;
  suggestion?: SuggestionView;
  ringFences?: Record<string, string>;
}) {
  const [amounts, setAmounts] = useState(() => Object.fromEntries(rows.map((r) => [r.bidId, values[r.bidId]?.amount ?? ""])));
  // Awards already approved are part of the remaining pot figure, not of the proposal.
  const proposedPence = sumPence(rows.filter((r) => !r.award || r.award.status === "proposed").map((r) => amounts[r.bidId] ?? ""));
  const remaining = editable ? pot.remainingPotPence - proposedPence : pot.remainingPotPence;
  const explanations = new Map(suggestion?.lines.map((l) => [l.bidId, l.explanation]));
  return (
    <>
      <h2 className="govuk-heading-m">The pot</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Base allocation" value={formatPounds(pot.baseAllocationPence)} />
        <SummaryRow label="Rolled forward" value={formatPounds(pot.rolledForwardPence)} />
        <SummaryRow label="Match funding" value={formatPounds(pot.matchFundingPence)} />
        <SummaryRow label="Pot" value={formatPounds(pot.potPence)} />
        <SummaryRow label="Awarded (approved)" value={formatPounds(pot.awardedPence)} />
        <SummaryRow label="Proposed" value={formatPounds(editable ? proposedPence : pot.proposedPence)} />
        <div className={`govuk-summary-list__row${errors.pot ? " govuk-form-group--error" : ""}`} id={fieldId("pot")}>
          <dt className="govuk-summary-list__key">Remaining</dt>
          <dd className="govuk-summary-list__value" aria-live="polite" data-testid="remaining-pot">
            {remaining < 0 ? `${formatPounds(-remaining)} over the pot` : formatPounds(remaining)}
          </dd>
        </div>
      </dl>

      {suggestion ? (
        <div className="govuk-inset-text" data-testid="suggestion">
          <h2 className="govuk-heading-s">{`${suggestion.title} loaded`}</h2>
          {suggestion.summary.map((line) => (
            <p className="govuk-body" key={line}>
              {line}
            </p>
          ))}
          <p className="govuk-body">The suggestion is not saved until you select “Save proposal”. You can change any award first.</p>
        </div>
      ) : null}

      <Form method="post" noValidate>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Ranked bids</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Rank</th>
              <th scope="col" className="govuk-table__header">Bid</th>
              <th scope="col" className="govuk-table__header">Score</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Requested</th>
              <th scope="col" className="govuk-table__header">Award and conditions</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row, index) => {
              const locked = !editable || (row.award !== null && row.award.status !== "proposed");
              const amountError = errors[awardField(row.bidId)];
              const conditionsError = errors[conditionsField(row.bidId)];
              const amountId = fieldId(awardField(row.bidId));
              const conditionsId = fieldId(conditionsField(row.bidId));
              return [
                index === rowsAboveThreshold && index > 0 ? (
                  <tr className="govuk-table__row" key={`threshold-${row.bidId}`}>
                    <td className="govuk-table__cell" colSpan={5}>
                      <strong>{`Quality threshold (${round.qualityThresholdPercent}%)`}</strong>: bids below this line cannot be given an award.
                    </td>
                  </tr>
                ) : null,
                <tr className="govuk-table__row" key={row.bidId}>
                  <td className="govuk-table__cell">{row.rank ?? "Not ranked"}</td>
                  <td className="govuk-table__cell">
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
                  </td>
                  <td className="govuk-table__cell">{row.scoreText ?? "Not scored yet"}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(row.requestedPence)}</td>
                  <td className="govuk-table__cell">
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
                              onChange={(event) => {
                                const value = event.currentTarget.value;
                                setAmounts((current) => ({ ...current, [row.bidId]: value }));
                              }}
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
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
        <p className="govuk-body-s">{tieBreakRule}</p>
        {editable ? (
          <>
            <p className="govuk-hint">
              Leave an award blank to give nothing. An award must be between {formatPounds(round.minAwardPence)} and the amount requested (at most {formatPounds(round.maxAwardPence)}).
            </p>
            <span id={fieldId("proposal")} />
            <Button name="intent" value="save">
              Save proposal
            </Button>
            <h2 className="govuk-heading-m">Suggestions</h2>
            <p className="govuk-body">A suggestion fills in the awards above. Nothing is saved until you select “Save proposal”.</p>
            <Radios
              name="mode"
              legend="When a bid no longer fits the pot"
              defaultValue="skip"
              choices={[
                { value: "skip", label: "Skip it and try the next bid down" },
                { value: "part_fund", label: "Part-fund it with what is left" },
              ]}
            />
            <Button name="intent" value="rank-order" secondary>
              Load rank order suggestion
            </Button>
            <h3 className="govuk-heading-s">Optimal suggestion rules</h3>
            {round.areas.map((area) => (
              <TextInput
                key={area.id}
                name={ringFenceField(area.id)}
                label={`Ring-fence for ${area.name} (optional)`}
                hint={`The least the awards to bids serving ${area.name} must add up to, in pounds.`}
                prefix="£"
                widthClass="govuk-input--width-10"
                inputMode="decimal"
                spellCheck={false}
                error={errors[ringFenceField(area.id)]}
                defaultValue={ringFences?.[area.id] ?? ""}
              />
            ))}
            <Checkboxes name="onePerOrganisation" legend="Organisations" choices={[{ value: "yes", label: "At most one award per organisation" }]} />
            <Button name="intent" value="optimal" secondary>
              Load optimal suggestion
            </Button>
          </>
        ) : null}
      </Form>
    </>
  );
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}
