import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadBidHistory } from "~/domain/assessment/results.server";
import { requirePermission } from "~/web/guards.server";
import { formatDateTime } from "~/lib/dates";
import { AuditDetailsCell } from "~/components/lists/audit-details-cell";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `History of ${data.bid.reference}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bid:any");
  const history = await loadBidHistory(params.roundId ?? "", params.bidId ?? "");
  if (!history) throw new Response("Bid not found", { status: 404 });
  return { roundId: params.roundId ?? "", ...history };
}

export default function BidHistory() {
  const { roundId, bid, events } = useLoaderData<typeof loader>();
  return (
    <PageColumn width="full">
      <BackLink to={`/administrator/rounds/${roundId}/bids/${bid.id}`}>Back to the bid’s scores</BackLink>
      <span className="govuk-caption-l">{bid.roundName}</span>
      <h1 className="govuk-heading-l">{`History of ${bid.reference}: ${bid.title}`}</h1>
      {events.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded for this bid yet.</p>
      ) : (
        <Table caption="Everything recorded, oldest first" head={["When", "Who", "What", "Details"]}>
          {events.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{formatDateTime(e.createdAt)}</TableCell>
              <TableCell>{e.actorName}</TableCell>
              <TableCell>
                {e.action} {e.outcome === "refused" ? <strong className="govuk-tag govuk-tag--red">Refused</strong> : null}
              </TableCell>
              <AuditDetailsCell event={e} />
            </TableRow>
          ))}
        </Table>
      )}
    </PageColumn>
  );
}
