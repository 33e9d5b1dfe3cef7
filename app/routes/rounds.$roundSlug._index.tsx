import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { potPence, roundPhase, roundTitle } from "~/domain/rounds/pot";
import { describeRequests } from "~/domain/rounds/round-figures";
import { findRoundForPublicPage, liveRoundFigures } from "~/domain/rounds/round-page.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta<typeof loader>(({ data }) => roundTitle(data.round));

export async function loader({ params }: LoaderFunctionArgs) {
  const round = await findRoundForPublicPage(params.roundSlug ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const figures = await liveRoundFigures(round);
  return {
    round: {
      slug: round.slug,
      name: round.name,
      description: round.description,
      fund: round.fund,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      baseAllocationPence: round.baseAllocationPence,
      rolledForwardPence: round.rolledForwardPence,
      matchFundingPence: round.matchFundingPence,
      minAwardPence: round.minAwardPence,
      maxAwardPence: round.maxAwardPence,
      qualityThresholdPercent: round.qualityThresholdPercent,
      areas: round.areas,
      priorities: round.priorities,
      criteria: round.criteria,
    },
    phase: roundPhase(round, new Date()),
    pot: potPence(round),
    figures: { submittedBids: figures.submittedBids, totalRequestedPence: figures.totalRequestedPence, summary: figures.summary },
  };
}

const PHASE_TAG = { open: ["Open", "govuk-tag--green"], upcoming: ["Opens soon", "govuk-tag--blue"], closed: ["Closed", "govuk-tag--grey"] } as const;

function SummaryRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default function RoundPage() {
  const { round, phase, pot, figures } = useLoaderData<typeof loader>();
  const [phaseLabel, phaseClass] = PHASE_TAG[phase];
  const eligibilityPath = `/rounds/${round.slug}/eligibility`;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{round.fund.name}</span>
          <h1 className="govuk-heading-l">{round.name}</h1>
          <p className="govuk-body">
            <strong className={`govuk-tag ${phaseClass}`}>{phaseLabel}</strong>
          </p>
          {round.description ? <p className="govuk-body-l">{round.description}</p> : null}

          <h2 className="govuk-heading-m">What the fund is for</h2>
          <p className="govuk-body">{round.fund.description}</p>

          <h2 className="govuk-heading-m">Dates</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label="Opens">{formatDateTime(round.opensAt)}</SummaryRow>
            <SummaryRow label="Closes">{formatDateTime(round.closesAt)}</SummaryRow>
          </dl>
          <p className="govuk-body">Bids must be submitted before the round closes. Times are UK time.</p>

          {phase === "open" ? (
            <a href={eligibilityPath} role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
              Check if you can apply
              <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </a>
          ) : phase === "upcoming" ? (
            <div className="govuk-inset-text">
              This round is not open yet. You can still <Link className="govuk-link" to={eligibilityPath}>check if you can apply</Link>.
            </div>
          ) : (
            <div className="govuk-inset-text">This round has closed. It is no longer taking bids.</div>
          )}

          <h2 className="govuk-heading-m">The money available</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label="From the Police and Crime Commissioner">
              <span className="app-money">{formatPounds(round.baseAllocationPence)}</span>
            </SummaryRow>
            <SummaryRow label="Rolled forward from last year">
              <span className="app-money">{formatPounds(round.rolledForwardPence)}</span>
            </SummaryRow>
            <SummaryRow label="Match funding from the fund administrator">
              <span className="app-money">{formatPounds(round.matchFundingPence)}</span>
            </SummaryRow>
            <SummaryRow label="Total pot">
              <strong className="app-money">{formatPounds(pot)}</strong>
            </SummaryRow>
            <SummaryRow label="Smallest award">
              <span className="app-money">{formatPounds(round.minAwardPence)}</span>
            </SummaryRow>
            <SummaryRow label="Largest award">
              <span className="app-money">{formatPounds(round.maxAwardPence)}</span>
            </SummaryRow>
          </dl>

          <h2 className="govuk-heading-m">Bids so far</h2>
          <dl className="govuk-summary-list">
            <SummaryRow label="Bids submitted">{figures.submittedBids}</SummaryRow>
            <SummaryRow label="Total requested">
              <span className="app-money">{formatPounds(figures.totalRequestedPence)}</span>
            </SummaryRow>
          </dl>
          <div className="govuk-inset-text">
            <p className="govuk-body">{figures.summary}</p>
            <p className="govuk-body">
              {`${describeRequests(figures.submittedBids, figures.totalRequestedPence)} against a pot of ${formatPounds(pot)}.`} These
              figures count every bid submitted and not withdrawn, and change as bids come in.
            </p>
          </div>

          <h2 className="govuk-heading-m">Where projects must work</h2>
          <ul className="govuk-list govuk-list--bullet">
            {round.areas.map((area) => (
              <li key={area.id}>{area.name}</li>
            ))}
          </ul>

          <h2 className="govuk-heading-m">The Police and Crime Commissioner&apos;s priorities</h2>
          <p className="govuk-body">Your project must address at least one of these.</p>
          <dl className="govuk-summary-list">
            {round.priorities.map((priority) => (
              <SummaryRow key={priority.id} label={priority.title}>
                {priority.description}
              </SummaryRow>
            ))}
          </dl>

          <h2 className="govuk-heading-m">How bids are scored</h2>
          <p className="govuk-body">
            At least two assessors score each eligible bid against these criteria. Each criterion counts for its weight in the overall
            score. Bids must score at least {`${round.qualityThresholdPercent}%`} overall to be funded.
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Scoring criteria and their weights</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Criterion</th>
                <th scope="col" className="govuk-table__header">What assessors look for</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weight</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {round.criteria.map((criterion) => (
                <tr className="govuk-table__row" key={criterion.id}>
                  <th scope="row" className="govuk-table__header">
                    {criterion.title}
                  </th>
                  <td className="govuk-table__cell">{criterion.guidance}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{`${criterion.weightPercent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {round.criteria.map((criterion) =>
            criterion.descriptors.length > 0 ? (
              <details className="govuk-details" key={criterion.id}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">What each score means: {criterion.title}</span>
                </summary>
                <div className="govuk-details__text">
                  <dl className="govuk-summary-list govuk-summary-list--no-border">
                    {criterion.descriptors.map((descriptor) => (
                      <SummaryRow key={descriptor.score} label={`${descriptor.score} out of ${criterion.maxScore}`}>
                        {descriptor.description}
                      </SummaryRow>
                    ))}
                  </dl>
                </div>
              </details>
            ) : null,
          )}
        </div>
      </div>
    </>
  );
}
