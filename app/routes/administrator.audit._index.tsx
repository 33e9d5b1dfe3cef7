import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditQuery, readAuditFilters } from "~/domain/audit/audit-filters";
import { AUDIT_PAGE_SIZE, auditLogPage, roundsForAuditFilter } from "~/domain/audit/audit-log.server";
import { roleHome } from "~/domain/auth/roles";
import { requirePermission } from "~/web/guards.server";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { ErrorMessage, Hint } from "~/components/govuk/fields";
import { Pagination } from "~/components/govuk/pagination";
import { AuditDetailsCell } from "~/components/lists/audit-details-cell";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { SelectField } from "~/components/lists/list-filters";

export const meta = titleMeta<typeof loader>(({ data }) => ({
  title: data.pageCount > 1 ? `Audit log (page ${data.page} of ${data.pageCount})` : "Audit log",
  errors: data.errors,
}));

// Fund administrators and admins (both hold read:audit): the trail covers rounds and accounts alike.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  const params = new URL(request.url).searchParams;
  const { values, filters, errors } = readAuditFilters(params);
  const [rounds, log] = await Promise.all([roundsForAuditFilter(), auditLogPage(filters, Number(params.get("page") ?? "1"))]);
  // Subjects link to the fund administration pages, which only fund administrators may open.
  const linksSubjects = user.role === "fund_administrator";
  return {
    home: roleHome(user.role),
    pageSize: AUDIT_PAGE_SIZE,
    values,
    errors,
    rounds,
    ...log,
    events: log.events.map((e) => ({ ...e, subject: { label: e.subject.label, href: linksSubjects ? e.subject.href : null } })),
  };
}

const OUTCOMES = [
  { value: "allowed", text: "Allowed" },
  { value: "refused", text: "Refused" },
];

function Field({
  name,
  label,
  hint,
  error,
  value,
  type = "text",
  width,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  type?: string;
  width: string;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`govuk-input ${width}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        aria-describedby={describedBy}
        spellCheck={false}
      />
    </div>
  );
}

export default function AuditLog() {
  const { home, pageSize, values, errors, rounds, events, total, page, pageCount } = useLoaderData<typeof loader>();
  const hrefFor = (n: number) => `/administrator/audit${auditQuery(values, n > 1 ? { page: String(n) } : {})}`;
  const first = (page - 1) * pageSize + 1;
  return (
    <>
      <BackLink to={home}>Back to your home page</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Everything people did in the portal, and every attempt that was refused, newest first. A round’s events are those about the round itself and about its
        bids, awards and monitoring reports; a bid’s are those about the bid, its award and its reports.
      </p>
      <Form method="get" action="/administrator/audit" className="app-audit-filters">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Filter the log</legend>
          <SelectField
            name="round"
            id="round"
            label="Round"
            value={values.round}
            anyLabel="All rounds"
            options={rounds.map((r) => ({ value: r.id, text: r.name }))}
          />
          <Field name="bid" label="Bid reference" hint="For example, CSF-2526-R1-0001" value={values.bid} width="govuk-input--width-20" />
          <Field name="user" label="Who (email address or part of a name)" value={values.user} width="govuk-input--width-20" />
          <Field
            name="action"
            label="Action"
            hint="The start of an action is enough: ‘export.’ finds every export"
            value={values.action}
            width="govuk-input--width-20"
          />
          <SelectField name="outcome" id="outcome" label="Outcome" value={values.outcome} anyLabel="Allowed or refused" options={OUTCOMES} />
          <Field
            name="from"
            label="From (UK date)"
            hint="For example, 2026-03-27"
            type="date"
            error={errors.from}
            value={values.from}
            width="govuk-input--width-10"
          />
          <Field
            name="to"
            label="To (UK date, included)"
            hint="For example, 2026-03-31"
            type="date"
            error={errors.to}
            value={values.to}
            width="govuk-input--width-10"
          />
        </fieldset>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Apply filters
          </button>
          <Link className="govuk-link" to="/administrator/audit">
            Clear filters
          </Link>
        </div>
      </Form>
      <p className="govuk-body">
        <a className="govuk-link" href={`/administrator/audit/export${auditQuery(values)}`} download>
          Download these events (CSV)
        </a>
      </p>
      {events.length === 0 ? (
        <p className="govuk-body">No events match these filters.</p>
      ) : (
        <Table
          caption={`${total} ${total === 1 ? "event" : "events"}${pageCount > 1 ? `, showing ${first} to ${first + events.length - 1}` : ""}`}
          head={["When (UK time)", "Who", "Action", "Subject", "Details"]}
        >
          {events.map((e) => (
            <TableRow key={e.id}>
              <TableCell>
                <time dateTime={e.at}>{e.time}</time>
              </TableCell>
              <TableCell>
                {e.actor ? (
                  <>
                    {e.actor.name}
                    <br />
                    <span className="govuk-body-s">{e.actor.email}</span>
                  </>
                ) : (
                  "System"
                )}
              </TableCell>
              <TableCell>
                {e.action}{" "}
                {e.outcome === "refused" ? (
                  <strong className="govuk-tag govuk-tag--red">Refused</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--green">Allowed</strong>
                )}
              </TableCell>
              <TableCell>
                {e.subject.href ? (
                  <Link className="govuk-link" to={e.subject.href}>
                    {e.subject.label}
                  </Link>
                ) : (
                  e.subject.label
                )}
              </TableCell>
              <AuditDetailsCell event={e} />
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} href={hrefFor} label="Pages of the audit log" />
    </>
  );
}
