import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundFormShape } from "~/components/rounds/round-form-shape";
import { OPTIONAL_SECTIONS, type FormRules, type FormSize } from "~/domain/bids/proportionate";
import { parseRoundFormRules } from "~/domain/bids/stored-form-rules";
import { documentKindLabel } from "~/domain/documents/document-kinds";
import { potPence, roundPhase } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { describeRequests } from "~/domain/rounds/round-figures";
import { findRoundForPublicPage, liveRoundFigures } from "~/domain/rounds/round-page.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { StageDates } from "~/components/stages/stage-dates";
import { publicStageDates } from "~/domain/stages/expressions-of-interest.server";
import { StartButton } from "~/components/govuk/start-button";
import { PageColumn } from "~/components/govuk/page-column";

function publicBands(rules: Record<FormSize, FormRules>) {
  const band = (r: FormRules) => ({
    sections: OPTIONAL_SECTIONS.filter((s) => r.sections.includes(s.key)).map((s) => s.title),
    documents: r.documentKinds.map(documentKindLabel),
    summaryMaxWords: r.summaryMaxWords,
    beneficiariesMaxWords: r.beneficiariesMaxWords,
    safeguardingMaxWords: r.safeguardingMaxWords,
    equalityMaxWords: r.equalityMaxWords,
  });
  return { small: band(rules.small), standard: band(rules.standard) };
}

export const meta = titleMeta<typeof loader>(({ data }) => roundTitle(data.round));

export async function loader({ params }: LoaderFunctionArgs) {
  const round = await findRoundForPublicPage(params.roundSlug ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const figures = await liveRoundFigures(round);
  const now = new Date();
  return {
    round: {
      slug: round.slug,
      name: round.name,
      description: round.description,
      fund: { name: round.fund.name, description: round.fund.description },
      smallBidThresholdPence: round.smallBidThresholdPence,
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
    form: publicBands(parseRoundFormRules(round.formRules)),
    phase: roundPhase(round, now),
    pot: potPence(round),
    figures: { submittedBids: figures.submittedBids, totalRequestedPence: figures.totalRequestedPence, summary: figures.summary },
    stages: await publicStageDates(round.id, now),
  };
}

const PHASE_TAG = { open: ["Open", "govuk-tag--green"], upcoming: ["Opens soon", "govuk-tag--blue"], closed: ["Closed", "govuk-tag--grey"] } as const;

export default function RoundPage() {
  const { round, phase, pot, figures, form, stages } = useLoaderData<typeof loader>();
  const [phaseLabel, phaseClass] = PHASE_TAG[phase];
  const eligibilityPath = `/rounds/${round.slug}/eligibility`;
  return (
    <>
      <PageColumn>
        <span className="govuk-caption-l">{round.fund.name}</span>
        <h1 className="govuk-heading-l">{round.name}</h1>
        <p className="govuk-body">
          <strong className={`govuk-tag ${phaseClass}`}>{phaseLabel}</strong>
        </p>
        {round.description ? <p className="govuk-body-l">{round.description}</p> : null}

        <h2 className="govuk-heading-m">What the fund is for</h2>
        <p className="govuk-body">{round.fund.description}</p>

        <h2 className="govuk-heading-m">Dates</h2>
        <SummaryList>
          <SummaryRow label="Opens">{formatDateTime(round.opensAt)}</SummaryRow>
          <SummaryRow label="Closes">{formatDateTime(round.closesAt)}</SummaryRow>
        </SummaryList>
        <p className="govuk-body">Bids must be submitted before the round closes. Times are UK time.</p>
        <StageDates stages={stages} />

        <RoundFormShape thresholdPence={round.smallBidThresholdPence} small={form.small} standard={form.standard} />

        {phase === "open" && stages?.phase === "eoi_closed" ? (
          // Between the stages only the organisations invited after their expression of interest may bid (ADR 0026).
          <div className="govuk-inset-text" id="invitation-only">
            {`This round is now by invitation only. Expressions of interest closed at ${formatDateTime(stages.eoiClosesAt)}. Organisations invited to make a full bid have until ${formatDateTime(stages.fullBidClosesAt)} to submit it; no one else can apply to this round now.`}
          </div>
        ) : phase === "open" ? (
          <StartButton to={eligibilityPath} reloadDocument>
            Check if you can apply
          </StartButton>
        ) : phase === "upcoming" ? (
          <div className="govuk-inset-text">
            This round is not open yet. You can still{" "}
            <Link className="govuk-link" to={eligibilityPath}>
              check if you can apply
            </Link>
            .
          </div>
        ) : (
          <div className="govuk-inset-text">This round has closed. It is no longer taking bids.</div>
        )}

        <h2 className="govuk-heading-m">The money available</h2>
        <SummaryList>
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
        </SummaryList>

        <h2 className="govuk-heading-m">Bids so far</h2>
        <SummaryList>
          <SummaryRow label="Bids submitted">{figures.submittedBids}</SummaryRow>
          <SummaryRow label="Total requested">
            <span className="app-money">{formatPounds(figures.totalRequestedPence)}</span>
          </SummaryRow>
        </SummaryList>
        <div className="govuk-inset-text">
          <p className="govuk-body">{figures.summary}</p>
          <p className="govuk-body">
            {`${describeRequests(figures.submittedBids, figures.totalRequestedPence)} against a pot of ${formatPounds(pot)}.`} These figures count every bid
            submitted and not withdrawn, and change as bids come in.
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
        <SummaryList>
          {round.priorities.map((priority) => (
            <SummaryRow key={priority.id} label={priority.title}>
              {priority.description}
            </SummaryRow>
          ))}
        </SummaryList>

        <h2 className="govuk-heading-m">How bids are scored</h2>
        <p className="govuk-body">
          At least two assessors score each eligible bid against these criteria. Each criterion counts for its weight in the overall score. Bids must score at
          least {`${round.qualityThresholdPercent}%`} overall to be funded.
        </p>
        <Table label="Assessment criteria" head={["Criterion", "What assessors look for", { text: "Weight", numeric: true }]}>
          {round.criteria.map((criterion) => (
            <TableRow key={criterion.id}>
              <TableRowHeader>{criterion.title}</TableRowHeader>
              <TableCell>{criterion.guidance}</TableCell>
              <TableCell numeric>{`${criterion.weightPercent}%`}</TableCell>
            </TableRow>
          ))}
        </Table>
        {round.criteria.map((criterion) =>
          criterion.descriptors.length > 0 ? (
            <details className="govuk-details" key={criterion.id}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">What each score means: {criterion.title}</span>
              </summary>
              <div className="govuk-details__text">
                <SummaryList className="govuk-summary-list--no-border">
                  {criterion.descriptors.map((descriptor) => (
                    <SummaryRow key={descriptor.score} label={`${descriptor.score} out of ${criterion.maxScore}`}>
                      {descriptor.description}
                    </SummaryRow>
                  ))}
                </SummaryList>
              </div>
            </details>
          ) : null,
        )}
      </PageColumn>
    </>
  );
}
