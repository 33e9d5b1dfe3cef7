import { createContext, useContext, type ReactNode } from "react";

const HasActions = createContext(false);

/**
 * GOV.UK summary list. Give `withActions` when any row has an action (a "Change" link, say): rows
 * without one then keep the columns lined up, as the Design System asks.
 */
export function SummaryList({ children, withActions = false, className }: { children: ReactNode; withActions?: boolean; className?: string }) {
  return (
    <HasActions.Provider value={withActions}>
      <dl className={className ? `govuk-summary-list ${className}` : "govuk-summary-list"}>{children}</dl>
    </HasActions.Provider>
  );
}

/** One row: what it is, its value, and an optional action (a link or button about this row). */
export function SummaryRow({
  label,
  children,
  action,
  valueClassName,
}: {
  label: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  valueClassName?: string;
}) {
  const listHasActions = useContext(HasActions);
  const rowClass = listHasActions && !action ? "govuk-summary-list__row govuk-summary-list__row--no-actions" : "govuk-summary-list__row";
  return (
    <div className={rowClass}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className={valueClassName ? `govuk-summary-list__value ${valueClassName}` : "govuk-summary-list__value"}>{children}</dd>
      {action ? <dd className="govuk-summary-list__actions">{action}</dd> : null}
    </div>
  );
}
