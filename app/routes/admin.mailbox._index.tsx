import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/web/guards.server";
import { listMailbox } from "~/domain/email/outbox-admin.server";
import { formatDateTime } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { EmailLink } from "~/components/email/email-link";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";

export const meta = titleMeta("Demo mailbox");

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
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Demo mailbox</h1>
      {mailServerSet ? (
        <p className="govuk-body">
          The portal sends email through a mail server, so new emails do not arrive here. Emails below were delivered here before the mail server was set up.
        </p>
      ) : (
        <p className="govuk-body">
          No mail server is set up (SMTP_URL), so the portal delivers every email here instead of sending it. Use this to see what applicants, assessors and
          staff would receive. A live service must set a mail server: everything here, including password reset links, can be read by admins.
        </p>
      )}
      {emails.length === 0 ? (
        <p className="govuk-body">The mailbox is empty.</p>
      ) : (
        <Table label="Delivered emails" head={["Subject", "To", "Delivered"]}>
          {emails.map((e) => (
            <TableRow key={e.id}>
              <TableCell>
                <EmailLink email={e} />
              </TableCell>
              <TableCell>{e.toAddress}</TableCell>
              <TableCell>{e.sent}</TableCell>
            </TableRow>
          ))}
        </Table>
      )}
    </>
  );
}
