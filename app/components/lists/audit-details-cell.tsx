import { TableCell } from "~/components/govuk/table";

/** An audit event's before, after and details, each on its own line when there is one. */
export function AuditDetailsCell({ event }: { event: { before?: string | null; after?: string | null; details?: string | null } }) {
  return (
    <TableCell className="app-audit-details">
      {event.before ? <p className="govuk-body-s govuk-!-margin-bottom-1">{`Before: ${event.before}`}</p> : null}
      {event.after ? <p className="govuk-body-s govuk-!-margin-bottom-1">{`After: ${event.after}`}</p> : null}
      {event.details ? <p className="govuk-body-s govuk-!-margin-bottom-0">{`Details: ${event.details}`}</p> : null}
    </TableCell>
  );
}
