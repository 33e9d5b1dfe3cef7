import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { EmailText } from "~/components/email/email-text";
import { requirePermission } from "~/web/guards.server";
import { renderEmailPreview } from "~/domain/email/previews.server";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";

export const meta = titleMeta<typeof loader>(({ data }) => `${data.title} email`);

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
      <BackLink to="/admin/emails">Back to email templates</BackLink>
      <span className="govuk-caption-l">Email template</span>
      <h1 className="govuk-heading-l">{preview.title}</h1>
      <SummaryList>
        <SummaryRow label="Sent when">{preview.sentWhen}</SummaryRow>
        <SummaryRow label="Subject">{preview.subject}</SummaryRow>
      </SummaryList>
      <h2 className="govuk-heading-m">Message, with sample details</h2>
      <EmailText text={preview.text} htmlHref={`/admin/emails/${preview.name}/html`} />
    </>
  );
}
