import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios } from "~/components/govuk/fields";
import { requireRole } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { findRoundBySlug, listMemberships, listOpenRounds, newStartToken, startBid } from "~/domain/bids/bids.server";
import { newBidSchema } from "~/domain/bids/new-bid.schema";
import { clearEligibilityAnswers, readEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { roundPhase } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.kind === "choose-round" ? "Choose a funding round" : `Start a bid for ${roundTitle(data.round)}`,
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const url = new URL(request.url);
  const slug = url.searchParams.get("round");
  const now = new Date();
  if (!slug) {
    const rounds = await listOpenRounds(now);
    return { kind: "choose-round" as const, rounds };
  }
  const round = await findRoundBySlug(slug, url.searchParams.get("fund"));
  if (!round) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  // A two-stage round starts with an expression of interest (ADR 0026).
  if (round.twoStage) throw redirect(`/applicant/expressions-of-interest/new?${new URLSearchParams({ round: round.id })}`);
  const memberships = await listMemberships(user.id);
  if (memberships.length === 0) {
    // An organisation profile comes first; its page brings the applicant back here afterwards.
    throw redirect(`/applicant/organisation/new?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`);
  }
  const eligibility = await readEligibilityAnswers(request, round.slug);
  return {
    kind: "confirm" as const,
    round: { slug: round.slug, name: round.name, fund: round.fund, closesAt: round.closesAt, open: roundPhase(round, now) === "open" },
    organisations: memberships.map((m) => m.organisation),
    fromEligibilityCheck: eligibility !== null,
    startToken: newStartToken(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const parsed = await parseForm(request, newBidSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  const round = await findRoundBySlug(parsed.data.round, parsed.data.fund);
  if (!round) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const memberships = await listMemberships(user.id);
  // The organisation must be one of the applicant's own; with only one, nothing is read from the form.
  const organisationId = memberships.length === 1 ? memberships[0]!.organisation.id : parsed.data.organisationId;
  if (!organisationId || !memberships.some((m) => m.organisation.id === organisationId)) {
    if (memberships.length === 0)
      throw redirect(`/applicant/organisation/new?${new URLSearchParams({ redirectTo: `/applicant/bids/new?round=${round.slug}` })}`);
    return data({ errors: { organisationId: "Select the organisation this bid is for" } as FieldErrors }, { status: 400 });
  }
  const result = await startBid({
    userId: user.id,
    organisationId,
    roundId: round.id,
    eligibility: await readEligibilityAnswers(request, round.slug),
    now: new Date(),
    startToken: parsed.data.startToken,
  });
  if (!result.ok) return refusalResponse(result.refusal);
  return redirect(`/applicant/bids/${result.bidId}`, { headers: { "Set-Cookie": await clearEligibilityAnswers() } });
}

export default function NewBid() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;

  if (loaderData.kind === "choose-round") {
    return (
      <PageColumn>
        <h1 className="govuk-heading-l">Choose a funding round</h1>
        {loaderData.rounds.length === 0 ? (
          <p className="govuk-body">
            No rounds are open for bids at the moment.{" "}
            <Link className="govuk-link" to="/rounds">
              See all funding rounds
            </Link>
            .
          </p>
        ) : (
          <ul className="govuk-list">
            {loaderData.rounds.map((round) => (
              <li key={round.id}>
                <Link className="govuk-link" to={`/applicant/bids/new?${new URLSearchParams({ round: round.slug, fund: round.fund.slug })}`}>
                  {round.fund.name}: {round.name}
                </Link>{" "}
                (closes {formatDateTime(round.closesAt)})
              </li>
            ))}
          </ul>
        )}
      </PageColumn>
    );
  }

  const { round, organisations, fromEligibilityCheck, startToken } = loaderData;
  const title = `Start a bid for ${roundTitle(round)}`;
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{title}</h1>
      {!round.open ? (
        <p className="govuk-body" id="start">
          This round is not open for bids.{" "}
          <Link className="govuk-link" to="/rounds">
            See the funding rounds
          </Link>
          .
        </p>
      ) : (
        <>
          <p className="govuk-body">The round closes at {formatDateTime(round.closesAt)}. You can save your bid as you go and come back to it before then.</p>
          {fromEligibilityCheck ? (
            <p className="govuk-body">We will fill in the areas, priorities and amount you gave in the eligibility check. You can change them.</p>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="round" value={round.slug} />
            <input type="hidden" name="fund" value={round.fund.slug} />
            <input type="hidden" name="startToken" value={startToken} />
            {organisations.length > 1 ? (
              <Radios
                name="organisationId"
                legend="Which organisation is this bid for?"
                error={errors?.organisationId}
                choices={organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : (
              <p className="govuk-body">
                This bid will be from <strong>{organisations[0]!.name}</strong>.
              </p>
            )}
            <Button id="start">Start bid</Button>
          </Form>
        </>
      )}
    </PageColumn>
  );
}
