import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { requirePermission } from "~/web/guards.server";
import { listMailbox } from "~/domain/email/outbox-admin.server";
import { formatDateTime } from "~/lib/dates";
import { env } from "~/lib/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mailbox");
  const emails = await listMailbox();
  return {
    mailServerSet: Boolean(env().SMTP_URL),
    emails: emails.map((e) => ({ id: e.id, toAddress: e.toAddress, subject: e.subject, sent: e.sentAt ? formatDateTime(e.sentAt) : "" })),
  };
}

export default function Mailbox() {
  const { emails, mailServerSet } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title="Demo mailbox" />
      <Link to="/admin" className="govuk-back-link">
        Back to admin
      </Link>
      <h1 className="govuk-heading-l">Demo mailbox</h1>
      {mailServerSet ? (
        <p className="govuk-body">
          The portal sends email through a mail server, so new emails do not arrive here. Emails below were delivered here
          before the mail server was set up.
        </p>
      ) : (
        <p className="govuk-body">
          No mail server is set up (SMTP_URL), so the portal delivers every email here instead of sending it. Use this to see
          what applicants, assessors and staff would receive. A live service must set a mail server: everything here,
          including password reset links, can be read by admins.
        </p>
      )}
      {emails.length === 0 ? (
        <p className="govuk-body">The mailbox is empty.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Emails in the demo mailbox, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Subject</th>
              <th scope="col" className="govuk-table__header">To</th>
              <th scope="col" className="govuk-table__header">Delivered</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {emails.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/outbox/${e.id}`}>
                    {e.subject}
                  </Link>
                </td>
                <td className="govuk-table__cell">{e.toAddress}</td>
                <td className="govuk-table__cell">{e.sent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
