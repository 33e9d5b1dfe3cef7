import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { requirePermission } from "~/web/guards.server";
import { listEmailTemplates } from "~/domain/email/previews.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "preview:email");
  return { templates: listEmailTemplates() };
}

export default function EmailTemplates() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title="Email templates" />
      <Link to="/admin" className="govuk-back-link">
        Back to admin
      </Link>
      <h1 className="govuk-heading-l">Email templates</h1>
      <p className="govuk-body">Every email the portal sends, shown with made-up sample details.</p>
      <dl className="govuk-summary-list">
        {templates.map((t) => (
          <div className="govuk-summary-list__row" key={t.name}>
            <dt className="govuk-summary-list__key">
              <Link className="govuk-link" to={`/admin/emails/${t.name}`}>
                {t.title}
              </Link>
            </dt>
            <dd className="govuk-summary-list__value">Sent when: {t.sentWhen}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
