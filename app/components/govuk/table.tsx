import { useId, type ReactNode } from "react";

export type TableColumn = string | { text: ReactNode; numeric?: boolean; className?: string };

/**
 * GOV.UK table. It sits in a labelled scrolling region that can take keyboard focus, so a table
 * wider than a narrow screen (320 px) scrolls on its own instead of making the page scroll
 * sideways (WCAG 1.4.10, reflow); keyboard users scroll it with the arrow keys once focused.
 * The region is named by the caption, or by `label` for a table without one.
 */
export function Table({
  caption,
  captionSize = "m",
  label,
  head,
  children,
  className,
}: {
  caption?: ReactNode;
  captionSize?: "s" | "m" | "l";
  label?: string;
  head: TableColumn[];
  children: ReactNode;
  className?: string;
}) {
  // React's ids contain colons; letters, digits and hyphens suit every tool that reads ids.
  const captionId = `table-caption${useId().replace(/:/g, "-")}`;
  return (
    <section className="app-table-region" tabIndex={0} {...(caption ? { "aria-labelledby": captionId } : { "aria-label": label })}>
      <table className={classes("govuk-table", className)}>
        {caption ? (
          <caption id={captionId} className={`govuk-table__caption govuk-table__caption--${captionSize}`}>
            {caption}
          </caption>
        ) : null}
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((column, index) => {
              const { text, numeric, className: columnClass } = typeof column === "string" ? { text: column, numeric: false, className: undefined } : column;
              return (
                <th key={index} scope="col" className={classes("govuk-table__header", numeric && "govuk-table__header--numeric", columnClass)}>
                  {text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
      </table>
    </section>
  );
}

export function TableRow({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={classes("govuk-table__row", className)}>{children}</tr>;
}

/** A data cell; `numeric` right-aligns figures and money. */
export function TableCell({
  children,
  numeric,
  colSpan,
  className,
  id,
}: {
  children?: ReactNode;
  numeric?: boolean;
  colSpan?: number;
  className?: string;
  id?: string;
}) {
  return (
    <td id={id} className={classes("govuk-table__cell", numeric && "govuk-table__cell--numeric", className)} colSpan={colSpan}>
      {children}
    </td>
  );
}

/** The cell that names its row (read out before each of the row's other cells). */
export function TableRowHeader({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="row" className={classes("govuk-table__header", className)}>
      {children}
    </th>
  );
}

function classes(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}
