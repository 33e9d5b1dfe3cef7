import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { DocumentTitle } from "~/components/document-title";
import { loadRoundResults } from "~/domain/assessment/results.server";
import { requirePermission } from "~/web/guards.server";
import { formatPounds } from "~/lib/money";

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
      <DocumentTitle title="Scores and ranking" />
      <div className="govuk-grid-column-full">
        <Link to="/administrator" className="govuk-back-link">
          Back to fund administration
        </Link>
        <span className="govuk-caption-l">{round.name}</span>
        <h1 className="govuk-heading-l">Scores and ranking</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Pot</dt>
            <dd className="govuk-summary-list__value">{formatPounds(results.potPence)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Quality threshold</dt>
            <dd className="govuk-summary-list__value">{`${results.qualityThresholdPercent}%`}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Requested by bids at or above the threshold</dt>
            <dd className="govuk-summary-list__value">{formatPounds(results.totalRequestedAboveThresholdPence)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">How ties are broken</dt>
            <dd className="govuk-summary-list__value">{results.tieBreakRule}</dd>
          </div>
        </dl>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/administrator/rounds/${round.id}/assignments`}>
            Assign assessors
          </Link>
        </p>
        {rows.length === 0 ? (
          <p className="govuk-body">There are no bids being assessed in this round yet.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Bids by weighted score</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Rank</th>
                <th scope="col" className="govuk-table__header">Bid</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score</th>
                <th scope="col" className="govuk-table__header">Flags</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Requested</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Running total</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row, index) => (
                <Fragment key={row.bidId}>
                  {index === results.rowsAboveThreshold ? (
                    <tr className="govuk-table__row app-threshold-line">
                      <td className="govuk-table__cell" colSpan={6}>
                        <strong>{`Quality threshold (${results.qualityThresholdPercent}%): bids below this line do not meet it`}</strong>
                      </td>
                    </tr>
                  ) : null}
                  <tr className="govuk-table__row">
                    <td className="govuk-table__cell">{row.rank ?? "–"}</td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${row.bidId}`}>
                        {row.reference}
                      </Link>
                      <br />
                      {row.title}
                      {row.decidedByText ? <span className="govuk-hint govuk-!-margin-bottom-0">{`Below the bid above: ${row.decidedByText}`}</span> : null}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.scoreText}</td>
                    <td className="govuk-table__cell">
                      {row.needsModeration ? <strong className="govuk-tag govuk-tag--red">Needs moderation</strong> : null}{" "}
                      {row.needsReassignment ? <strong className="govuk-tag govuk-tag--orange">Needs another assessor</strong> : null}{" "}
                      {row.assessmentsOutstanding > 0 ? (
                        <strong className="govuk-tag govuk-tag--grey">{`${row.assessmentsOutstanding} ${row.assessmentsOutstanding === 1 ? "assessment" : "assessments"} to come`}</strong>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(row.amountRequestedPence)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {formatPounds(row.runningTotalRequestedPence)}
                      {row.withinPot ? null : <span className="govuk-hint govuk-!-margin-bottom-0">More than the pot</span>}
                    </td>
                  </tr>
                </Fragment>
              ))}
              {results.rowsAboveThreshold === rows.length ? (
                <tr className="govuk-table__row app-threshold-line">
                  <td className="govuk-table__cell" colSpan={6}>
                    <strong>{`Quality threshold (${results.qualityThresholdPercent}%): every bid above meets it`}</strong>
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
