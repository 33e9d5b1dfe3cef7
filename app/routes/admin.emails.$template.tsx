import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { EmailText } from "~/components/email/email-text";
import { requirePermission } from "~/web/guards.server";
import { renderEmailPreview } from "~/domain/email/previews.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "preview:email");
  const preview = await renderEmailPreview(params.template ?? "");
  if (!preview) throw new Response("Not found", { status: 404 });
  return { name: preview.name, title: preview.title, sentWhen: preview.sentWhen, subject: preview.subject, text: preview.text };
}

export default function EmailPreview() {
  const preview = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title={`${preview.title} email`} />
      <Link to="/admin/emails" className="govuk-back-link">
        Back to email templates
      </Link>
      <span className="govuk-caption-l">Email template</span>
      <h1 className="govuk-heading-l">{preview.title}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sent when</dt>
          <dd className="govuk-summary-list__value">{preview.sentWhen}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Subject</dt>
          <dd className="govuk-summary-list__value">{preview.subject}</dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">Message, with sample details</h2>
      <p className="govuk-body">
        <a className="govuk-link" href={`/admin/emails/${preview.name}/html`}>
          See the HTML version
        </a>
      </p>
      <EmailText text={preview.text} />
    </>
  );
}
