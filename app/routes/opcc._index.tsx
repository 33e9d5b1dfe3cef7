import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/web/guards.server";
import { allocationsAwaitingSignOff } from "~/domain/allocation/decisions.server";
import { roundTitle } from "~/domain/rounds/pot";
import { listRoundsForAdministration } from "~/domain/rounds/rounds.server";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Allocations for sign-off");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["opcc_sign_off"]);
  const [waiting, rounds] = await Promise.all([allocationsAwaitingSignOff(), listRoundsForAdministration()]);
  const funds = [...new Map(rounds.map((r) => [r.fund.id, { id: r.fund.id, name: r.fund.name }])).values()];
  return {
    name: user.name,
    waiting: waiting.map((r) => ({ id: r.id, name: roundTitle(r) })),
    rounds: rounds.map((r) => ({ id: r.id, name: roundTitle(r) })),
    funds,
  };
}

export default function OpccHome() {
  const { name, waiting, rounds, funds } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Allocations for sign-off</h1>
      {waiting.length === 0 ? (
        <p className="govuk-body">No allocations are waiting for your sign-off.</p>
      ) : (
        <ul className="govuk-list">
          {waiting.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" to={`/opcc/rounds/${r.id}`}>
                {r.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Round dashboards</h2>
      <ul className="govuk-list">
        {rounds.map((r) => (
          <li key={r.id}>
            <Link className="govuk-link" to={`/opcc/rounds/${r.id}/dashboard`}>
              {r.name}
              <span className="govuk-visually-hidden"> dashboard</span>
            </Link>
          </li>
        ))}
        {funds.map((f) => (
          <li key={f.id}>
            <Link className="govuk-link" to={`/opcc/funds/${f.id}/dashboard`}>
              Compare the rounds of {f.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
