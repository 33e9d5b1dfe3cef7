// Charts drawn on the server: a Vega-Lite spec compiled to Vega and rendered to an SVG string with
// no DOM (renderer "none"), inlined in the page so it shows without JavaScript. Each SVG is one
// image named by a text summary (role="img" + aria-label); pages also give its figures as a table.
// The SVG carries only presentation attributes (no style attributes), so the page's
// Content-Security-Policy (style-src 'self') does not block any of it.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** GOV.UK colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics). */
export const CHART_COLOURS = ["#1d70b8", "#00703c", "#4c2c92", "#d4351c", "#505a5f"] as const;
const TEXT = "#0b0c0c";
const LINES = "#505a5f";

const CONFIG = {
  // One image with one name: the marks' own ARIA labels would repeat the table.
  aria: false,
  font: "arial, sans-serif",
  background: "#ffffff",
  view: { stroke: null },
  axis: {
    labelColor: TEXT,
    titleColor: TEXT,
    domainColor: LINES,
    tickColor: LINES,
    gridColor: "#b1b4b6",
    labelFontSize: 12,
    titleFontSize: 12,
    labelLimit: 320,
  },
  legend: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 12, titleFontSize: 12, orient: "bottom", direction: "horizontal" },
} as const;

export type ChartUnit = "pence" | "count";

export type BarChart = {
  categories: readonly string[];
  /** One or more series (grouped bars), values in the unit given. */
  series: readonly { name: string; values: readonly number[] }[];
  unit: ChartUnit;
  /** Axis title for the values. */
  valueTitle: string;
};

const valueOf = (unit: ChartUnit, value: number) => (unit === "pence" ? value / 100 : value);

function axisFor(unit: ChartUnit, title: string) {
  return unit === "pence" ? { title, format: ",.0f", labelExpr: "'£' + format(datum.value, ',.0f')", tickMinStep: 1 } : { title, format: "d", tickMinStep: 1 };
}

/** Horizontal bars, one group per category, one bar per series. */
export async function barChartSvg(chart: BarChart, summary: string): Promise<string> {
  const values = chart.categories.flatMap((category, i) =>
    chart.series.map((s) => ({ category, series: s.name, value: valueOf(chart.unit, s.values[i] ?? 0) })),
  );
  const grouped = chart.series.length > 1;
  const rowHeight = grouped ? 14 * chart.series.length + 10 : 26;
  const spec: TopLevelSpec = {
    width: 420,
    height: Math.max(60, chart.categories.length * rowHeight),
    data: { values },
    config: CONFIG,
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y: { field: "category", type: "nominal", sort: null, title: null, axis: { labelLimit: 320 } },
          x: { field: "value", type: "quantitative", axis: axisFor(chart.unit, chart.valueTitle) },
          ...(grouped
            ? {
                yOffset: { field: "series", type: "nominal", sort: null },
                color: {
                  field: "series",
                  type: "nominal",
                  sort: null,
                  title: null,
                  scale: { domain: chart.series.map((s) => s.name), range: CHART_COLOURS.slice(0, chart.series.length) },
                },
              }
            : { color: { value: CHART_COLOURS[0] } }),
        },
      },
    ],
  };
  return render(spec, summary);
}

export type Histogram = {
  bins: readonly { from: number; to: number; count: number }[];
  /** A vertical line marked at this value, e.g. the quality threshold. */
  marker?: { at: number; label: string };
  valueTitle: string;
  countTitle: string;
};

/** Columns over a 0–100 scale (the weighted score), with an optional marked line. */
export async function histogramSvg(chart: Histogram, summary: string): Promise<string> {
  const spec: TopLevelSpec = {
    width: 420,
    height: 200,
    config: CONFIG,
    layer: [
      {
        data: { values: chart.bins.map((b) => ({ from: b.from, to: b.to, count: b.count })) },
        mark: { type: "bar", color: CHART_COLOURS[0], stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          x: {
            field: "from",
            type: "quantitative",
            scale: { domain: [0, 100] },
            axis: { title: chart.valueTitle, values: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], labelExpr: "datum.value + '%'" },
          },
          x2: { field: "to" },
          y: { field: "count", type: "quantitative", axis: { title: chart.countTitle, format: "d", tickMinStep: 1 } },
          // Columns stand on zero (with x and x2 both given, Vega-Lite would not know which way).
          y2: { datum: 0 },
        },
      },
      ...(chart.marker
        ? [
            {
              data: { values: [{ at: chart.marker.at, label: chart.marker.label }] },
              layer: [
                {
                  mark: { type: "rule" as const, color: CHART_COLOURS[3], strokeWidth: 3, strokeDash: [6, 3] },
                  encoding: { x: { field: "at", type: "quantitative" as const } },
                },
                {
                  mark: { type: "text" as const, color: TEXT, align: "left" as const, dx: 4, dy: -4, baseline: "bottom" as const, fontSize: 12, y: 0 },
                  encoding: { x: { field: "at", type: "quantitative" as const }, text: { field: "label", type: "nominal" as const } },
                },
              ],
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
  return render(spec, summary);
}

async function render(spec: TopLevelSpec, summary: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return asInlineImage(await view.toSVG(), summary);
  } finally {
    view.finalize();
  }
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The root element made fit for inline HTML: one image named by the summary, scaled by its
 * viewBox to the width available (a fixed width would scroll sideways on a narrow screen).
 */
export function asInlineImage(svg: string, summary: string): string {
  // Vega keeps a few roles on mark groups even with ARIA off; inside one image they say nothing.
  const inner = svg.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, "");
  return inner.replace(/^<svg\b[^>]*>/, (root) => {
    const viewBox = /viewBox="([^"]*)"/.exec(root)?.[1] ?? "0 0 400 200";
    return `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" viewBox="${viewBox}" role="img" aria-label="${escapeAttribute(summary)}" focusable="false">`;
  });
}
