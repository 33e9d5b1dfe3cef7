import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { loadScreeningList } from "~/domain/assessment/screening.server";
import { SCREENING_SORTS, SCREENING_STATES, type ScreeningFilters } from "~/domain/assessment/list-filters";
import { choice, listHref, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import { Pagination } from "~/components/govuk/pagination";
import { requirePermission } from "~/web/guards.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.window.page > 1 ? `Screen bids for eligibility (page ${data.window.page} of ${data.window.pageCount})` : "Screen bids for eligibility",
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "screen:bid");
  const search = new URL(request.url).searchParams;
  const filters: ScreeningFilters = {
    q: searchText(search.get("q")),
    screening: choice(search.get("screening"), SCREENING_STATES),
    area: searchText(search.get("area")),
    sort: choice(search.get("sort"), SCREENING_SORTS),
  };
  const list = await loadScreeningList(params.roundId ?? "", new Date(), filters, requestedPage(search.get("page")));
  if (!list) throw new Response("Round not found", { status: 404 });
  return { ...list, filters };
}

const SCREENING_OPTIONS = [
  { value: "not_screened", text: "Not screened" },
  { value: "eligible", text: "Eligible" },
  { value: "ineligible", text: "Not eligible" },
];

const SORT_OPTIONS = [
  { value: "organisation", text: "Organisation name" },
  { value: "requested", text: "Amount requested, largest first" },
];

const DECISION: Record<string, { text: string; tag: string }> = {
  eligible: { text: "Eligible", tag: "govuk-tag--green" },
  ineligible: { text: "Not eligible", tag: "govuk-tag--red" },
};

export default function Screening() {
  const { round, bids, window, filters } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const screened = search.get("screened");
  const returnedPence = Number(search.get("returnedPence") ?? "");
  // The screen page goes back to this page of the list, with its filters.
  const listQueryHere = listHref(filters, window.page).replace(/^\?$/, "");
  return (
    <PageColumn width="full">
      <BackLink to="/administrator">Back to fund administration</BackLink>
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
      {round.closed ? null : <div className="govuk-inset-text">{`The round closes on ${formatDateTime(round.closesAt)}. You can screen bids after that.`}</div>}
      <ListFilters legend="Find bids" clearHref={`/administrator/rounds/${round.id}/screening`}>
        <SearchField label="Reference, title or organisation" value={filters.q} />
        <SelectField name="screening" label="Screening" anyLabel="Any" value={filters.screening} options={SCREENING_OPTIONS} />
        {round.areas.length > 0 ? (
          <SelectField name="area" label="Area" anyLabel="All areas" value={filters.area} options={round.areas.map((a) => ({ value: a.id, text: a.name }))} />
        ) : null}
        <SelectField name="sort" label="Sort by" anyLabel="Reference" value={filters.sort} options={SORT_OPTIONS} />
      </ListFilters>
      {bids.length === 0 ? (
        <p className="govuk-body">
          {window.total === 0 && !filters.q && !filters.screening && !filters.area ? "No bids have been submitted to this round." : "No bids match."}
        </p>
      ) : (
        <Table
          caption={showingText(window, { one: "bid", many: "bids" })}
          captionSize="s"
          head={["Bid", "Organisation", { text: "Requested", numeric: true }, "Screening"]}
        >
          {bids.map((bid) => (
            <TableRow key={bid.id}>
              <TableCell>
                <Link className="govuk-link" to={`/administrator/rounds/${round.id}/bids/${bid.id}/screen${listQueryHere}`}>
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
      <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of bids to screen" />
    </PageColumn>
  );
}
