import { formRulesFor } from "~/domain/bids/stored-form-rules";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplicantDocumentFile } from "~/components/bids/applicant-document-file";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Button, FileUpload, Radios } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { layoutBid } from "~/web/bid-section.server";
import { saveSection } from "~/domain/bids/bids.server";
import { sectionProblems } from "~/domain/bids/sections";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_TEXT, DOCUMENT_KINDS, documentKindLabel, formatFileSize, isDocumentKind } from "~/domain/documents/document-kinds";
import { addDocument, removeDocument } from "~/domain/documents/documents.server";
import { isMultipart, readDocumentUpload } from "~/web/multipart.server";
import type { FieldErrors } from "~/lib/form-errors";
import { textValue } from "~/lib/form-values";
import { readForm } from "~/web/parse-form.server";

export const meta = sectionMeta("Supporting documents");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId, "documents");
  return {
    bid: layoutBid(bid),
    documents: bid.documents.map(({ id, kind, originalName, sizeBytes, scanStatus }) => ({ id, kind, originalName, sizeBytes, scanStatus })),
    maxBytes: bid.round.maxDocumentBytes,
    kinds: formRulesFor(bid.amountRequestedPence, bid.round).documentKinds,
  };
}

const problem = (errors: FieldErrors, kind: string | null = null) => data({ errors, kind, frozen: false }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId, "documents");
  const here = `/applicant/bids/${bid.id}/documents`;

  if (isMultipart(request)) {
    // Read the whole upload first (within the size limit), so that any answer reaches the browser.
    const upload = await readDocumentUpload(request, { fileField: "document", maxFileBytes: bid.round.maxDocumentBytes });
    if (bid.status !== "draft") return frozenResponse();
    const kind = upload.fields.kind ?? "";
    if (!isDocumentKind(kind) || !formRulesFor(bid.amountRequestedPence, bid.round).documentKinds.includes(kind)) {
      return problem({ kind: "Select which document you are uploading", ...(upload.problem === "missing" ? { document: "Select a file to upload" } : {}) });
    }
    const added = await addDocument({ bidId: bid.id, viewer: user, kind, upload, maxBytes: bid.round.maxDocumentBytes });
    if (added.ok) return redirect(here);
    if (added.refusal.kind === "invalid") return problem(added.refusal.fieldErrors, kind);
    return afterSave(added, bid.id);
  }

  if (bid.status !== "draft") return frozenResponse();
  const form = await readForm(request);
  if (textValue(form, "intent") === "remove-document") {
    const removed = await removeDocument({ bidId: bid.id, documentId: textValue(form, "documentId"), viewer: user });
    return removed.ok ? redirect(here) : afterSave(removed, bid.id);
  }
  const missing = sectionProblems(bid, bid.round).documents;
  if (missing.length > 0) return problem({ document: missing.join(". ") });
  return afterSave(await saveSection({ bidId: bid.id, viewer: user, section: "documents", status: "completed" }), bid.id);
}

export default function SupportingDocuments() {
  const { bid, documents, maxBytes, kinds } = useLoaderData<typeof loader>();
  // Only the documents the round asks of this bid's band (ADR 0025).
  const asked = DOCUMENT_KINDS.filter((d) => (kinds as readonly string[]).includes(d.kind));
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as FieldErrors;
  const chosenKind = actionData && "kind" in actionData ? actionData.kind : null;
  return (
    <SectionLayout bid={bid} title="Supporting documents" errors={errors}>
      <p className="govuk-body">Upload your organisation&apos;s:</p>
      <ul className="govuk-list govuk-list--bullet">
        {asked.map((d) => (
          <li key={d.kind}>{d.lower}</li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Your documents</h2>
      <SummaryList withActions>
        {asked.map(({ kind, label }) => {
          const document = documents.find((d) => d.kind === kind);
          return (
            <SummaryRow
              key={kind}
              label={label}
              action={
                document ? (
                  <Form method="post">
                    <input type="hidden" name="documentId" value={document.id} />
                    <button type="submit" name="intent" value="remove-document" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      Remove<span className="govuk-visually-hidden"> {documentKindLabel(kind).toLowerCase()}</span>
                    </button>
                  </Form>
                ) : null
              }
            >
              {document ? (
                <>
                  <ApplicantDocumentFile bidId={bid.id} document={document} /> ({formatFileSize(document.sizeBytes)})
                </>
              ) : (
                "Not uploaded yet"
              )}
            </SummaryRow>
          );
        })}
      </SummaryList>

      <h2 className="govuk-heading-m">Upload a document</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <Radios
          name="kind"
          legend="Which document is this?"
          hint="A new file replaces the one you uploaded before"
          error={errors.kind}
          defaultValue={chosenKind ?? undefined}
          choices={asked.map((d) => ({ value: d.kind, label: d.label }))}
        />
        <FileUpload
          name="document"
          label="Upload a file"
          hint={
            <>
              {ACCEPTED_TYPES_TEXT}, smaller than {formatFileSize(maxBytes)}
            </>
          }
          error={errors.document}
          accept={ACCEPT_ATTRIBUTE}
        />
        <Button secondary>Upload file</Button>
      </Form>

      <Form method="post">
        <div className="govuk-button-group">
          <Button name="intent" value="save-and-continue">
            Save and continue
          </Button>
          <Link className="govuk-link" to={`/applicant/bids/${bid.id}`}>
            Come back later
          </Link>
        </div>
      </Form>
    </SectionLayout>
  );
}
