import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { EmailText } from "~/components/email/email-text";
import { OutboxStatusTag } from "~/components/email/outbox-status-tag";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { requirePermission } from "~/web/guards.server";
import { findOutboxEmail, retryFailedEmail } from "~/domain/email/outbox-admin.server";
import { formatDateTime } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => data.email.subject);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const email = await findOutboxEmail(params.emailId ?? "");
  if (!email) throw new Response("Not found", { status: 404 });
  // Only the demo mailbox shows what an email says: with a real mail server the outbox holds
  // other people's sign-in and invitation links, which an admin must not be able to use.
  const inMailbox = email.deliveredVia === "mailbox";
  return {
    retried: new URL(request.url).searchParams.has("retried"),
    email: {
      id: email.id,
      subject: email.subject,
      toAddress: email.toAddress,
      from: env().MAIL_FROM,
      template: email.template,
      status: email.status,
      attempts: email.attempts,
      lastError: email.lastError,
      messageId: email.messageId,
      deliveredVia: email.deliveredVia,
      created: formatDateTime(email.createdAt),
      sent: email.sentAt ? formatDateTime(email.sentAt) : null,
      nextAttempt: email.status === "pending" ? formatDateTime(email.nextAttemptAt) : null,
      text: inMailbox ? email.text : null,
      // Reset and invitation emails: the body held a live link and is cleared once sent (ADR 0018).
      oneTimeLink: email.carriesSecret,
      bodyCleared: email.bodyClearedAt !== null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "retry:outbox");
  const form = await request.formData();
  const id = params.emailId ?? "";
  if (form.get("intent") !== "retry") return data({ errors: { retry: "Choose an action" } }, { status: 400 });
  if (!(await findOutboxEmail(id))) throw new Response("Not found", { status: 404 });
  if (!(await retryFailedEmail(id, admin.id))) {
    return data({ errors: { retry: "This email has not failed, so it cannot be sent again" } }, { status: 400 });
  }
  return redirect(`/admin/outbox/${id}?retried=1`);
}

const VIA = { smtp: "Mail server (SMTP)", mailbox: "The portal's own mailbox" } as Record<string, string>;

export default function OutboxEmail() {
  const { email, retried } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <PageColumn width="full">
      <BackLink to={email.deliveredVia === "mailbox" ? "/admin/mailbox" : "/admin/outbox"}>
        {email.deliveredVia === "mailbox" ? "Back to the mailbox" : "Back to the outbox"}
      </BackLink>
      <ErrorSummary errors={errors} />
      {retried && !actionData ? <SuccessBanner message="The email is back in the queue and will be sent again shortly." /> : null}
      <span className="govuk-caption-l">Email</span>
      <h1 className="govuk-heading-l">{email.subject}</h1>
      <SummaryList>
        <SummaryRow label="Status">
          <OutboxStatusTag status={email.status} />
        </SummaryRow>
        <SummaryRow label="To">{email.toAddress}</SummaryRow>
        <SummaryRow label="From">{email.from}</SummaryRow>
        <SummaryRow label="Queued">{email.created}</SummaryRow>
        {email.sent ? <SummaryRow label="Sent">{email.sent}</SummaryRow> : null}
        {email.deliveredVia ? <SummaryRow label="Delivered through">{VIA[email.deliveredVia] ?? email.deliveredVia}</SummaryRow> : null}
        <SummaryRow label="Attempts">{email.attempts}</SummaryRow>
        {email.nextAttempt ? <SummaryRow label="Next try">{email.nextAttempt}</SummaryRow> : null}
        {email.lastError ? <SummaryRow label="Last error">{email.lastError}</SummaryRow> : null}
        <SummaryRow label="Template">{email.template}</SummaryRow>
        <SummaryRow label="Message-ID">{email.messageId}</SummaryRow>
      </SummaryList>
      {email.status === "failed" ? (
        <Form method="post" id="retry">
          <input type="hidden" name="intent" value="retry" />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Send again
          </button>
        </Form>
      ) : null}
      {email.text !== null ? (
        <>
          <h2 className="govuk-heading-m">Message</h2>
          <EmailText text={email.text} htmlHref={`/admin/outbox/${email.id}/html`} />
        </>
      ) : email.oneTimeLink ? (
        <>
          <h2 className="govuk-heading-m">Message</h2>
          <p className="govuk-body">
            {email.status === "sent" ? "A one-time link was sent" : "This email holds a one-time link"}. Only its recipient can see the link.
            {email.bodyCleared
              ? " The message was cleared from the portal after sending."
              : " The message will be cleared from the portal once it has been sent."}
          </p>
        </>
      ) : (
        <p className="govuk-body">The message itself is not shown here: it may hold sign-in or invitation links meant only for its recipient.</p>
      )}
    </PageColumn>
  );
}
