import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { criteriaProblem } from "~/domain/assessment/scoring";
import { requireRole } from "~/web/guards.server";
import { potPence } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { listRoundsForAdministration } from "~/domain/rounds/rounds.server";
import { RoundStageLinks } from "~/components/stages/round-stage-links";
import { formatPounds } from "~/lib/money";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";

export const meta = titleMeta("Fund administration");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["fund_administrator"]);
  const rounds = await listRoundsForAdministration();
  const now = new Date();
  const funds = [...new Map(rounds.map((r) => [r.fund.id, { id: r.fund.id, name: r.fund.name }])).values()];
  return {
    name: user.name,
    funds,
    rounds: rounds.map((r) => ({
      id: r.id,
      name: roundTitle(r),
      pot: potPence(r),
      remaining: r.remainingPotPence,
      bids: r._count.bids,
      twoStage: r.twoStage,
      // A round not yet open can still be fixed; flag criteria that scoring could not use.
      criteriaNotReady: now < r.opensAt && criteriaProblem(r.criteria) !== null,
    })),
  };
}

export default function AdministratorHome() {
  const { name, rounds, funds } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Fund administration</h1>
      <Table
        caption="Rounds"
        head={["Round", { text: "Bids received", numeric: true }, { text: "Pot", numeric: true }, { text: "Not yet awarded", numeric: true }, "Assessment"]}
      >
        {rounds.map((r) => (
          <TableRow key={r.id}>
            <TableRowHeader>{r.name}</TableRowHeader>
            <TableCell numeric>{r.bids}</TableCell>
            <TableCell numeric className="app-money">
              {formatPounds(r.pot)}
            </TableCell>
            <TableCell numeric className="app-money">
              {formatPounds(r.remaining)}
            </TableCell>
            <TableCell>
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/dashboard`}>
                Dashboard<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/details`}>
                Round details<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/form`}>
                Application form<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/rules`}>
                Assessment rules<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <RoundStageLinks round={r} />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/criteria`}>
                Assessment criteria<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              {r.criteriaNotReady ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--orange">Criteria not ready</strong>
                </>
              ) : null}
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/descriptors`}>
                Score descriptors<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/screening`}>
                Screen bids<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/assignments`}>
                Assign assessors<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/results`}>
                Scores and ranking<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/allocation`}>
                Allocation<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/monitoring`}>
                Monitoring report schedule<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/reports`}>
                Monitoring reports<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
              <br />
              <Link className="govuk-link" to={`/administrator/rounds/${r.id}/exports`}>
                Exports (CSV)<span className="govuk-visually-hidden"> for {r.name}</span>
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </Table>
      <ParagraphLink to="/administrator/funds">Funds and their rounds</ParagraphLink>
      <ParagraphLink to="/administrator/audit">Audit log</ParagraphLink>
      <ParagraphLink to="/administrator/rounds/new">Create a round</ParagraphLink>
      {funds.map((f) => (
        <p className="govuk-body" key={`${f.id}-dashboard`}>
          <Link className="govuk-link" to={`/administrator/funds/${f.id}/dashboard`}>
            Compare the rounds of {f.name}
          </Link>
        </p>
      ))}
      {funds.map((f) => (
        <p className="govuk-body" key={f.id}>
          <Link className="govuk-link" to={`/administrator/funds/${f.id}/ineligibility-reasons`}>
            Reasons a bid is ineligible<span className="govuk-visually-hidden"> for {f.name}</span>
          </Link>
        </p>
      ))}
    </>
  );
}
