import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { loadBidHistory } from "~/domain/assessment/results.server";
import { requirePermission } from "~/web/guards.server";
import { formatDateTime } from "~/lib/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bid:any");
  const history = await loadBidHistory(params.roundId ?? "", params.bidId ?? "");
  if (!history) throw new Response("Bid not found", { status: 404 });
  return { roundId: params.roundId ?? "", ...history };
}

export default function BidHistory() {
  const { roundId, bid, events } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <DocumentTitle title={`History of ${bid.reference}`} />
      <div className="govuk-grid-column-full">
        <Link to={`/administrator/rounds/${roundId}/bids/${bid.id}`} className="govuk-back-link">
          Back to the bid’s scores
        </Link>
        <span className="govuk-caption-l">{bid.roundName}</span>
        <h1 className="govuk-heading-l">{`History of ${bid.reference}: ${bid.title}`}</h1>
        {events.length === 0 ? (
          <p className="govuk-body">Nothing has been recorded for this bid yet.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Everything recorded, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">When</th>
                <th scope="col" className="govuk-table__header">Who</th>
                <th scope="col" className="govuk-table__header">What</th>
                <th scope="col" className="govuk-table__header">Details</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {events.map((e) => (
                <tr className="govuk-table__row" key={e.id}>
                  <td className="govuk-table__cell">{formatDateTime(e.createdAt)}</td>
                  <td className="govuk-table__cell">{e.actorName}</td>
                  <td className="govuk-table__cell">
                    {e.action} {e.outcome === "refused" ? <strong className="govuk-tag govuk-tag--red">Refused</strong> : null}
                  </td>
                  <td className="govuk-table__cell app-audit-details">
                    {e.before ? <p className="govuk-body-s govuk-!-margin-bottom-1">{`Before: ${e.before}`}</p> : null}
                    {e.after ? <p className="govuk-body-s govuk-!-margin-bottom-1">{`After: ${e.after}`}</p> : null}
                    {e.details ? <p className="govuk-body-s govuk-!-margin-bottom-0">{`Details: ${e.details}`}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
