import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/web/guards.server";
import { allocationsAwaitingSignOff } from "~/domain/allocation/decisions.server";
import { roundTitle } from "~/domain/rounds/round-title";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Allocations for sign-off");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["opcc_sign_off"]);
  const waiting = await allocationsAwaitingSignOff();
  return { name: user.name, waiting: waiting.map((r) => ({ id: r.id, name: roundTitle(r) })) };
}

export default function OpccHome() {
  const { name, waiting } = useLoaderData<typeof loader>();
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
    </>
  );
}
