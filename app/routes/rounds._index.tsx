import { Link, useLoaderData } from "@remix-run/react";
import { potPence, roundPhase } from "~/domain/rounds/pot";
import { listRoundsForPublic } from "~/domain/rounds/rounds.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
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
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Open and past rounds</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Round</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Closes</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Pot</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Awards</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rounds.map((round) => {
              const [label, tagClass] = PHASE_TAG[round.phase];
              return (
                <tr className="govuk-table__row" key={round.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/rounds/${round.slug}`}>
                      {round.fund}: {round.name}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${tagClass}`}>{label}</strong>
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(round.closesAt)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric app-money">{formatPounds(round.pot)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric app-money">
                    {formatPounds(round.minAward)} to {formatPounds(round.maxAward)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
