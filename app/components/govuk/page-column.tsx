import type { ReactNode } from "react";

/**
 * A page's content in one GOV.UK grid column: two-thirds for forms and reading (a line length
 * people can read), full width for lists and tables.
 */
export function PageColumn({ width = "two-thirds", children }: { width?: "two-thirds" | "full"; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className={`govuk-grid-column-${width}`}>{children}</div>
    </div>
  );
}
