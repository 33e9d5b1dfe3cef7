import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { Pagination } from "~/components/govuk/pagination";
import { titleMeta } from "~/components/page-title";
import { listReleasedRounds } from "~/domain/publishing/public-awards.server";
import { formatDate } from "~/lib/dates";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Grants awarded");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page") ?? "1") || 1);
  const list = await listReleasedRounds(page);
  return { ...list, rounds: list.rounds.map((r) => ({ ...r, releasedAt: r.releasedAt.toISOString() })) };
}

export default function PublicAwards() {
  const { rounds, page, pages } = useLoaderData<typeof loader>();
  return (
    <PageColumn width="full">
      <h1 className="govuk-heading-l">Grants awarded</h1>
      <p className="govuk-body">
        The Police and Crime Commissioner publishes every grant made from the fund once the round&apos;s decisions are announced: who received money, for which
        project, and how much. Each round&apos;s grants can also be downloaded as open data in the 360Giving Data Standard.
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
      <Pagination page={page} pageCount={pages} href={(n) => `?page=${n}`} label="Pages of rounds" />
    </PageColumn>
  );
}
