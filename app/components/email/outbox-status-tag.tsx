const TAGS: Record<string, [label: string, colour: string]> = {
  pending: ["Waiting to send", "govuk-tag--blue"],
  sending: ["Sending", "govuk-tag--yellow"],
  sent: ["Sent", "govuk-tag--green"],
  failed: ["Failed", "govuk-tag--red"],
};

export function outboxStatusLabel(status: string) {
  return TAGS[status]?.[0] ?? status;
}

export function OutboxStatusTag({ status }: { status: string }) {
  const [label, colour] = TAGS[status] ?? [status, "govuk-tag--grey"];
  return <strong className={`govuk-tag ${colour}`}>{label}</strong>;
}
