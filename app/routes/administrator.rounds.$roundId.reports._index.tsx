// A round's monitoring reports for the fund administrator: filtered by state or to the overdue
import { Pagination } from "~/components/govuk/pagination";
// ones, earliest due first, a page at a time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/govuk/fields";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { REPORT_STATUSES, reportStatusLabel } from "~/domain/monitoring/report-status";
import { listRoundReports, reportFilter } from "~/domain/monitoring/reports-list.server";
import { formatDate } from "~/lib/dates";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { SelectField } from "~/components/lists/list-filters";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.page > 1 ? `Monitoring reports (page ${data.page} of ${data.pageCount})` : "Monitoring reports",
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const url = new URL(request.url);
  const filter = reportFilter(url.searchParams.get("status"));
  const page = Number(url.searchParams.get("page") ?? "1");
  const list = orNotFound(await listRoundReports(params.roundId ?? "", { filter, page }, new Date()), "Round not found");
  return { ...list, filter };
}

const FILTERS = [
  { value: "all", text: "All reports" },
  { value: "overdue", text: "Overdue" },
  ...REPORT_STATUSES.map((status) => ({ value: status, text: reportStatusLabel(status) })),
];

export default function RoundReports() {
  const { round, reports, total, overdue, page, pageCount, filter } = useLoaderData<typeof loader>();
  const pageHref = (n: number) => `?${new URLSearchParams({ ...(filter === "all" ? {} : { status: filter }), page: String(n) })}`;
  return (
    <PageColumn width="full">
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Monitoring reports</h1>
      {overdue > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {overdue === 1 ? "1 report is overdue." : `${overdue} reports are overdue.`}{" "}
            {filter !== "overdue" ? (
              <Link className="govuk-link" to="?status=overdue">
                Show overdue reports
              </Link>
            ) : null}
          </strong>
        </div>
      ) : null}
      <ParagraphLink to={`/administrator/rounds/${round.id}/monitoring`}>Change the report schedule for this round</ParagraphLink>
      <Form method="get" className="app-filter">
        <SelectField name="status" id="status" label="Show" value={filter} options={FILTERS} />
        <Button secondary>Apply filter</Button>
      </Form>
      {reports.length === 0 ? (
        <p className="govuk-body">
          {filter === "all"
            ? "No monitoring reports are owed in this round yet. Reports are created when an organisation accepts its award."
            : "No reports match this filter."}
        </p>
      ) : (
        <Table
          caption={`${total} ${total === 1 ? "report" : "reports"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}`}
          captionSize="s"
          head={["Report", "Organisation", "Bid", "Due", "Status"]}
        >
          {reports.map((r) => (
            <TableRow key={r.id}>
              <TableRowHeader>
                <Link className="govuk-link" to={`/administrator/rounds/${round.id}/reports/${r.id}`}>
                  {r.title}
                  <span className="govuk-visually-hidden"> from {r.organisationName}</span>
                </Link>
              </TableRowHeader>
              <TableCell>{r.organisationName}</TableCell>
              <TableCell>
                {r.bidReference ? `${r.bidReference}: ` : ""}
                {r.bidTitle}
              </TableCell>
              <TableCell>{formatDate(r.dueAt)}</TableCell>
              <TableCell>
                {r.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null} {reportStatusLabel(r.status)}
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageHref} label="Pages of reports" />
    </PageColumn>
  );
}
