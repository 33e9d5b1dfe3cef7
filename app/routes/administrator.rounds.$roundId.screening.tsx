import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { loadScreeningList } from "~/domain/assessment/screening.server";
import { requirePermission } from "~/web/guards.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "screen:bid");
  const list = await loadScreeningList(params.roundId ?? "", new Date());
  if (!list) throw new Response("Round not found", { status: 404 });
  return list;
}

const DECISION: Record<string, { text: string; tag: string }> = {
  eligible: { text: "Eligible", tag: "govuk-tag--green" },
  ineligible: { text: "Not eligible", tag: "govuk-tag--red" },
};

export default function Screening() {
  const { round, bids } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const screened = search.get("screened");
  return (
    <div className="govuk-grid-row">
      <DocumentTitle title="Screen bids for eligibility" />
      <div className="govuk-grid-column-full">
        <Link to="/administrator" className="govuk-back-link">
          Back to fund administration
        </Link>
        {screened ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{`${screened} has been screened.`}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{round.name}</span>
        <h1 className="govuk-heading-l">Screen bids for eligibility</h1>
        {round.closed ? null : (
          <div className="govuk-inset-text">{`The round closes on ${formatDateTime(round.closesAt)}. You can screen bids after that.`}</div>
        )}
        {bids.length === 0 ? (
          <p className="govuk-body">No bids have been submitted to this round.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Submitted bids</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Bid</th>
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Requested</th>
                <th scope="col" className="govuk-table__header">Screening</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {bids.map((bid) => (
                <tr className="govuk-table__row" key={bid.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${bid.id}/screen`}>
                      {`${bid.reference}: ${bid.title}`}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{bid.organisationName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(bid.amountRequestedPence ?? 0)}</td>
                  <td className="govuk-table__cell">
                    {bid.screeningDecision ? (
                      <strong className={`govuk-tag ${DECISION[bid.screeningDecision]?.tag ?? ""}`}>{DECISION[bid.screeningDecision]?.text ?? bid.screeningDecision}</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--grey">Not screened</strong>
                    )}
                    {bid.screeningReason ? <span className="govuk-hint govuk-!-margin-bottom-0">{bid.screeningReason}</span> : null}
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
