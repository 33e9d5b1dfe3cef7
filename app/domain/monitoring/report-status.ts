// A monitoring report's states: due -> draft -> submitted -> accepted | changes_requested -> submitted ...

export const REPORT_STATUSES = ["due", "draft", "submitted", "changes_requested", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The organisation may still change the report in these states. */
export const EDITABLE_REPORT_STATUSES = ["due", "draft", "changes_requested"] as const satisfies readonly ReportStatus[];

/** Reports the organisation has not yet handed in: overdue once their due date has passed. */
export const OUTSTANDING_REPORT_STATUSES = ["due", "draft", "changes_requested"] as const satisfies readonly ReportStatus[];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  due: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  changes_requested: "Changes asked for",
  accepted: "Accepted",
};

export function reportStatusLabel(status: string): string {
  return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
}

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === "string" && (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isEditable(status: string): boolean {
  return (EDITABLE_REPORT_STATUSES as readonly string[]).includes(status);
}

/** Past its due date and not handed in (submitted or accepted). */
export function isOverdue(report: { status: string; dueAt: Date | string }, now: Date): boolean {
  return (OUTSTANDING_REPORT_STATUSES as readonly string[]).includes(report.status) && new Date(report.dueAt).getTime() < now.getTime();
}

/** Documents one report can carry. */
export const MAX_REPORT_DOCUMENTS = 10;
