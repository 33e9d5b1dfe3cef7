import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { checkEligibility, eligibilityOrganisationTypeLabel } from "~/domain/eligibility/eligibility";
import { findRoundForEligibility, liveRoundFigures } from "~/domain/rounds/round-page.server";
import { formatPounds } from "~/lib/money";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => (!data.answered ? "Check if you can apply" : data.eligible ? "You can apply" : "You cannot apply"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await findRoundForEligibility(params.roundSlug ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const heading = { slug: round.slug, name: round.name, fund: round.fund.name };
  const answers = await readEligibilityAnswers(request, round.slug);
  if (!answers) return { round: heading, answered: false as const };

  // The server's clock decides whether the round is open, every time the result is shown.
  const result = checkEligibility(answers, round, new Date());
  const named = <T extends { id: string }>(list: T[], ids: string[], name: (item: T) => string) => list.filter((item) => ids.includes(item.id)).map(name);
  const figures = await liveRoundFigures(round);
  return {
    round: heading,
    answered: true as const,
    eligible: result.eligible,
    reasons: result.reasons.map((r) => r.message),
    answers: {
      organisationType: eligibilityOrganisationTypeLabel(answers.organisationType),
      areas: named(round.areas, answers.areaIds, (a) => a.name),
      priorities: named(round.priorities, answers.priorityIds, (p) => p.title),
      amount: formatPounds(answers.amountRequestedPence),
    },
    oversubscription: figures.summary,
  };
}

export default function EligibilityResult() {
  const loaderData = useLoaderData<typeof loader>();
  const { round } = loaderData;
  const checkPath = `/rounds/${round.slug}/eligibility`;
  if (!loaderData.answered) {
    return (
      <PageColumn>
        <span className="govuk-caption-l">
          {round.fund}: {round.name}
        </span>
        <h1 className="govuk-heading-l">You have not answered the eligibility questions</h1>
        <p className="govuk-body">
          Your answers are kept in this browser for 24 hours. They may have expired, or you may have answered them in another browser.
        </p>
        <ParagraphLink to={checkPath}>Check if you can apply</ParagraphLink>
      </PageColumn>
    );
  }
  const { eligible, reasons, answers } = loaderData;
  const change = (field: string, label: string) => (
    <Link className="govuk-link" to={`${checkPath}#${field}`}>
      Change<span className="govuk-visually-hidden"> {label}</span>
    </Link>
  );
  return (
    <PageColumn>
      <span className="govuk-caption-l">
        {round.fund}: {round.name}
      </span>
      {eligible ? (
        <>
          <h1 className="govuk-heading-l">You can apply</h1>
          <p className="govuk-body">From your answers, your organisation can bid in this round.</p>
          <div className="govuk-inset-text">{loaderData.oversubscription} Not every bid that can apply will be funded.</div>
          <p className="govuk-body">You need to sign in, or create an account, to start your bid. Your answers will be carried into it.</p>
          {/* A full page load: the bid pages ask the person to sign in first. */}
          <a
            href={`/applicant/bids/new?round=${encodeURIComponent(round.slug)}`}
            role="button"
            draggable="false"
            className="govuk-button"
            data-module="govuk-button"
          >
            Start your bid
          </a>
        </>
      ) : (
        <>
          <h1 className="govuk-heading-l">You cannot apply</h1>
          <p className="govuk-body">You cannot apply because:</p>
          <ul className="govuk-list govuk-list--bullet" id="reasons">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p className="govuk-body">If you answered something wrongly, you can change your answers below.</p>
        </>
      )}
      <h2 className="govuk-heading-m">Your answers</h2>
      <SummaryList>
        <SummaryRow label="Type of organisation" action={change("organisationType", "type of organisation")}>
          {answers.organisationType}
        </SummaryRow>
        <SummaryRow label="Where the project will work" action={change("areaIds", "where the project will work")}>
          {answers.areas.length > 0 ? answers.areas.join(", ") : "None of the round's areas"}
        </SummaryRow>
        <SummaryRow label="Priorities addressed" action={change("priorityIds", "priorities addressed")}>
          {answers.priorities.length > 0 ? (
            <ul className="govuk-list">
              {answers.priorities.map((title) => (
                <li key={title}>{title}</li>
              ))}
            </ul>
          ) : (
            "None of the Police and Crime Commissioner's priorities"
          )}
        </SummaryRow>
        <SummaryRow label="Amount you will ask for" valueClassName="app-money" action={change("amountRequested", "amount you will ask for")}>
          {answers.amount}
        </SummaryRow>
      </SummaryList>
      <ParagraphLink to={`/rounds/${round.slug}`}>Back to the round</ParagraphLink>
    </PageColumn>
  );
}
