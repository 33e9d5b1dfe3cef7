import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea } from "~/components/govuk/fields";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { EoiStatusTag } from "~/components/stages/eoi-status";
import { EOI_SCORES, eoiReviewSchema } from "~/domain/stages/stage-one.schema";
import { loadEoiReview, reviewEoi } from "~/domain/stages/stage-one.server";
import { formatDateTime } from "~/lib/dates";
import { textValues } from "~/lib/form-values";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Review: ${data.eoi.title}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "screen:bid");
  return orNotFound(await loadEoiReview(params.roundId ?? "", params.eoiId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "screen:bid");
  const roundId = params.roundId ?? "";
  const parsed = await parseForm(request, eoiReviewSchema);
  const values = textValues(parsed.values, ["decision", "score", "feedback"]);
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const result = await reviewEoi(user.id, roundId, params.eoiId ?? "", parsed.data, new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect(`/administrator/rounds/${roundId}/expressions-of-interest`);
}

export default function ReviewExpressionOfInterest() {
  const { round, eoi, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(eoiReviewSchema, { serverErrors: actionData?.errors });
  const values = actionData?.values ?? saved;
  const editable = !round.decisionSent && eoi.status === "submitted";
  return (
    <PageColumn>
      <BackLink to={`/administrator/rounds/${round.id}/expressions-of-interest`}>Back to expressions of interest</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{`${eoi.organisationName}: ${round.name}`}</span>
      <h1 className="govuk-heading-l">{`Review: ${eoi.title}`}</h1>
      <SummaryList>
        <SummaryRow label="Status">
          <EoiStatusTag status={eoi.status} />
        </SummaryRow>
        <SummaryRow label="Submitted">{eoi.submittedAt ? formatDateTime(eoi.submittedAt) : ""}</SummaryRow>
        <SummaryRow label="Roughly how much">{formatPounds(eoi.amountRequestedPence)}</SummaryRow>
        <SummaryRow label="Areas">{eoi.areas.join(", ")}</SummaryRow>
        <SummaryRow label="Priorities">{eoi.priorities.join(", ")}</SummaryRow>
        {eoi.reviewedBy ? <SummaryRow label="Reviewed by">{`${eoi.reviewedBy}, ${formatDateTime(eoi.reviewedAt!)}`}</SummaryRow> : null}
      </SummaryList>
      <h2 className="govuk-heading-m">What the project will do, where and for whom</h2>
      <p className="govuk-body app-preserve-lines">{eoi.summary}</p>
      {editable ? (
        <Form method="post" noValidate onSubmit={onSubmit}>
          <h2 className="govuk-heading-m">Your review</h2>
          <Radios
            name="decision"
            legend="Is it eligible for this round?"
            error={errors.decision}
            defaultValue={values.decision}
            inputProps={register("decision")}
            choices={[
              { value: "eligible", label: "Eligible: it can be invited" },
              { value: "ineligible", label: "Not eligible: it cannot be invited" },
            ]}
          />
          <Radios
            name="score"
            legend="How well does it fit the round?"
            error={errors.score}
            defaultValue={values.score}
            inputProps={register("score")}
            choices={EOI_SCORES.map((s) => ({ value: s.value, label: s.label }))}
          />
          <Textarea
            label="Feedback for the organisation"
            hint="They see this when the decision is sent, whether or not they are invited. Be kind and specific."
            error={errors.feedback}
            defaultValue={values.feedback}
            rows={4}
            {...register("feedback")}
          />
          <Button>Save review</Button>
        </Form>
      ) : (
        <>
          <h2 className="govuk-heading-m">The review</h2>
          <div className="govuk-inset-text">The stage-one decision has been sent, so this review can no longer change.</div>
          <SummaryList>
            <SummaryRow label="Eligible">{values.decision === "eligible" ? "Yes" : "No"}</SummaryRow>
            <SummaryRow label="Score">{values.score}</SummaryRow>
            <SummaryRow label="Feedback">{values.feedback}</SummaryRow>
          </SummaryList>
        </>
      )}
    </PageColumn>
  );
}
