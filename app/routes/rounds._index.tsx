import { Link, useLoaderData } from "@remix-run/react";
import { potPence, roundPhase } from "~/domain/rounds/pot";
import { listRoundsForPublic } from "~/domain/rounds/rounds.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Funding rounds");

export async function loader() {
  const now = new Date();
  const rounds = await listRoundsForPublic();
  return {
    rounds: rounds.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      fund: r.fund.name,
      phase: roundPhase(r, now),
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      pot: potPence(r),
      minAward: r.minAwardPence,
      maxAward: r.maxAwardPence,
    })),
  };
}

const PHASE_TAG = { open: ["Open", "govuk-tag--green"], upcoming: ["Opens soon", "govuk-tag--blue"], closed: ["Closed", "govuk-tag--grey"] } as const;

export default function Rounds() {
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Funding rounds</h1>
      {rounds.length === 0 ? (
        <p className="govuk-body">There are no funding rounds yet.</p>
      ) : (
        <Table caption="Open and past rounds" head={["Round", "Status", "Closes", { text: "Pot", numeric: true }, { text: "Awards", numeric: true }]}>
          {rounds.map((round) => {
            const [label, tagClass] = PHASE_TAG[round.phase];
            return (
              <TableRow key={round.id}>
                <TableRowHeader>
                  <Link className="govuk-link" to={`/rounds/${round.slug}`}>
                    {round.fund}: {round.name}
                  </Link>
                </TableRowHeader>
                <TableCell>
                  <strong className={`govuk-tag ${tagClass}`}>{label}</strong>
                </TableCell>
                <TableCell>{formatDateTime(round.closesAt)}</TableCell>
                <TableCell numeric className="app-money">
                  {formatPounds(round.pot)}
                </TableCell>
                <TableCell numeric className="app-money">
                  {formatPounds(round.minAward)} to {formatPounds(round.maxAward)}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      )}
    </>
  );
}
