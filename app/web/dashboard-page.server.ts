// What the dashboard pages show: the domain's figures with each chart drawn once per request and
// its text summary. Shared by the fund administrator's and the OPCC's pages.
import {
  describeCounts,
  describeDemand,
  describeFundComparison,
  describeFunnel,
  describeScores,
  describeTagTotals,
  formatRatio,
} from "~/domain/reporting/dashboard";
import { loadFundDashboard, loadRoundDashboard } from "~/domain/reporting/dashboard.server";
import { formatPounds } from "~/lib/money";
import { barChartSvg, histogramSvg } from "./charts.server";

export type Chart = { svg: string; summary: string };

export async function roundDashboardPage(roundId: string) {
  const dashboard = await loadRoundDashboard(roundId);
  if (!dashboard) throw new Response("Round not found", { status: 404, statusText: "Not Found" });
  const { money, bidsByStatus, byPriority, byArea, scoreDistribution, funnel } = dashboard;

  const moneySummary =
    `${describeDemand(money.requestedPence, money.potPence)} ` +
    `${formatPounds(money.awardedPence)} awarded, ${formatPounds(money.returnedPence)} returned and ${formatPounds(money.remainingPotPence)} not yet awarded.`;
  const moneyRows = [
    ["Pot", money.potPence],
    ["Requested", money.requestedPence],
    ["Proposed", money.proposedPence],
    ["Awarded", money.awardedPence],
    ["Returned", money.returnedPence],
  ] as const;
  const statusRows = bidsByStatus.map((s) => ({ label: s.label, count: s.count }));
  const statusSummary = describeCounts(statusRows, ["bid", "bids"]);
  const prioritySummary = describeTagTotals("priorities", byPriority);
  const areaSummary = describeTagTotals("areas", byArea);
  const scoreSummary = describeScores(
    scoreDistribution.bands,
    scoreDistribution.meetingThreshold,
    scoreDistribution.thresholdPercent,
    scoreDistribution.notScored,
  );
  const funnelSummary = describeFunnel(funnel);
  const tagChart = (rows: typeof byPriority, summary: string) =>
    barChartSvg(
      {
        categories: rows.map((r) => r.name),
        series: [
          { name: "Requested", values: rows.map((r) => r.requestedPence) },
          { name: "Awarded", values: rows.map((r) => r.awardedPence) },
        ],
        unit: "pence",
        valueTitle: "Amount",
      },
      summary,
    );

  const [moneySvg, statusSvg, prioritySvg, areaSvg, scoreSvg, funnelSvg] = await Promise.all([
    barChartSvg(
      {
        categories: moneyRows.map(([label]) => label),
        series: [{ name: "Amount", values: moneyRows.map(([, pence]) => pence) }],
        unit: "pence",
        valueTitle: "Amount",
      },
      moneySummary,
    ),
    barChartSvg(
      { categories: statusRows.map((r) => r.label), series: [{ name: "Bids", values: statusRows.map((r) => r.count) }], unit: "count", valueTitle: "Bids" },
      statusSummary,
    ),
    tagChart(byPriority, prioritySummary),
    tagChart(byArea, areaSummary),
    histogramSvg(
      {
        bins: scoreDistribution.bands.map((b) => ({ from: b.fromPercent, to: b.toPercent, count: b.bids })),
        marker: { at: scoreDistribution.thresholdPercent, label: `Quality threshold ${scoreDistribution.thresholdPercent}%` },
        valueTitle: "Weighted score",
        countTitle: "Bids",
      },
      scoreSummary,
    ),
    barChartSvg(
      { categories: funnel.map((s) => s.label), series: [{ name: "Count", values: funnel.map((s) => s.count) }], unit: "count", valueTitle: "Number" },
      funnelSummary,
    ),
  ]);

  return {
    ...dashboard,
    oversubscriptionText: formatRatio(money.oversubscriptionTenths),
    charts: {
      money: { svg: moneySvg, summary: moneySummary },
      status: { svg: statusSvg, summary: statusSummary },
      priority: { svg: prioritySvg, summary: prioritySummary },
      area: { svg: areaSvg, summary: areaSummary },
      scores: { svg: scoreSvg, summary: scoreSummary },
      funnel: { svg: funnelSvg, summary: funnelSummary },
    } satisfies Record<string, Chart>,
  };
}

export type RoundDashboardPage = Awaited<ReturnType<typeof roundDashboardPage>>;

export async function fundDashboardPage(fundId: string) {
  const dashboard = await loadFundDashboard(fundId);
  if (!dashboard) throw new Response("Fund not found", { status: 404, statusText: "Not Found" });
  const { rounds } = dashboard;
  const summary = describeFundComparison(rounds);
  const svg = await barChartSvg(
    {
      categories: rounds.map((r) => r.name),
      series: [
        { name: "Pot", values: rounds.map((r) => r.potPence) },
        { name: "Requested", values: rounds.map((r) => r.requestedPence) },
        { name: "Awarded", values: rounds.map((r) => r.awardedPence) },
      ],
      unit: "pence",
      valueTitle: "Amount",
    },
    summary,
  );
  return {
    ...dashboard,
    rounds: rounds.map((r) => ({ ...r, oversubscriptionText: formatRatio(r.oversubscriptionTenths) })),
    chart: { svg, summary } satisfies Chart,
  };
}

export type FundDashboardPage = Awaited<ReturnType<typeof fundDashboardPage>>;
