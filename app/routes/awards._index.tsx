import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { listReleasedRounds } from "~/domain/publishing/public-awards.server";
import { formatDate } from "~/lib/dates";

export const meta = titleMeta("Grants awarded");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page") ?? "1") || 1);
  const list = await listReleasedRounds(page);
  return { ...list, rounds: list.rounds.map((r) => ({ ...r, releasedAt: r.releasedAt.toISOString() })) };
}

export default function PublicAwards() {
  const { rounds, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Grants awarded</h1>
        <p className="govuk-body">
          The Police and Crime Commissioner publishes every grant made from the fund once the round&apos;s decisions are announced: who received money, for
          which project, and how much. Each round&apos;s grants can also be downloaded as open data in the 360Giving Data Standard.
        </p>
        {rounds.length === 0 ? (
          <p className="govuk-body">No round has announced its decisions yet.</p>
        ) : (
          <Table caption="Rounds with decisions announced" captionSize="s" head={["Round", "Decisions announced"]}>
            {rounds.map((round) => (
              <TableRow key={round.slug}>
                <TableRowHeader>
                  <Link className="govuk-link" to={`/awards/${round.slug}`}>
                    {`${round.fundName}: ${round.name}`}
                  </Link>
                </TableRowHeader>
                <TableCell>{formatDate(round.releasedAt)}</TableCell>
              </TableRow>
            ))}
          </Table>
        )}
        {pages > 1 ? (
          <nav className="govuk-pagination" aria-label="Pages of rounds">
            {page > 1 ? (
              <div className="govuk-pagination__prev">
                <Link className="govuk-link govuk-pagination__link" to={`?page=${page - 1}`} rel="prev">
                  <span className="govuk-pagination__link-title">Previous page</span>
                </Link>
              </div>
            ) : null}
            <p className="govuk-body govuk-!-margin-bottom-0">{`Page ${page} of ${pages}`}</p>
            {page < pages ? (
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`?page=${page + 1}`} rel="next">
                  <span className="govuk-pagination__link-title">Next page</span>
                </Link>
              </div>
            ) : null}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
