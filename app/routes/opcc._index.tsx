import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { requireRole } from "~/web/guards.server";
import { allocationsAwaitingSignOff } from "~/domain/allocation/decisions.server";
import { roundTitle } from "~/domain/rounds/round-title";
import { listRoundsForAdministration } from "~/domain/rounds/rounds.server";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Allocations for sign-off");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["opcc_sign_off"]);
  const [waiting, rounds] = await Promise.all([allocationsAwaitingSignOff(), listRoundsForAdministration()]);
  const funds = [...new Map(rounds.map((r) => [r.fund.id, { id: r.fund.id, name: r.fund.name }])).values()].map((fund) => ({
    ...fund,
    rounds: rounds.filter((r) => r.fund.id === fund.id).map((r) => ({ id: r.id, name: r.name })),
  }));
  return { name: user.name, waiting: waiting.map((r) => ({ id: r.id, name: roundTitle(r) })), funds };
}

export default function OpccHome() {
  const { name, waiting, funds } = useLoaderData<typeof loader>();
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
      {funds.map((fund) => (
        <Fragment key={fund.id}>
          <h3 className="govuk-heading-s">{fund.name}</h3>
          <ul className="govuk-list">
            {/* Named by the round alone under its fund's heading, so each link reads apart from the sign-off links above. */}
            {fund.rounds.map((r) => (
              <li key={r.id}>
                <Link className="govuk-link" to={`/opcc/rounds/${r.id}/dashboard`}>
                  {r.name}
                  <span className="govuk-visually-hidden"> dashboard</span>
                </Link>
              </li>
            ))}
            <li>
              <Link className="govuk-link" to={`/opcc/funds/${fund.id}/dashboard`}>
                Compare the rounds of {fund.name}
              </Link>
            </li>
          </ul>
        </Fragment>
      ))}
    </>
  );
}
