import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { formatPounds } from "~/lib/money";
import type { FundDashboardPage, RoundDashboardPage } from "~/web/dashboard-page.server";
import { ChartFigure } from "./chart-figure";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

const money = (pence: number) => <span className="app-money">{formatPounds(pence)}</span>;

/** The round dashboard, read-only, for the fund administrator and the OPCC (`home` is their start page). */
export function RoundDashboard({
  data,
  home,
  fundDashboardPath,
}: {
  data: RoundDashboardPage;
  home: { path: string; label: string };
  fundDashboardPath: string;
}) {
  const { round, money: m, charts, bidsByStatus, byPriority, byArea, scoreDistribution, assessors, funnel } = data;
  return (
    <PageColumn width="full">
      <BackLink to={home.path}>{home.label}</BackLink>
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Round dashboard</h1>
      <SummaryList>
        <SummaryRow label="Pot">{money(m.potPence)}</SummaryRow>
        <SummaryRow label="Requested">{money(m.requestedPence)}</SummaryRow>
        <SummaryRow label="Oversubscription (requested ÷ pot)">{data.oversubscriptionText}</SummaryRow>
        <SummaryRow label="Proposed, not yet approved">{money(m.proposedPence)}</SummaryRow>
        <SummaryRow label="Awarded">{money(m.awardedPence)}</SummaryRow>
        <SummaryRow label="Returned or clawed back">{money(m.returnedPence)}</SummaryRow>
        <SummaryRow label="Not yet awarded">{money(m.remainingPotPence)}</SummaryRow>
      </SummaryList>
      <p className="govuk-body">
        Requested counts every bid sent in (not drafts or withdrawn bids). Awarded counts awards approved, waiting for acceptance, accepted or closed, at the
        amount awarded; money handed back is shown as returned. What is not yet awarded is the pot less awards plus returns.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={fundDashboardPath}>
          Compare the rounds of {round.fund.name}
        </Link>
      </p>

      <h2 className="govuk-heading-m">Money</h2>
      <ChartFigure title="Pot, requested, proposed, awarded and returned" chart={charts.money}>
        <FigureTable
          caption="Money in this round"
          headings={["Figure", "Amount"]}
          rows={(
            [
              ["Pot", m.potPence],
              ["Requested", m.requestedPence],
              ["Proposed", m.proposedPence],
              ["Awarded", m.awardedPence],
              ["Returned", m.returnedPence],
            ] as const
          ).map(([label, pence]) => ({ key: label, label, value: money(pence) }))}
        />
      </ChartFigure>

      <h2 className="govuk-heading-m">Bids by status</h2>
      <ChartFigure title="Bids by status" chart={charts.status}>
        <FigureTable
          caption="Bids by status"
          headings={["Status", "Bids"]}
          rows={bidsByStatus.map((s) => ({ key: s.status, label: s.label, value: s.count }))}
        />
      </ChartFigure>

      <h2 className="govuk-heading-m">Priorities and areas</h2>
      <p className="govuk-body">
        A bid that names more than one priority or area is counted once under each one it names, with its full amount, so these rows can add up to more than the
        round&apos;s totals. Only bids sent in are counted; awarded is the amount of each award counted as awarded above.
      </p>
      <ChartFigure title="Requested and awarded by PCC priority" chart={charts.priority}>
        <TagTable caption="Requested and awarded by PCC priority" nameHeading="Priority" rows={byPriority} />
      </ChartFigure>
      <ChartFigure title="Requested and awarded by area" chart={charts.area}>
        <TagTable caption="Requested and awarded by area" nameHeading="Area" rows={byArea} />
      </ChartFigure>

      <h2 className="govuk-heading-m">Scores</h2>
      <p className="govuk-body">
        Weighted scores are worked out as for the ranking, including moderated scores, for bids not screened out. The quality threshold is{" "}
        {scoreDistribution.thresholdPercent}%.
      </p>
      <ChartFigure title="Weighted scores in bands of 10%" chart={charts.scores}>
        <Table caption="Bids by weighted score" captionSize="s" head={["Weighted score", { text: "Bids", numeric: true }]}>
          {scoreDistribution.bands.map((b) => (
            <TableRow key={b.index}>
              <TableRowHeader>
                {b.label}
                {scoreDistribution.thresholdPercent >= b.fromPercent && scoreDistribution.thresholdPercent < b.toPercent ? (
                  <span className="govuk-hint govuk-!-margin-bottom-0">{`Quality threshold (${scoreDistribution.thresholdPercent}%) is in this band`}</span>
                ) : null}
              </TableRowHeader>
              <TableCell numeric>{b.bids}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableRowHeader>Not scored yet</TableRowHeader>
            <TableCell numeric>{scoreDistribution.notScored}</TableCell>
          </TableRow>
        </Table>
      </ChartFigure>

      <h2 className="govuk-heading-m">Assessor progress</h2>
      {assessors.length === 0 ? (
        <p className="govuk-body">No assessor has been given bids in this round yet.</p>
      ) : (
        <Table
          caption="Assessor progress"
          captionSize="s"
          head={[
            "Assessor",
            { text: "Bids assigned", numeric: true },
            { text: "Assessments sent", numeric: true },
            { text: "Conflicts declared", numeric: true },
          ]}
        >
          {assessors.map((a) => (
            <TableRow key={a.id}>
              <TableRowHeader>{a.name}</TableRowHeader>
              <TableCell numeric>{a.assigned}</TableCell>
              <TableCell numeric>{a.scored}</TableCell>
              <TableCell numeric>{a.conflicts}</TableCell>
            </TableRow>
          ))}
        </Table>
      )}

      <h2 className="govuk-heading-m">From eligibility check to award</h2>
      <p className="govuk-body">
        Eligibility checks are counted once per visitor and browser. Awarded counts awards approved and not declined, lapsed or withdrawn; accepted counts
        awards the organisation accepted (including closed ones).
      </p>
      <ChartFigure title="From eligibility check to award" chart={charts.funnel}>
        <FigureTable
          caption="From eligibility check to award"
          headings={["Stage", "Number"]}
          rows={funnel.map((s) => ({ key: s.key, label: s.label, value: s.count }))}
        />
      </ChartFigure>
    </PageColumn>
  );
}

/** The table beside a chart: a name and one number a row, for those who cannot see the chart. */
function FigureTable({
  caption,
  headings: [nameHeading, valueHeading],
  rows,
}: {
  caption: string;
  headings: [string, string];
  rows: readonly { key: string; label: string; value: ReactNode }[];
}) {
  return (
    <Table caption={caption} captionSize="s" head={[nameHeading, { text: valueHeading, numeric: true }]}>
      {rows.map((r) => (
        <TableRow key={r.key}>
          <TableRowHeader>{r.label}</TableRowHeader>
          <TableCell numeric>{r.value}</TableCell>
        </TableRow>
      ))}
    </Table>
  );
}

function TagTable({ caption, nameHeading, rows }: { caption: string; nameHeading: string; rows: RoundDashboardPage["byPriority"] }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[
        nameHeading,
        { text: "Bids", numeric: true },
        { text: "Requested", numeric: true },
        { text: "Bids awarded", numeric: true },
        { text: "Awarded", numeric: true },
      ]}
    >
      {rows.map((r) => (
        <TableRow key={r.id || "none"}>
          <TableRowHeader>{r.name}</TableRowHeader>
          <TableCell numeric>{r.bids}</TableCell>
          <TableCell numeric>{money(r.requestedPence)}</TableCell>
          <TableCell numeric>{r.awardedBids}</TableCell>
          <TableCell numeric>{money(r.awardedPence)}</TableCell>
        </TableRow>
      ))}
    </Table>
  );
}

/** The fund-level comparison of its rounds. `roundPath` gives each round's dashboard. */
export function FundDashboard({
  data,
  home,
  roundPath,
}: {
  data: FundDashboardPage;
  home: { path: string; label: string };
  roundPath: (roundId: string) => string;
}) {
  const { fund, rounds, chart } = data;
  return (
    <PageColumn width="full">
      <BackLink to={home.path}>{home.label}</BackLink>
      <span className="govuk-caption-l">{fund.name}</span>
      <h1 className="govuk-heading-l">Rounds compared</h1>
      <p className="govuk-body">
        Requested counts bids sent in (not drafts or withdrawn bids). Awarded and funded count awards approved, waiting for acceptance, accepted or closed.
      </p>
      {rounds.length === 0 ? (
        <p className="govuk-body">This fund has no rounds yet.</p>
      ) : (
        <>
          <Table
            caption="Rounds of this fund"
            head={[
              "Round",
              { text: "Pot", numeric: true },
              { text: "Requested", numeric: true },
              { text: "Awarded", numeric: true },
              { text: "Returned", numeric: true },
              { text: "Bids", numeric: true },
              { text: "Oversubscription", numeric: true },
              { text: "Funded", numeric: true },
            ]}
          >
            {rounds.map((r) => (
              <TableRow key={r.id}>
                <TableRowHeader>
                  <Link className="govuk-link" to={roundPath(r.id)}>
                    {r.name}
                    <span className="govuk-visually-hidden"> dashboard</span>
                  </Link>
                </TableRowHeader>
                <TableCell numeric>{money(r.potPence)}</TableCell>
                <TableCell numeric>{money(r.requestedPence)}</TableCell>
                <TableCell numeric>{money(r.awardedPence)}</TableCell>
                <TableCell numeric>{money(r.returnedPence)}</TableCell>
                <TableCell numeric>{r.bids}</TableCell>
                <TableCell numeric>{r.oversubscriptionText}</TableCell>
                <TableCell numeric>{r.fundedBids}</TableCell>
              </TableRow>
            ))}
          </Table>
          <h2 className="govuk-heading-m">Pot, requested and awarded by round</h2>
          <ChartFigure title="Pot, requested and awarded by round" chart={chart}>
            <Table
              caption="Pot, requested and awarded by round"
              captionSize="s"
              head={["Round", { text: "Pot", numeric: true }, { text: "Requested", numeric: true }, { text: "Awarded", numeric: true }]}
            >
              {rounds.map((r) => (
                <TableRow key={r.id}>
                  <TableRowHeader>{r.name}</TableRowHeader>
                  <TableCell numeric>{money(r.potPence)}</TableCell>
                  <TableCell numeric>{money(r.requestedPence)}</TableCell>
                  <TableCell numeric>{money(r.awardedPence)}</TableCell>
                </TableRow>
              ))}
            </Table>
          </ChartFigure>
        </>
      )}
    </PageColumn>
  );
}
