import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { Pagination } from "~/components/govuk/pagination";
import { titleMeta } from "~/components/page-title";
import { loadPublicRoundAwards } from "~/domain/publishing/public-awards.server";
import { publicAwardStatusLabel } from "~/domain/publishing/three-sixty-giving";
import { formatDate } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { orNotFound } from "~/web/not-found";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Grants awarded: ${data.round.fundName}, ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const requested = Math.max(1, Number(new URL(request.url).searchParams.get("page") ?? "1") || 1);
  const page = orNotFound(await loadPublicRoundAwards(params.roundSlug ?? "", requested), "Page not found");
  return {
    ...page,
    round: { ...page.round, releasedAt: page.round.releasedAt.toISOString() },
    rows: page.rows.map((r) => ({ ...r, awardDate: r.awardDate.toISOString(), statusLabel: publicAwardStatusLabel(r.status) })),
  };
}

const STATUS_TAG: Record<string, string> = {
  awarded: "govuk-tag--green",
  withdrawn: "govuk-tag--grey",
  part_returned: "govuk-tag--yellow",
  returned: "govuk-tag--grey",
};

export default function PublicRoundAwards() {
  const { round, potPence, awardedPence, returnedPence, awardCount, bidsConsidered, rows, page, pages, packageAvailable } = useLoaderData<typeof loader>();
  const fileUrl = `/awards/${round.slug}/360giving.json`;
  return (
    <PageColumn width="full">
      <span className="govuk-caption-l">{round.fundName}</span>
      <h1 className="govuk-heading-l">{`Grants awarded: ${round.name}`}</h1>
      <p className="govuk-body">{`Decisions were announced on ${formatDate(round.releasedAt)}.`}</p>
      <SummaryList>
        <SummaryRow label="Bids considered">{bidsConsidered}</SummaryRow>
        <SummaryRow label="Grants awarded">{awardCount}</SummaryRow>
        <SummaryRow label="Total awarded">
          <strong className="app-money">{formatPounds(awardedPence)}</strong>
          {` of a ${formatPounds(potPence)} pot`}
        </SummaryRow>
        {returnedPence > 0 ? (
          <SummaryRow label="Returned to the fund">
            <span className="app-money">{formatPounds(returnedPence)}</span>
          </SummaryRow>
        ) : null}
      </SummaryList>
      <p className="govuk-body">
        The total awarded counts grants still standing, less any money returned unspent or taken back. Withdrawn awards are listed but not counted.
      </p>

      <h2 className="govuk-heading-m">Open data</h2>
      {packageAvailable ? (
        <p className="govuk-body">
          <a className="govuk-link" href={fileUrl} download>
            {`Download these grants as 360Giving data (JSON)`}
          </a>
          . The file follows the 360Giving Data Standard and is published under the Creative Commons Attribution 4.0 licence.
        </p>
      ) : (
        <p className="govuk-body">The 360Giving data for this round is not available at the moment.</p>
      )}

      {rows.length === 0 ? (
        <p className="govuk-body">No grants were awarded in this round.</p>
      ) : (
        <Table
          caption="Grants awarded"
          captionSize="m"
          head={["Organisation", "Project", { text: "Amount", numeric: true }, "Areas", "Priorities", "Award date", "Status"]}
        >
          {rows.map((row) => (
            <TableRow key={row.reference}>
              <TableRowHeader>{row.organisationName}</TableRowHeader>
              <TableCell>{row.title}</TableCell>
              <TableCell numeric className="app-money">
                {formatPounds(row.amountPence)}
              </TableCell>
              <TableCell>{row.areas.join(", ")}</TableCell>
              <TableCell>{row.priorities.join(", ")}</TableCell>
              <TableCell>{formatDate(row.awardDate)}</TableCell>
              <TableCell>
                <strong className={`govuk-tag ${STATUS_TAG[row.status.kind] ?? ""}`}>{row.statusLabel}</strong>
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={page} pageCount={pages} href={(n) => `?page=${n}`} label="Pages of grants" />
      <ParagraphLink to="/awards">All rounds with grants awarded</ParagraphLink>
    </PageColumn>
  );
}
