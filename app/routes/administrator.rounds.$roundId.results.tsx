import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { loadRoundResults } from "~/domain/assessment/results.server";
import { RESULT_BANDS, RESULT_FLAGS, type ResultsFilters } from "~/domain/assessment/list-filters";
import { choice, listHref, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import { Pagination } from "~/components/govuk/pagination";
import { requirePermission } from "~/web/guards.server";
import { formatPounds } from "~/lib/money";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.window.page > 1 ? `Scores and ranking (page ${data.window.page} of ${data.window.pageCount})` : "Scores and ranking",
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "moderate:score");
  const search = new URL(request.url).searchParams;
  const filters: ResultsFilters = {
    q: searchText(search.get("q")),
    band: choice(search.get("band"), RESULT_BANDS),
    flag: choice(search.get("flag"), RESULT_FLAGS),
  };
  const results = await loadRoundResults(params.roundId ?? "", filters, requestedPage(search.get("page")));
  if (!results) throw new Response("Round not found", { status: 404 });
  return { ...results, filters };
}

const BAND_OPTIONS = [
  { value: "meets_threshold", text: "Meets the quality threshold" },
  { value: "below_threshold", text: "Below the quality threshold" },
  { value: "not_scored", text: "Not scored yet" },
];

const FLAG_OPTIONS = [
  { value: "needs_moderation", text: "Needs moderation" },
  { value: "needs_reassignment", text: "Needs another assessor" },
  { value: "assessments_outstanding", text: "Assessments to come" },
];

export default function RoundResults() {
  const results = useLoaderData<typeof loader>();
  const { round, rows, window, filters } = results;
  const filtered = Boolean(filters.q || filters.band || filters.flag);
  // The quality line is drawn where it falls in the whole ranking, when this page holds it.
  const lineAt = filtered ? -1 : results.rowsAboveThreshold - window.skip;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to="/administrator" className="govuk-back-link">
          Back to fund administration
        </Link>
        <span className="govuk-caption-l">{round.name}</span>
        <h1 className="govuk-heading-l">Scores and ranking</h1>
        <SummaryList>
          <SummaryRow label="Pot">{formatPounds(results.potPence)}</SummaryRow>
          <SummaryRow label="Quality threshold">{`${results.qualityThresholdPercent}%`}</SummaryRow>
          <SummaryRow label="Requested by bids at or above the threshold">{formatPounds(results.totalRequestedAboveThresholdPence)}</SummaryRow>
          <SummaryRow label="How ties are broken">{results.tieBreakRule}</SummaryRow>
        </SummaryList>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/administrator/rounds/${round.id}/assignments`}>
            Assign assessors
          </Link>
        </p>
        <ListFilters legend="Find bids" clearHref={`/administrator/rounds/${round.id}/results`}>
          <SearchField label="Reference, title or organisation" value={filters.q} />
          <SelectField name="band" label="Score" anyLabel="Any score" value={filters.band} options={BAND_OPTIONS} />
          <SelectField name="flag" label="Needs attention" anyLabel="Any bid" value={filters.flag} options={FLAG_OPTIONS} />
        </ListFilters>
        {rows.length === 0 ? (
          <p className="govuk-body">{results.rankedBids === 0 ? "There are no bids being assessed in this round yet." : "No bids match."}</p>
        ) : (
          <Table
            caption={`Bids by weighted score: ${showingText(window, { one: "bid", many: "bids" }).replace(/^S/, "s")}`}
            head={["Rank", "Bid", { text: "Score", numeric: true }, "Flags", { text: "Requested", numeric: true }, { text: "Running total", numeric: true }]}
          >
            {rows.map((row, index) => (
              <Fragment key={row.bidId}>
                {index === lineAt ? (
                  <TableRow className="app-threshold-line">
                    <TableCell colSpan={6}>
                      <strong>{`Quality threshold (${results.qualityThresholdPercent}%): bids below this line do not meet it`}</strong>
                    </TableCell>
                  </TableRow>
                ) : null}
                <TableRow>
                  <TableCell>{row.rank ?? "–"}</TableCell>
                  <TableCell>
                    <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${row.bidId}`}>
                      {row.reference}
                    </Link>
                    <br />
                    {row.title}
                    {row.decidedByText ? <span className="govuk-hint govuk-!-margin-bottom-0">{`Below the bid above: ${row.decidedByText}`}</span> : null}
                  </TableCell>
                  <TableCell numeric>{row.scoreText}</TableCell>
                  <TableCell>
                    {row.needsModeration ? <strong className="govuk-tag govuk-tag--red">Needs moderation</strong> : null}{" "}
                    {row.needsReassignment ? <strong className="govuk-tag govuk-tag--orange">Needs another assessor</strong> : null}{" "}
                    {row.assessmentsOutstanding > 0 ? (
                      <strong className="govuk-tag govuk-tag--grey">{`${row.assessmentsOutstanding} ${row.assessmentsOutstanding === 1 ? "assessment" : "assessments"} to come`}</strong>
                    ) : null}
                  </TableCell>
                  <TableCell numeric>{formatPounds(row.amountRequestedPence)}</TableCell>
                  <TableCell numeric>
                    {formatPounds(row.runningTotalRequestedPence)}
                    {row.withinPot ? null : <span className="govuk-hint govuk-!-margin-bottom-0">More than the pot</span>}
                  </TableCell>
                </TableRow>
              </Fragment>
            ))}
            {!filtered && results.rowsAboveThreshold === window.total && window.page === window.pageCount ? (
              <TableRow className="app-threshold-line">
                <TableCell colSpan={6}>
                  <strong>{`Quality threshold (${results.qualityThresholdPercent}%): every bid above meets it`}</strong>
                </TableCell>
              </TableRow>
            ) : null}
          </Table>
        )}
        <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of the ranking" />
      </div>
    </div>
  );
}
