import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, ErrorMessage, Radios, Textarea } from "~/components/govuk/fields";
import { screeningSchema } from "~/domain/assessment/screening.schema";
import { loadScreeningForm, screenBid } from "~/domain/assessment/screening.server";
import { requirePermission } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { textValue } from "~/lib/form-values";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { SCREENING_LIST_PARAMS } from "~/domain/assessment/list-filters";
import { backToList, LIST_QUERY_FIELD, listQuery } from "~/domain/lists/list-page";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Screen ${data.bid.reference}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "screen:bid");
  const page = await loadScreeningForm(params.roundId ?? "", params.bidId ?? "", new Date());
  if (!page) throw new Response("Bid not found", { status: 404 });
  // The screening list's filters and page, as its link carried them, to go back to afterwards.
  const kept = listQuery(new URL(request.url).search, SCREENING_LIST_PARAMS).toString();
  return { ...page, listQuery: kept ? `?${kept}` : "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "screen:bid");
  const roundId = params.roundId ?? "";
  const bidId = params.bidId ?? "";
  const parsed = await parseForm(request, screeningSchema);
  const kept = listQuery(textValue(parsed.values, LIST_QUERY_FIELD), SCREENING_LIST_PARAMS);
  const values = { decision: textValue(parsed.values, "decision"), reasonId: textValue(parsed.values, "reasonId"), note: textValue(parsed.values, "note") };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const result = await screenBid(user.id, roundId, bidId, parsed.data, new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values });
  const bid = await loadScreeningForm(roundId, bidId, new Date());
  const banner: Record<string, string> = { screened: bid?.bid.reference ?? "The bid" };
  if (result.cancelledAward) banner.returnedPence = String(result.cancelledAward.returnedToPotPence);
  return redirect(backToList(`/administrator/rounds/${roundId}/screening`, kept, banner));
}

export default function ScreenBid() {
  const { round, bid, award, reasons, listQuery: backQuery } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(screeningSchema, { serverErrors: actionData?.errors });
  const values = actionData?.values ?? {
    decision: bid.screeningDecision ?? "",
    reasonId: reasons.find((r) => r.text === bid.screeningReason)?.id ?? "",
    note: bid.screeningNote ?? "",
  };
  const reasonFieldId = fieldId("reasonId");
  return (
    <PageColumn>
      <BackLink to={`/administrator/rounds/${round.id}/screening${backQuery}`}>Back to screening</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{bid.organisationName}</span>
      <h1 className="govuk-heading-l">{`Screen ${bid.reference}: ${bid.title}`}</h1>
      <p className="govuk-body">{bid.summary}</p>
      {award ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {award.status === "approved"
              ? `This bid has an approved award of ${formatPounds(award.amountPence)}. If you screen it out, the award is cancelled and ${formatPounds(award.amountPence)} goes back to the pot.`
              : `This bid has a proposed award of ${formatPounds(award.amountPence)}. If you screen it out, the proposal is removed.`}
          </strong>
        </div>
      ) : null}
      {round.closed ? (
        <Form method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name={LIST_QUERY_FIELD} value={backQuery} />
          <Radios
            name="decision"
            legend="Is this bid eligible?"
            error={errors.decision}
            defaultValue={values.decision}
            choices={[
              { value: "eligible", label: "Eligible: it goes on to assessment" },
              {
                value: "ineligible",
                label: "Not eligible: it leaves the assessment, and the applicant is emailed the reason and your note when outcomes are released",
              },
            ]}
            inputProps={register("decision")}
          />
          <div className={`govuk-form-group${errors.reasonId ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor={reasonFieldId}>
              If not eligible, why?
            </label>
            {errors.reasonId ? <ErrorMessage id={`${reasonFieldId}-error`}>{errors.reasonId}</ErrorMessage> : null}
            <select
              className={`govuk-select${errors.reasonId ? " govuk-select--error" : ""}`}
              id={reasonFieldId}
              defaultValue={values.reasonId}
              aria-describedby={errors.reasonId ? `${reasonFieldId}-error` : undefined}
              {...register("reasonId")}
            >
              <option value="">Select a reason</option>
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.text}
                </option>
              ))}
            </select>
          </div>
          <Textarea
            label="Note (optional)"
            hint="The applicant sees this note, with the reason, in their outcome email and on their decision page once outcomes are released."
            error={errors.note}
            defaultValue={values.note}
            rows={3}
            {...register("note")}
          />
          <Button>Save screening decision</Button>
        </Form>
      ) : (
        <div className="govuk-inset-text">{`The round closes on ${formatDateTime(round.closesAt)}. You can screen bids after that.`}</div>
      )}
    </PageColumn>
  );
}
