import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Radios, Textarea, TextInput } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { approveAllocation, releaseOutcomes, type UnassessedBid } from "~/domain/allocation/decisions.server";
import { feedbackDefaults, feedbackFromForm, offerAward, returnAward } from "~/domain/allocation/reserve.server";
import {
  ALLOCATION_STATUS_LABEL,
  awardField,
  conditionsField,
  feedbackField,
  isEditable,
  offerAmountField,
  offerConditionsField,
  priorityMinimumField,
  ringFenceField,
  type ProposalValues,
  type SuggestionView,
} from "~/domain/allocation/workspace";
import { currentValues, loadAllocation, optimalSuggestion, rankOrderSuggestion, saveProposal, valuesFromForm } from "~/domain/allocation/workspace.server";
import { requirePermission } from "~/web/guards.server";
import type { Permission } from "~/domain/auth/roles";
import { bidStatusLabel } from "~/domain/bids/status";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds, parsePounds } from "~/lib/money";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

async function allocationOr404(roundId: string | undefined) {
  const allocation = roundId ? await loadAllocation(roundId) : null;
  if (!allocation) throw new Response("Page not found", { status: 404 });
  return allocation;
}

export const meta = titleMeta<typeof loader>(({ data }) => `Allocation: ${data.round.name}`);

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
    feedback: await feedbackDefaults(allocation),
  };
}

type ActionResult = {
  message?: string | null;
  errors?: FieldErrors;
  values?: ProposalValues;
  suggestion?: SuggestionView;
  ringFences?: Record<string, string>;
  priorityMinimums?: Record<string, string>;
  feedback?: Record<string, string>;
  offer?: { bidId: string; amount: string; conditions: string };
  /** Bids that stop the release: never screened, or without a score. */
  unassessed?: UnassessedBid[];
};

const PERMISSION_FOR: Record<string, Permission> = {
  approve: "approve:award",
  release: "release:outcome",
  "award-declined": "approve:award",
  "award-withdrawn": "approve:award",
  offer: "approve:award",
};

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
      const priorityMinimums = Object.fromEntries(allocation.round.priorities.map((p) => [p.id, String(form.get(priorityMinimumField(p.id)) ?? "")]));
      const result = await optimalSuggestion(allocation, { onePerOrganisation: form.get("onePerOrganisation") === "yes", ringFences, priorityMinimums });
      if (!result.ok)
        return data<ActionResult>({ errors: result.errors, values: valuesFromForm(allocation, form), ringFences, priorityMinimums }, { status: 400 });
      return data<ActionResult>({ suggestion: result.suggestion, values: result.suggestion.values, ringFences, priorityMinimums });
    }
    case "approve": {
      const result = await approveAllocation(allocation, user.id);
      return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: { approve: result.message } }, { status: 409 });
    }
    case "release": {
      const reserve = form.getAll("reserve").map(String);
      const feedback = feedbackFromForm(allocation, form);
      const result = await releaseOutcomes(allocation, user.id, reserve, feedback);
      return result.ok
        ? data<ActionResult>({ message: result.message })
        : data<ActionResult>({ errors: { release: result.message }, feedback, unassessed: result.unassessed }, { status: 409 });
    }
    case "award-declined":
    case "award-withdrawn": {
      const bidId = String(form.get("bidId") ?? "");
      const result = await returnAward(allocation, bidId, user.id, intent === "award-withdrawn" ? "withdrawn" : "declined_by_applicant");
      return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: result.errors }, { status: result.status });
    }
    case "offer": {
      const bidId = String(form.get("bidId") ?? "");
      const offer = { bidId, amount: String(form.get(offerAmountField(bidId)) ?? ""), conditions: String(form.get(offerConditionsField(bidId)) ?? "") };
      const result = await offerAward(allocation, bidId, user.id, offer);
      return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: result.errors, offer }, { status: result.status });
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
  const { round, pot, rows, rowsAboveThreshold, tieBreakRule, values: saved, feedback: savedFeedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? saved;
  const editable = isEditable(round.allocationStatus);
  const reserveChoices = rows
    .filter((r) => r.status === "in_assessment" && r.meetsThreshold && r.award?.status !== "approved")
    .map((r) => ({ value: r.bidId, label: `${r.reference}: ${r.title}` }));
  const feedbackRows = rows.filter((r) => Object.hasOwn(savedFeedback, r.bidId));
  const feedback = actionData?.feedback ?? savedFeedback;
  return (
    <>
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
      <Workspace
        key={JSON.stringify(values)}
        values={values}
        errors={errors}
        editable={editable}
        round={round}
        pot={pot}
        rows={rows}
        rowsAboveThreshold={rowsAboveThreshold}
        tieBreakRule={tieBreakRule}
        suggestion={actionData?.suggestion}
        ringFences={actionData?.ringFences}
        priorityMinimums={actionData?.priorityMinimums}
      />

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

      {round.allocationStatus === "released" ? <AfterRelease rows={rows} pot={pot} round={round} actionData={actionData} /> : null}

      {round.allocationStatus === "signed_off" ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">Release outcomes</h2>
          <p className="govuk-body">
            Each bid with an approved award is told it is awarded; bids you put on the reserve list are told so; the others are told they are not funded.
            Bids screened out as not eligible are told so, with the reason and your note. Every bid must have been assessed first. Released decisions are
            final.
          </p>
          {reserveChoices.length > 0 ? (
            <Checkboxes name="reserve" legend="Reserve list" hint="Select the bids without an award to put on the reserve list." choices={reserveChoices} />
          ) : null}
          {feedbackRows.length > 0 ? (
            <>
              <h3 className="govuk-heading-s">Feedback for bids without an award</h3>
              <p className="govuk-body">
                Each box starts with the assessors’ comments on each criterion (never their scores). Edit it to what you want to share: a bid that is not funded
                gets this feedback in its outcome email. Leave a box empty to share no feedback.
              </p>
              {feedbackRows.map((r) => (
                <Textarea
                  key={r.bidId}
                  name={feedbackField(r.bidId)}
                  label={`Feedback for ${r.reference}: ${r.title}`}
                  rows={6}
                  defaultValue={feedback[r.bidId] ?? ""}
                />
              ))}
            </>
          ) : null}
          <div className={`govuk-form-group${errors.release ? " govuk-form-group--error" : ""}`} id={fieldId("release")}>
            {errors.release ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.release}
              </p>
            ) : null}
            {actionData?.unassessed && actionData.unassessed.length > 0 ? (
              <ul className="govuk-list govuk-list--bullet" data-testid="unassessed-bids">
                {actionData.unassessed.map((u) => (
                  <li key={u.bidId}>
                    <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${u.bidId}`}>
                      {`${u.reference}: ${u.title}`}
                    </Link>{" "}
                    ({u.why === "not_screened" ? "not screened or not assigned to an assessor" : "no score yet"})
                  </li>
                ))}
              </ul>
            ) : null}
            <Button name="intent" value="release">
              Release outcomes
            </Button>
          </div>
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

const AWARD_STATUS_LABEL: Record<string, string> = {
  released: "Released",
  accepted: "Accepted",
  closed: "Closed",
  declined_by_applicant: "Declined by the applicant",
  lapsed: "Lapsed",
  withdrawn: "Withdrawn",
};

/** After release: released awards (declined or withdrawn ones give their money back) and the reserve list. */
function AfterRelease({ rows, pot, round, actionData }: Pick<LoaderData, "rows" | "pot" | "round"> & { actionData?: ActionResult }) {
  const errors = actionData?.errors ?? {};
  const awards = rows.filter((r) => r.award && r.award.status !== "proposed" && r.award.status !== "approved");
  // What declined, withdrawn or lapsed awards gave back: each award's amount less money already returned on it.
  const returnedPence = awards.reduce(
    (sum, r) => sum + (r.award && ["declined_by_applicant", "withdrawn", "lapsed"].includes(r.award.status) ? r.award.amountPence - r.award.returnedPence : 0),
    0,
  );
  // Rows come in rank order.
  const reserve = rows.filter((r) => r.status === "reserve");
  return (
    <>
      <h2 className="govuk-heading-m">Released awards</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/administrator/rounds/${round.id}/awards`}>
          Awards: who has accepted, reminders and money returned
        </Link>
      </p>
      <p className="govuk-body">
        Released decisions are final. If an applicant declines their award, or you withdraw it, record it here: the money goes back to the pot and you can offer
        it to the next bid on the reserve list.
      </p>
      <p className="govuk-body" data-testid="freed-money">
        Money returned from declined or withdrawn awards: <strong>{formatPounds(returnedPence)}</strong>. Remaining in the pot:{" "}
        <strong>{formatPounds(pot.remainingPotPence)}</strong>.
      </p>
      {awards.length > 0 ? (
        <Table caption="Awards" captionSize="s" head={["Bid", { text: "Award", numeric: true }, "Status", "Change"]}>
          {awards.map((r) => {
            const error = errors[`return.${r.bidId}`];
            return (
              <TableRow key={r.bidId}>
                <TableCell>
                  <strong>{r.reference}</strong>
                  <br />
                  {r.title}
                </TableCell>
                <TableCell numeric>{formatPounds(r.award!.amountPence)}</TableCell>
                <TableCell>{AWARD_STATUS_LABEL[r.award!.status] ?? r.award!.status}</TableCell>
                <TableCell id={fieldId(`return.${r.bidId}`)}>
                  {error ? (
                    <p className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {error}
                    </p>
                  ) : null}
                  {r.award!.status === "released" ? (
                    <Form method="post" noValidate>
                      <input type="hidden" name="bidId" value={r.bidId} />
                      <div className="govuk-button-group">
                        <Button name="intent" value="award-declined" secondary>
                          Record that the applicant declined the award<span className="govuk-visually-hidden"> for {r.reference}</span>
                        </Button>
                        <Button name="intent" value="award-withdrawn" warning>
                          Withdraw the award<span className="govuk-visually-hidden"> for {r.reference}</span>
                        </Button>
                      </div>
                    </Form>
                  ) : (
                    "No further change"
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      ) : null}

      <h2 className="govuk-heading-m">Reserve list</h2>
      {reserve.length === 0 ? (
        <p className="govuk-body">There are no bids on the reserve list.</p>
      ) : (
        <>
          <p className="govuk-body">
            In rank order. Offering an award is a new decision: the bid becomes awarded and its applicant is emailed. An award must be between{" "}
            {formatPounds(round.minAwardPence)} and the amount requested, and within the {formatPounds(pot.remainingPotPence)} remaining in the pot.
          </p>
          {reserve.map((r) => {
            const offered = actionData?.offer?.bidId === r.bidId ? actionData.offer : undefined;
            return (
              <Form method="post" noValidate key={r.bidId} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s">{`Rank ${r.rank ?? "not ranked"}: ${r.reference}: ${r.title}`}</h3>
                <p className="govuk-body">{`${r.organisationName}. Score ${r.scoreText ?? "not scored"}. Requested ${formatPounds(r.requestedPence)}.`}</p>
                <input type="hidden" name="bidId" value={r.bidId} />
                <TextInput
                  name={offerAmountField(r.bidId)}
                  label={`Award for ${r.reference}`}
                  prefix="£"
                  widthClass="govuk-input--width-10"
                  inputMode="decimal"
                  spellCheck={false}
                  error={errors[offerAmountField(r.bidId)]}
                  defaultValue={offered?.amount ?? ""}
                />
                <Textarea
                  name={offerConditionsField(r.bidId)}
                  label={`Conditions for ${r.reference} (optional)`}
                  rows={2}
                  defaultValue={offered?.conditions ?? ""}
                />
                <Button name="intent" value="offer">
                  Offer an award<span className="govuk-visually-hidden"> to {r.reference}</span>
                </Button>
              </Form>
            );
          })}
        </>
      )}
    </>
  );
}

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
  priorityMinimums,
}: Pick<LoaderData, "round" | "pot" | "rows" | "rowsAboveThreshold" | "tieBreakRule"> & {
  values: ProposalValues;
  errors: FieldErrors;
  editable: boolean;
  suggestion?: SuggestionView;
  ringFences?: Record<string, string>;
  priorityMinimums?: Record<string, string>;
}) {
  const [amounts, setAmounts] = useState(() => Object.fromEntries(rows.map((r) => [r.bidId, values[r.bidId]?.amount ?? ""])));
  // Awards already approved are part of the remaining pot figure, not of the proposal.
  const proposedPence = sumPence(rows.filter((r) => !r.award || r.award.status === "proposed").map((r) => amounts[r.bidId] ?? ""));
  const remaining = editable ? pot.remainingPotPence - proposedPence : pot.remainingPotPence;
  const explanations = new Map(suggestion?.lines.map((l) => [l.bidId, l.explanation]));
  return (
    <>
      <h2 className="govuk-heading-m">The pot</h2>
      <SummaryList>
        <SummaryRow label="Base allocation">{formatPounds(pot.baseAllocationPence)}</SummaryRow>
        <SummaryRow label="Rolled forward">{formatPounds(pot.rolledForwardPence)}</SummaryRow>
        <SummaryRow label="Match funding">{formatPounds(pot.matchFundingPence)}</SummaryRow>
        <SummaryRow label="Pot">{formatPounds(pot.potPence)}</SummaryRow>
        <SummaryRow label="Awarded (approved)">{formatPounds(pot.awardedPence)}</SummaryRow>
        <SummaryRow label="Proposed">{formatPounds(editable ? proposedPence : pot.proposedPence)}</SummaryRow>
        {round.allocationStatus === "released" ? (
          <>
            <SummaryRow label="Returned unspent or clawed back">{formatPounds(pot.returnedPence)}</SummaryRow>
            <SummaryRow label="Re-offered to reserve bids">{formatPounds(pot.reofferedPence)}</SummaryRow>
          </>
        ) : null}
        <div className={`govuk-summary-list__row${errors.pot ? " govuk-form-group--error" : ""}`} id={fieldId("pot")}>
          <dt className="govuk-summary-list__key">Remaining</dt>
          <dd className="govuk-summary-list__value" aria-live="polite" data-testid="remaining-pot">
            {remaining < 0 ? `${formatPounds(-remaining)} over the pot` : formatPounds(remaining)}
          </dd>
        </div>
      </SummaryList>

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

      <ProposalForm editable={editable}>
        <Table caption="Ranked bids" head={["Rank", "Bid", "Score", { text: "Requested", numeric: true }, "Award and conditions"]}>
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
                    <strong>{`Quality threshold (${round.qualityThresholdPercent}%)`}</strong>: bids below this line cannot be given an award.
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
                </TableCell>
              </TableRow>,
            ];
          })}
        </Table>
        <p className="govuk-body-s">{tieBreakRule}</p>
        {editable ? (
          <>
            <p className="govuk-hint">
              Leave an award blank to give nothing. An award must be between {formatPounds(round.minAwardPence)} and the amount requested (at most{" "}
              {formatPounds(round.maxAwardPence)}).
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
            {round.priorities.map((priority) => (
              <TextInput
                key={priority.id}
                name={priorityMinimumField(priority.id)}
                label={`Least for ${priority.title} (optional)`}
                hint={`The least the awards to bids addressing this priority must add up to, in pounds.`}
                prefix="£"
                widthClass="govuk-input--width-10"
                inputMode="decimal"
                spellCheck={false}
                error={errors[priorityMinimumField(priority.id)]}
                defaultValue={priorityMinimums?.[priority.id] ?? ""}
              />
            ))}
            <Checkboxes name="onePerOrganisation" legend="Organisations" choices={[{ value: "yes", label: "At most one award per organisation" }]} />
            <Button name="intent" value="optimal" secondary>
              Load optimal suggestion
            </Button>
          </>
        ) : null}
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
