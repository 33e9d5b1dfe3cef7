// The fund administrator reads a monitoring report (targets against achieved, planned against
// spent) and accepts it or asks for changes, with a comment the organisation is emailed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { ReportAnswersView, ReportDueRow } from "~/components/monitoring/report-answers";
import { titleMeta } from "~/components/page-title";
import { reportStatusLabel } from "~/domain/monitoring/report-status";
import { reviewSchema } from "~/domain/monitoring/report.schema";
import { findReportForReview, reportAnswers, reportProgress, reviewReport } from "~/domain/monitoring/reports.server";
import { formatDate } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `${data.report.title}: ${data.bid.organisationName}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const report = orNotFound(await findReportForReview(params.roundId ?? "", params.reportId ?? "", user), "Report not found");
  const { bid } = report.award;
  return {
    roundId: report.award.roundId,
    report: { ...reportProgress(report, new Date()), reviewedAt: report.reviewedAt },
    bid: { title: bid.title || "Untitled bid", reference: bid.reference ?? "", organisationName: bid.organisation.name, roundName: bid.round.name },
    award: { amountPence: report.award.amountPence, status: report.award.status },
    answers: reportAnswers(report),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const posted = await readForm(request);
  const result = await reviewReport({ actorId: user.id, roundId, reportId: params.reportId ?? "", values: posted, now: new Date() });
  if (!result.ok) return refusalResponse(result.refusal, { values: posted as Record<string, string> });
  const saved = result.decision === "accept" ? (result.awardClosed ? "closed" : "accepted") : "changes";
  return redirect(`/administrator/rounds/${roundId}/reports/${params.reportId}?saved=${saved}`);
}

const BANNERS: Record<string, string> = {
  accepted: "The report has been accepted. The organisation has been emailed.",
  closed: "The report has been accepted. Every report for this award is now accepted, so the award is closed. The organisation has been emailed.",
  changes: "You have asked for changes. The organisation has been emailed your comment.",
};

export default function ReviewReport() {
  const { roundId, report, bid, award, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { register, errors: formErrors, onSubmit } = useGovukForm(reviewSchema, { serverErrors: actionData?.errors as FieldErrors | undefined });
  const errors = formErrors as FieldErrors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const saved = search.get("saved");
  return (
    <PageColumn width="full">
      <BackLink to={`/administrator/rounds/${roundId}/reports`}>Back to monitoring reports</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={saved && !actionData ? BANNERS[saved] : null} />
      <span className="govuk-caption-l">{bid.organisationName}</span>
      <h1 className="govuk-heading-l">{report.title}</h1>
      <SummaryList>
        <SummaryRow label="Bid">
          {bid.reference ? `${bid.reference}: ` : ""}
          {bid.title}
        </SummaryRow>
        <SummaryRow label="Funding round">{bid.roundName}</SummaryRow>
        <SummaryRow label="Award">{formatPounds(award.amountPence)}</SummaryRow>
        <ReportDueRow dueAt={report.dueAt} overdue={report.overdue} />
        <SummaryRow label="Status">
          {reportStatusLabel(report.status)}
          {report.submittedAt ? ` (submitted ${formatDate(report.submittedAt)})` : ""}
        </SummaryRow>
        {report.reviewComment ? <SummaryRow label="Last review comment">{report.reviewComment}</SummaryRow> : null}
      </SummaryList>

      {report.status === "due" || report.status === "draft" ? (
        <p className="govuk-body">
          The organisation has not submitted this report yet. {report.status === "draft" ? "What they have saved so far is shown below." : ""}
        </p>
      ) : null}
      <ReportAnswersView answers={answers} documentHref={(id) => `/administrator/rounds/${roundId}/reports/${report.id}/documents/${id}`} />

      {report.status === "submitted" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Your review</h2>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <Radios
                name="decision"
                legend="What do you want to do with this report?"
                error={errors.decision}
                defaultValue={values.decision}
                inputProps={register("decision")}
                choices={[
                  { value: "accept", label: "Accept the report" },
                  { value: "changes", label: "Ask for changes", hint: "The organisation can change the report and submit it again" },
                ]}
              />
              <Textarea
                {...register("comment")}
                label="Comment for the organisation"
                hint="This is emailed to the organisation's contact"
                error={errors.comment}
                defaultValue={values.comment}
                rows={5}
              />
              <Button>Send review</Button>
            </Form>
          </div>
        </div>
      ) : null}
    </PageColumn>
  );
}
