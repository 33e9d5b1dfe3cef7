import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/web/guards.server";
import { listEmailTemplates } from "~/domain/email/previews.server";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";

export const meta = titleMeta("Email templates");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "preview:email");
  return { templates: listEmailTemplates() };
}

export default function EmailTemplates() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Email templates</h1>
      <p className="govuk-body">Every email the portal sends, shown with made-up sample details.</p>
      <SummaryList>
        {templates.map((t) => (
          <SummaryRow
            key={t.name}
            label={
              <>
                <Link className="govuk-link" to={`/admin/emails/${t.name}`}>
                  {t.title}
                </Link>
              </>
            }
          >
            Sent when: {t.sentWhen}
          </SummaryRow>
        ))}
      </SummaryList>
    </>
  );
}
