import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { loadRoundResults } from "~/domain/assessment/results.server";
import { requirePermission } from "~/web/guards.server";
import { formatPounds } from "~/lib/money";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Scores and ranking");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "moderate:score");
  const results = await loadRoundResults(params.roundId ?? "");
  if (!results) throw new Response("Round not found", { status: 404 });
  return results;
}

export default function RoundResults() {
  const results = useLoaderData<typeof loader>();
  const { round, rows } = results;
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
        {rows.length === 0 ? (
          <p className="govuk-body">There are no bids being assessed in this round yet.</p>
        ) : (
          <Table
            caption="Bids by weighted score"
            head={["Rank", "Bid", { text: "Score", numeric: true }, "Flags", { text: "Requested", numeric: true }, { text: "Running total", numeric: true }]}
          >
            {rows.map((row, index) => (
              <Fragment key={row.bidId}>
                {index === results.rowsAboveThreshold ? (
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
            {results.rowsAboveThreshold === rows.length ? (
              <TableRow className="app-threshold-line">
                <TableCell colSpan={6}>
                  <strong>{`Quality threshold (${results.qualityThresholdPercent}%): every bid above meets it`}</strong>
                </TableCell>
              </TableRow>
            ) : null}
          </Table>
        )}
      </div>
    </div>
  );
}
