import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios } from "~/components/govuk/fields";
import { titleMeta } from "~/components/page-title";
import { listMemberships, newStartToken } from "~/domain/bids/bids.server";
import { findRoundTakingEois, listRoundsTakingEois, startEoi } from "~/domain/stages/expressions-of-interest.server";
import { formatDateTime } from "~/lib/dates";
import { textValue } from "~/lib/form-values";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.round ? `Start an expression of interest for ${data.round.name}` : "Choose a two-stage round",
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const url = new URL(request.url);
  const roundId = url.searchParams.get("round");
  if (!roundId) return { round: null, rounds: await listRoundsTakingEois(new Date()), organisations: [], startToken: "" };
  const round = orNotFound(await findRoundTakingEois(roundId, new Date()));
  const memberships = await listMemberships(user.id);
  if (memberships.length === 0) throw redirect(`/applicant/organisation/new?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`);
  return {
    round: { id: round.id, name: round.name, fundName: round.fund.name, eoiClosesAt: round.eoiClosesAt?.toISOString() ?? null, taking: round.taking },
    rounds: [],
    organisations: memberships.map((m) => m.organisation),
    startToken: newStartToken(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const values = await readForm(request);
  const memberships = await listMemberships(user.id);
  // With only one organisation, nothing is read from the form.
  const organisationId = memberships.length === 1 ? memberships[0]!.organisation.id : textValue(values, "organisationId");
  const result = await startEoi({
    userId: user.id,
    organisationId,
    roundId: textValue(values, "roundId"),
    startToken: textValue(values, "startToken"),
    now: new Date(),
  });
  if (!result.ok) return refusalResponse(result.refusal);
  return redirect(`/applicant/expressions-of-interest/${result.eoiId}`);
}

export default function NewExpressionOfInterest() {
  const { round, rounds, organisations, startToken } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  if (!round)
    return (
      <PageColumn>
        <h1 className="govuk-heading-l">Choose a two-stage round</h1>
        {rounds.length === 0 ? (
          <p className="govuk-body">No round is taking expressions of interest at the moment.</p>
        ) : (
          <ul className="govuk-list">
            {rounds.map((r) => (
              <li key={r.id}>
                <Link className="govuk-link" to={`?${new URLSearchParams({ round: r.id })}`}>
                  {`${r.fund.name}: ${r.name}`}
                </Link>
                {r.eoiClosesAt ? ` (expressions of interest close ${formatDateTime(r.eoiClosesAt)})` : null}
              </li>
            ))}
          </ul>
        )}
      </PageColumn>
    );
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{round.fundName}</span>
      <h1 className="govuk-heading-l">{`Start an expression of interest for ${round.name}`}</h1>
      {round.taking ? (
        <>
          <p className="govuk-body">
            This round has two stages. First, tell us briefly what your project will do, where, which priorities it meets and roughly how much you need. No
            documents are needed. If we invite you, you then make a full bid with these answers already filled in.
          </p>
          {round.eoiClosesAt ? <p className="govuk-body">{`Expressions of interest close at ${formatDateTime(round.eoiClosesAt)}.`}</p> : null}
          <Form method="post" noValidate>
            <input type="hidden" name="roundId" value={round.id} />
            <input type="hidden" name="startToken" value={startToken} />
            {organisations.length > 1 ? (
              <Radios
                name="organisationId"
                legend="Which organisation is this for?"
                error={errors?.organisationId}
                choices={organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : (
              <p className="govuk-body">
                This expression of interest will be from <strong>{organisations[0]!.name}</strong>.
              </p>
            )}
            <Button id="start">Start expression of interest</Button>
          </Form>
        </>
      ) : (
        <p className="govuk-body" id="start">
          This round is not taking expressions of interest.{" "}
          <Link className="govuk-link" to="/rounds">
            See the funding rounds
          </Link>
          .
        </p>
      )}
    </PageColumn>
  );
}
