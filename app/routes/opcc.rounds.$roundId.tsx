import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { signOffAllocation } from "~/domain/allocation/decisions.server";
import { ALLOCATION_STATUS_LABEL } from "~/domain/allocation/workspace";
import { loadAllocation } from "~/domain/allocation/workspace.server";
import { requirePermission } from "~/web/guards.server";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "sign-off:allocation");
  const allocation = await loadAllocation(params.roundId ?? "");
  if (!allocation) throw new Response("Page not found", { status: 404 });
  return {
    round: allocation.round,
    pot: allocation.pot,
    awards: allocation.rows
      .filter((r) => r.award && r.award.status !== "proposed")
      .map((r) => ({ bidId: r.bidId, reference: r.reference, title: r.title, organisationName: r.organisationName, rank: r.rank, scoreText: r.scoreText, requestedPence: r.requestedPence, award: r.award! })),
  };
}

type ActionResult = { message?: string; errors?: FieldErrors; values?: { decision: string; comment: string } };

const MAX_COMMENT_LENGTH = 2_000;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "sign-off:allocation");
  const form = await request.formData();
  const values = { decision: String(form.get("decision") ?? ""), comment: String(form.get("comment") ?? "").trim() };
  const errors: FieldErrors = {};
  if (values.decision !== "approved" && values.decision !== "sent_back") errors.decision = "Select whether you sign off the allocation or send it back";
  if (values.decision === "sent_back" && values.comment === "") errors.comment = "Enter a comment saying why you are sending the allocation back";
  if (values.comment.length > MAX_COMMENT_LENGTH) errors.comment = `Your comment must be ${MAX_COMMENT_LENGTH} characters or fewer`;
  if (Object.keys(errors).length > 0) return data<ActionResult>({ errors, values }, { status: 400 });
  const result = await signOffAllocation(
    params.roundId ?? "",
    user.id,
    values.decision === "approved" ? { decision: "approved" } : { decision: "sent_back", comment: values.comment },
  );
  return result.ok ? data<ActionResult>({ message: result.message }) : data<ActionResult>({ errors: { decision: result.message }, values }, { status: 409 });
}

export default function OpccRoundSignOff() {
  const { round, pot, awards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const errors = actionData?.errors ?? {};
  return (
    <>
      <DocumentTitle title={`Sign off allocation: ${round.name}`} errors={errors} />
      <ErrorSummary errors={errors} />
      {actionData?.message ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{actionData.message}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Sign off allocation</h1>
      <p className="govuk-body">
        Status: <strong className="govuk-tag govuk-tag--blue">{ALLOCATION_STATUS_LABEL[round.allocationStatus] ?? round.allocationStatus}</strong>
      </p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Pot</dt>
          <dd className="govuk-summary-list__value">
            {formatPounds(pot.potPence)} ({formatPounds(pot.baseAllocationPence)} base allocation + {formatPounds(pot.rolledForwardPence)} rolled forward + {formatPounds(pot.matchFundingPence)} match funding)
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Awarded</dt>
          <dd className="govuk-summary-list__value">{formatPounds(pot.awardedPence)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Remaining</dt>
          <dd className="govuk-summary-list__value">{formatPounds(pot.remainingPotPence)}</dd>
        </div>
      </dl>
      {awards.length === 0 ? (
        <p className="govuk-body">There are no approved awards in this round yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Approved awards</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Rank</th>
              <th scope="col" className="govuk-table__header">Bid</th>
              <th scope="col" className="govuk-table__header">Score</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Requested</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Award</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">PCC / match funding</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {awards.map((a) => (
              <tr className="govuk-table__row" key={a.bidId}>
                <td className="govuk-table__cell">{a.rank ?? "Not ranked"}</td>
                <td className="govuk-table__cell">
                  <strong>{a.reference}</strong>
                  <br />
                  {a.title}
                  <br />
                  <span className="govuk-hint">{a.organisationName}</span>
                  {a.award.conditions ? <p className="govuk-body-s">Conditions: {a.award.conditions}</p> : null}
                </td>
                <td className="govuk-table__cell">{a.scoreText ?? "Not scored"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(a.requestedPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(a.award.amountPence)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {formatPounds(a.award.pccFundedPence)} / {formatPounds(a.award.matchFundedPence)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {round.allocationStatus === "approved" && round.opccSignOffRequired ? (
        <Form method="post" noValidate>
          <Radios
            name="decision"
            legend="Do you sign off this allocation?"
            error={errors.decision}
            defaultValue={actionData?.values?.decision}
            choices={[
              { value: "approved", label: "Yes, sign it off" },
              { value: "sent_back", label: "No, send it back to the fund administrator" },
            ]}
          />
          <Textarea name="comment" label="Comment" hint="Required if you send the allocation back." error={errors.comment} defaultValue={actionData?.values?.comment} rows={3} />
          <Button>Continue</Button>
        </Form>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to="/opcc">
          Back to allocations for sign-off
        </Link>
      </p>
    </>
  );
}
