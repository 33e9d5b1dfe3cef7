import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { loadScreeningList } from "~/domain/assessment/screening.server";
import { requirePermission } from "~/web/guards.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Screen bids for eligibility");

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
  const returnedPence = Number(search.get("returnedPence") ?? "");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to="/administrator" className="govuk-back-link">
          Back to fund administration
        </Link>
        {screened ? (
          <NotificationBanner success>
            <p className="govuk-notification-banner__heading">{`${screened} has been screened.`}</p>
            {search.has("returnedPence") ? (
              <p className="govuk-body">
                {returnedPence > 0
                  ? `Its approved award was cancelled and ${formatPounds(returnedPence)} has gone back to the pot.`
                  : "The award proposed for it has been removed."}
              </p>
            ) : null}
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
          <Table caption="Submitted bids" head={["Bid", "Organisation", { text: "Requested", numeric: true }, "Screening"]}>
            {bids.map((bid) => (
              <TableRow key={bid.id}>
                <TableCell>
                  <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${bid.id}/screen`}>
                    {`${bid.reference}: ${bid.title}`}
                  </Link>
                </TableCell>
                <TableCell>{bid.organisationName}</TableCell>
                <TableCell numeric>{formatPounds(bid.amountRequestedPence ?? 0)}</TableCell>
                <TableCell>
                  {bid.screeningDecision ? (
                    <strong className={`govuk-tag ${DECISION[bid.screeningDecision]?.tag ?? ""}`}>
                      {DECISION[bid.screeningDecision]?.text ?? bid.screeningDecision}
                    </strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--grey">Not screened</strong>
                  )}
                  {bid.screeningReason ? <span className="govuk-hint govuk-!-margin-bottom-0">{bid.screeningReason}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </Table>
        )}
      </div>
    </div>
  );
}
