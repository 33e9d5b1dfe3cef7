import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OutboxStatusTag, outboxStatusLabel } from "~/components/email/outbox-status-tag";
import { requirePermission } from "~/web/guards.server";
import { listOutbox } from "~/domain/email/outbox-admin.server";
import { isOutboxStatus, OUTBOX_STATUSES } from "~/domain/email/outbox-status";
import { formatDateTime } from "~/lib/dates";
import { listHref, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { Pagination } from "~/components/govuk/pagination";
import { EmailLink } from "~/components/email/email-link";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";

export const meta = titleMeta<typeof loader>(({ data }) => (data.status ? `Email outbox: ${outboxStatusLabel(data.status).toLowerCase()}` : "Email outbox"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const search = new URL(request.url).searchParams;
  const wanted = search.get("status");
  const status = isOutboxStatus(wanted) ? wanted : undefined;
  const q = searchText(search.get("q"));
  const { emails, counts, window } = await listOutbox({ status, q }, requestedPage(search.get("page")));
  return {
    status: status ?? null,
    q,
    counts,
    window,
    emails: emails.map((e) => ({
      id: e.id,
      toAddress: e.toAddress,
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      lastError: e.lastError,
      created: formatDateTime(e.createdAt),
      nextAttempt: e.status === "pending" ? formatDateTime(e.nextAttemptAt) : null,
    })),
  };
}

export default function Outbox() {
  const { status, q, counts, window, emails } = useLoaderData<typeof loader>();
  const filters = { status: status ?? "", q };
  const heading = status ? `Email outbox: ${outboxStatusLabel(status).toLowerCase()}` : "Email outbox";
  return (
    <>
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">
        Every email the portal sends waits here until it has been delivered. If the mail server is down, emails wait and are tried again later. An email that
        still fails after several tries is marked failed: check the error, then send it again.
      </p>
      <nav aria-label="Filter by status">
        <ul className="govuk-list">
          <li>
            {status ? (
              <Link className="govuk-link" to="/admin/outbox">
                All emails
              </Link>
            ) : (
              <strong>All emails</strong>
            )}
          </li>
          {OUTBOX_STATUSES.map((s) => (
            <li key={s}>
              {s === status ? (
                <strong>{`${outboxStatusLabel(s)} (${counts[s]})`}</strong>
              ) : (
                <Link className="govuk-link" to={`/admin/outbox?status=${s}`}>
                  {`${outboxStatusLabel(s)} (${counts[s]})`}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="app-list-filters">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Email address the message went to
          </label>
          <input className="govuk-input govuk-!-width-one-half" id="q" name="q" type="search" spellCheck={false} defaultValue={q} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </Form>
      {emails.length === 0 ? (
        <p className="govuk-body">
          There are no emails{status ? " with this status" : ""}
          {q ? " to this address" : ""}.
        </p>
      ) : (
        <Table
          caption={`Newest first: ${showingText(window, { one: "email", many: "emails" }).replace(/^S/, "s")}`}
          head={["Email", "Status", { text: "Attempts", numeric: true }, "Last error", { text: <span className="govuk-visually-hidden">Action</span> }]}
        >
          {emails.map((e) => (
            <TableRow key={e.id}>
              <TableCell>
                <EmailLink email={e} />
                <br />
                <span className="govuk-body-s">
                  To {e.toAddress}, queued {e.created}
                </span>
              </TableCell>
              <TableCell>
                <OutboxStatusTag status={e.status} />
                {e.nextAttempt && e.attempts > 0 ? <span className="govuk-body-s"> next try {e.nextAttempt}</span> : null}
              </TableCell>
              <TableCell numeric>{e.attempts}</TableCell>
              <TableCell className="govuk-body-s">{e.lastError ?? ""}</TableCell>
              <TableCell>
                {e.status === "failed" ? (
                  <Form method="post" action={`/admin/outbox/${e.id}`}>
                    <input type="hidden" name="intent" value="retry" />
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      Send again<span className="govuk-visually-hidden">: {e.subject}</span>
                    </button>
                  </Form>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of the outbox" />
    </>
  );
}
