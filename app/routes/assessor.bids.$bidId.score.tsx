// An assessor reads the bid, with its supporting documents, and scores it: a score and comment
// per criterion, an overall recommendation and comment; saved as a draft, then submitted once
// (read-only afterwards). With JavaScript each button is first checked in the browser against
// its own rules (a draft is never held back by what only a submission needs); the action decides.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { SupportingDocumentsTable } from "~/components/bids/supporting-documents-table";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import {
  assessmentFieldOrder,
  assessmentIntent,
  assessmentSchema,
  assessmentValues,
  LOW_SCORE,
  recommendationLabel,
  RECOMMENDATIONS,
} from "~/domain/assessment/assessment-form";
import { loadCriteriaForBid, loadScoringPage, saveAssessment } from "~/domain/assessment/assessor-bids.server";
import { requireScorableBid } from "~/web/assessor-bid.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { requirePermission } from "~/web/guards.server";
import { formatDate, formatDateTime } from "~/lib/dates";
import { inFieldOrder, type FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Score ${data.bid.reference}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:assigned");
  const bid = await requireScorableBid(user.id, params.bidId ?? "", "bid.read");
  return { bidId: bid.id, ...(await loadScoringPage(bid.id, bid.assessment.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "score:bid:assigned");
  const bid = await requireScorableBid(user.id, params.bidId ?? "", "assessment.save");
  const posted = await readForm(request);
  const intent = assessmentIntent(posted.intent);
  const criteria = await loadCriteriaForBid(bid.id);
  const values = assessmentValues(posted, criteria);
  const result = await saveAssessment(user.id, bid, values, intent);
  if (!result.ok) return refusalResponse(result.refusal, { values });
  if (intent === "submit") return redirect(`/assessor?submitted=${encodeURIComponent(bid.reference)}`);
  return redirect(`/assessor/bids/${bid.id}/score?saved=1`);
}

export default function ScoreBid() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const values = actionData?.values ?? page.values;
  const { bid, criteria } = page;
  const notAsked = [
    page.asked.outcomes ? null : "measurable outcomes",
    page.asked.beneficiaries ? null : "beneficiaries",
    page.asked.safeguarding ? null : "safeguarding and equality",
  ].filter((text): text is string => text !== null);
  // Each button is checked in the browser against the rules the action applies to it.
  const schemas = useMemo(() => ({ save: assessmentSchema(criteria, "save"), submit: assessmentSchema(criteria, "submit") }), [criteria]);
  const form = useGovukForm((submitter) => schemas[assessmentIntent(submitter?.value)], { serverErrors: actionData?.errors as FieldErrors | undefined });
  const { register, onSubmit } = form;
  const errors = inFieldOrder(form.errors, assessmentFieldOrder(criteria));
  const readOnly = page.status === "submitted";
  return (
    <PageColumn>
      <BackLink to="/assessor">Back to bids to assess</BackLink>
      <ErrorSummary errors={errors} />
      {search.get("saved") && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your draft has been saved.</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{bid.organisationName}</span>
      <h1 className="govuk-heading-l">
        {bid.reference}: {bid.title}
      </h1>

      <h2 className="govuk-heading-m">The bid as submitted</h2>
      <SummaryList>
        <SummaryRow label="Summary">{bid.summary}</SummaryRow>
        <SummaryRow label="Amount requested">{bid.amountRequestedPence === null ? "Not given" : formatPounds(bid.amountRequestedPence)}</SummaryRow>
        <SummaryRow label="Project dates">
          {bid.projectStartDate && bid.projectEndDate ? `${formatDate(bid.projectStartDate)} to ${formatDate(bid.projectEndDate)}` : "Not given"}
        </SummaryRow>
        <SummaryRow label="Areas served">{bid.areas.join(", ") || "None"}</SummaryRow>
        <SummaryRow label="PCC priorities">{bid.priorities.join(", ") || "None"}</SummaryRow>
        {page.asked.beneficiaries ? (
          <SummaryRow label="Beneficiaries">
            {bid.beneficiaries}
            {bid.beneficiaryCount !== null ? ` (${bid.beneficiaryCount} people)` : ""}
          </SummaryRow>
        ) : null}
        {page.asked.safeguarding ? (
          <>
            <SummaryRow label="Safeguarding">{bid.safeguardingAnswer}</SummaryRow>
            <SummaryRow label="Equality">{bid.equalityAnswer}</SummaryRow>
          </>
        ) : null}
      </SummaryList>
      {notAsked.length > 0 ? <p className="govuk-body">{`Requests of this size are not asked about ${notAsked.join(" or ")} in this round.`}</p> : null}
      {page.asked.outcomes ? (
        <Table caption="Measurable outcomes" captionSize="s" head={["Outcome", "Indicator", "Target"]}>
          {bid.outcomes.map((o, i) => (
            <TableRow key={i}>
              <TableCell>{o.outcome}</TableCell>
              <TableCell>{o.indicator}</TableCell>
              <TableCell>{o.target}</TableCell>
            </TableRow>
          ))}
        </Table>
      ) : null}
      <Table caption="Budget" captionSize="s" head={["Item", { text: "Cost", numeric: true }, { text: "Other funding", numeric: true }]}>
        {bid.budgetLines.map((line, i) => (
          <TableRow key={i}>
            <TableCell>{line.item}</TableCell>
            <TableCell numeric>{formatPounds(line.costPence)}</TableCell>
            <TableCell numeric>{formatPounds(line.otherFundingPence)}</TableCell>
          </TableRow>
        ))}
      </Table>
      <SupportingDocumentsTable documents={bid.documents} hrefFor={(documentId) => `/assessor/bids/${page.bidId}/documents/${documentId}`} />

      <h2 className="govuk-heading-m">Your assessment</h2>
      {readOnly ? (
        <>
          <p className="govuk-body">You submitted this assessment{page.submittedAt ? ` on ${formatDateTime(page.submittedAt)}` : ""}. It cannot be changed.</p>
          <SummaryList>
            {page.criteria.map((c) => (
              <SummaryRow key={c.id} label={c.title}>
                {values.scores[c.id]} out of {c.maxScore}
                {values.comments[c.id] ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{values.comments[c.id]}</p> : null}
              </SummaryRow>
            ))}
            <SummaryRow label="Recommendation">{recommendationLabel(values.recommendation)}</SummaryRow>
            <SummaryRow label="Overall comment">{values.overallComment}</SummaryRow>
          </SummaryList>
        </>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit}>
          {criteria.map((c) => (
            <div key={c.id}>
              <Radios
                name={`scores.${c.id}`}
                legend={`${c.title} (${c.weightPercent}% of the score)`}
                hint={c.guidance || undefined}
                error={errors[`scores.${c.id}`]}
                defaultValue={values.scores[c.id]}
                choices={Array.from({ length: c.maxScore + 1 }, (_, score) => ({
                  value: String(score),
                  label: `${score}: ${c.descriptors.find((d) => d.score === score)?.description ?? ""}`,
                }))}
                inputProps={register(`scores.${c.id}`)}
              />
              <Textarea
                label={`Comment on ${c.title.charAt(0).toLowerCase()}${c.title.slice(1)}`}
                hint={`Needed for a score of ${LOW_SCORE} or less.`}
                error={errors[`comments.${c.id}`]}
                defaultValue={values.comments[c.id]}
                rows={3}
                {...register(`comments.${c.id}`)}
              />
            </div>
          ))}
          <Radios
            name="recommendation"
            legend="Your overall recommendation"
            error={errors.recommendation}
            defaultValue={values.recommendation}
            choices={RECOMMENDATIONS.map((r) => ({ value: r.value, label: r.label }))}
            inputProps={register("recommendation")}
          />
          <Textarea label="Overall comment" error={errors.overallComment} defaultValue={values.overallComment} {...register("overallComment")} />
          <div className="govuk-button-group">
            <Button name="intent" value="submit">
              Submit assessment
            </Button>
            <Button name="intent" value="save" secondary>
              Save as draft
            </Button>
          </div>
        </Form>
      )}
    </PageColumn>
  );
}
