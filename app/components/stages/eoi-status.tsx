// How an expression of interest's status reads (ADR 0026).
const LABELS: Record<string, { label: string; tag: string }> = {
  draft: { label: "Draft", tag: "govuk-tag--grey" },
  submitted: { label: "Waiting for a decision", tag: "govuk-tag--blue" },
  invited: { label: "Invited to full bid", tag: "govuk-tag--green" },
  not_invited: { label: "Not invited", tag: "govuk-tag--red" },
};

export function eoiStatusLabel(status: string) {
  return LABELS[status]?.label ?? status;
}

export function EoiStatusTag({ status }: { status: string }) {
  return <strong className={`govuk-tag ${LABELS[status]?.tag ?? ""}`.trim()}>{eoiStatusLabel(status)}</strong>;
}
