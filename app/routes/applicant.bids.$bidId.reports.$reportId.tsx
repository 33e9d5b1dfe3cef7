// The organisation's monitoring report: what has been achieved against each of the bid's own
// outcomes, what has been spent against each budget line, progress and challenges, and any
// supporting documents. Saved as a draft (answers may be missing) or submitted (every answer);
// read-only once submitted, until the fund team asks for changes.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, FileUpload, Textarea, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { ReportAnswersView, ReportDueRow } from "~/components/monitoring/report-answers";
import { titleMeta } from "~/components/page-title";
import { DocumentFile } from "~/components/documents/document-file";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_TEXT, formatFileSize } from "~/domain/documents/document-kinds";
import { addReportDocument, removeReportDocument } from "~/domain/monitoring/report-documents.server";
import { isEditable, MAX_REPORT_DOCUMENTS, reportStatusLabel } from "~/domain/monitoring/report-status";
import { reportFieldOrder, reportIntent, reportSchema } from "~/domain/monitoring/report.schema";
import { findReportForApplicant, reportAnswers, reportFormValues, reportProgress, saveReport } from "~/domain/monitoring/reports.server";
import { formatDate } from "~/lib/dates";
import { inFieldOrder, type FieldErrors } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requireRole } from "~/web/guards.server";
import { isMultipart, readDocumentUpload } from "~/web/multipart.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => data.report.title);

async function requireReport(request: Request, params: { bidId?: string; reportId?: string }) {
  const user = await requireRole(request, ["applicant"]);
  const report = orNotFound(await findReportForApplicant(params.bidId ?? "", params.reportId ?? "", user), "Not Found");
  return { user, report };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await requireReport(request, params);
  const { bid } = report.award;
  return {
    report: {
      ...reportProgress(report, new Date()),
      editable: isEditable(report.status) && report.award.status === "accepted",
    },
    bid: {
      id: bid.id,
      title: bid.title || "Untitled bid",
      reference: bid.reference ?? "",
      organisationName: bid.organisation.name,
      maxDocumentBytes: bid.round.maxDocumentBytes,
    },
    outcomes: bid.outcomes,
    budgetLines: bid.budgetLines,
    values: reportFormValues(report),
    answers: reportAnswers(report),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, report } = await requireReport(request, params);
  const bidId = report.award.bid.id;
  const here = `/applicant/bids/${bidId}/reports/${report.id}`;
  if (isMultipart(request)) {
    // Read the whole upload first (within the size limit), so that any answer reaches the browser.
    const upload = await readDocumentUpload(request, { fileField: "document", maxFileBytes: report.award.bid.round.maxDocumentBytes });
    const added = await addReportDocument({ viewer: user, bidId, reportId: report.id, upload, maxBytes: report.award.bid.round.maxDocumentBytes });
    return added.ok ? redirect(`${here}?saved=document#documents`) : refusalResponse(added.refusal, { values: null });
  }
  const posted = await readForm(request);
  if (posted.intent === "remove-document") {
    const removed = await removeReportDocument({ viewer: user, bidId, reportId: report.id, documentId: String(posted.documentId ?? "") });
    return removed.ok ? redirect(`${here}?saved=removed#documents`) : refusalResponse(removed.refusal, { values: null });
  }
  const intent = reportIntent(posted.intent);
  const result = await saveReport({ viewer: user, bidId, reportId: report.id, intent, values: posted, now: new Date() });
  if (!result.ok) return refusalResponse(result.refusal, { values: posted });
  return redirect(`${here}?saved=${intent === "submit" ? "submitted" : "draft"}`);
}

const BANNERS: Record<string, string> = {
  draft: "Your draft has been saved.",
  submitted: "Your report has been submitted. The fund team will read it and let you know by email.",
  document: "The document has been added to your report.",
  removed: "The document has been removed from your report.",
};

/** A text value of the posted or stored form, by its dotted name. */
function valueAt(values: FormObject, path: string): string {
  let node: unknown = values;
  for (const key of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === "string" ? node : "";
}

export default function MonitoringReport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { report, bid, outcomes, budgetLines } = page;
  const values = (actionData?.values ?? page.values) as FormObject;
  const schemas = useMemo(
    () => ({ save: reportSchema(outcomes, budgetLines, "save"), submit: reportSchema(outcomes, budgetLines, "submit") }),
    [outcomes, budgetLines],
  );
  const form = useGovukForm((submitter) => schemas[reportIntent(submitter?.value)], { serverErrors: actionData?.errors as FieldErrors | undefined });
  const { register, onSubmit } = form;
  const errors = inFieldOrder(form.errors, [...reportFieldOrder(outcomes, budgetLines), "document"]);
  const saved = search.get("saved");
  const field = (name: string) => ({ ...register(name as never), id: fieldId(name), error: errors[name], defaultValue: valueAt(values, name) });
  return (
    <PageColumn>
      <BackLink to={`/applicant/bids/${bid.id}/outcome`}>Back to your award</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={saved && !actionData ? BANNERS[saved] : null} />
      <span className="govuk-caption-l">
        {bid.reference ? `${bid.reference}: ` : ""}
        {bid.title}
      </span>
      <h1 className="govuk-heading-l">{report.title}</h1>
      <SummaryList>
        <SummaryRow label="Organisation">{bid.organisationName}</SummaryRow>
        <ReportDueRow dueAt={report.dueAt} overdue={report.overdue} />
        <SummaryRow label="Status">
          {reportStatusLabel(report.status)}
          {report.submittedAt && !report.editable ? `, ${formatDate(report.submittedAt)}` : ""}
        </SummaryRow>
      </SummaryList>
      {report.reviewComment && (report.status === "changes_requested" || report.status === "accepted") ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">{report.status === "accepted" ? "Comment from the fund team" : "The fund team has asked for changes"}</h2>
          <p className="govuk-body">{report.reviewComment}</p>
        </div>
      ) : null}

      {!report.editable ? (
        <>
          <p className="govuk-body">
            {report.status === "accepted"
              ? "The fund team has accepted this report."
              : report.status === "submitted"
                ? "You have submitted this report. You cannot change it unless the fund team asks for changes."
                : "This report cannot be changed now."}
          </p>
          <ReportAnswersView answers={page.answers} forUploader documentHref={(id) => `/applicant/bids/${bid.id}/reports/${report.id}/documents/${id}`} />
        </>
      ) : (
        <>
          <p className="govuk-body">
            Tell us what the project has achieved and spent so far. You can save a draft and come back to it. Every answer is needed before you submit.
          </p>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <h2 className="govuk-heading-m">Outcomes</h2>
            {outcomes.map((o, index) => (
              <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={o.id}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Outcome {index + 1}: {o.outcome}
                </legend>
                <p className="govuk-body">
                  Measured by: {o.indicator}
                  <br />
                  Target: {o.target}
                </p>
                <TextInput
                  {...field(`outcomes.${o.id}.achieved`)}
                  label={`Achieved so far for outcome ${index + 1}`}
                  hint="A whole number, in the same measure as the target"
                  inputMode="numeric"
                  widthClass="govuk-input--width-10"
                />
                <Textarea
                  {...field(`outcomes.${o.id}.commentary`)}
                  label={`Commentary on outcome ${index + 1}`}
                  hint="How you know, and anything that explains the figure"
                  rows={3}
                />
              </fieldset>
            ))}
            <h2 className="govuk-heading-m">Spending</h2>
            {budgetLines.map((line, index) => (
              <TextInput
                key={line.id}
                {...field(`spent.${line.id}`)}
                label={`Spent so far on budget line ${index + 1}: ${line.item}`}
                hint={`Planned: ${formatPounds(line.costPence)}`}
                prefix="£"
                widthClass="govuk-input--width-10"
              />
            ))}
            <h2 className="govuk-heading-m">How the project is going</h2>
            <Textarea {...field("progress")} label="Progress" hint="What the project has done so far, and the difference it has made" rows={6} />
            <Textarea {...field("challenges")} label="Challenges" hint="What has not gone to plan, and what you have learnt. Say if there were none" rows={6} />
            <div className="govuk-button-group">
              <Button name="intent" value="submit">
                Submit report
              </Button>
              <Button secondary name="intent" value="save">
                Save as draft
              </Button>
            </div>
          </Form>

          <h2 className="govuk-heading-m" id="documents">
            Supporting documents (optional)
          </h2>
          <p className="govuk-body">Save your answers as a draft before you add or remove a document: unsaved answers are not kept.</p>
          {page.answers.documents.length === 0 ? (
            <p className="govuk-body">No documents added yet.</p>
          ) : (
            <SummaryList withActions>
              {page.answers.documents.map((d) => (
                <SummaryRow
                  key={d.id}
                  label={
                    <DocumentFile
                      href={`/applicant/bids/${bid.id}/reports/${report.id}/documents/${d.id}`}
                      name={d.originalName}
                      scanStatus={d.scanStatus}
                      forUploader
                    />
                  }
                  action={
                    <Form method="post">
                      <input type="hidden" name="documentId" value={d.id} />
                      <button type="submit" name="intent" value="remove-document" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        Remove<span className="govuk-visually-hidden"> {d.originalName}</span>
                      </button>
                    </Form>
                  }
                >
                  {formatFileSize(d.sizeBytes)}
                </SummaryRow>
              ))}
            </SummaryList>
          )}
          <Form method="post" encType="multipart/form-data" noValidate>
            <FileUpload
              name="document"
              label="Add a document"
              hint={
                <>
                  {ACCEPTED_TYPES_TEXT}, smaller than {formatFileSize(bid.maxDocumentBytes)}; up to {MAX_REPORT_DOCUMENTS} documents
                </>
              }
              error={errors.document}
              accept={ACCEPT_ATTRIBUTE}
            />
            <Button secondary>Upload document</Button>
          </Form>
        </>
      )}
    </PageColumn>
  );
}
