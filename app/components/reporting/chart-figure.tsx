import type { ReactNode } from "react";

/**
 * A chart drawn on the server: its summary as the caption, the SVG (one image named by that
 * summary), and the same figures as a table for anyone who wants the numbers.
 */
export function ChartFigure({ title, chart, children }: { title: string; chart: { svg: string; summary: string }; children: ReactNode }) {
  return (
    <figure className="app-chart">
      <figcaption className="govuk-body">
        <strong>{title}.</strong> {chart.summary}
      </figcaption>
      {/* SVG rendered by vega on the server from our own figures; text in it is escaped there. */}
      <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            Show the figures as a table<span className="govuk-visually-hidden">: {title}</span>
          </span>
        </summary>
        <div className="govuk-details__text">{children}</div>
      </details>
    </figure>
  );
}
