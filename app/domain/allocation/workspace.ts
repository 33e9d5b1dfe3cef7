// What the allocation workspace page and its server module share: the form's field names, the
// states in which the allocation can still change, and how they read. Pure, safe in the browser.

/** Round states in which the administrator may still change the proposal. */
export const EDITABLE_ALLOCATION_STATUSES = ["open", "proposed", "sent_back"] as const;

export const ALLOCATION_STATUS_LABEL: Record<string, string> = {
  open: "Not started",
  proposed: "Proposed",
  approved: "Approved, waiting for OPCC sign-off",
  sent_back: "Sent back by the OPCC",
  signed_off: "Approved and signed off",
  released: "Outcomes released",
};

export function isEditable(allocationStatus: string) {
  return (EDITABLE_ALLOCATION_STATUSES as readonly string[]).includes(allocationStatus);
}

export const awardField = (bidId: string) => `award.${bidId}`;
export const conditionsField = (bidId: string) => `conditions.${bidId}`;
/** The optimal suggestion's minimum for an area (a ring-fence), in pounds as typed. */
export const ringFenceField = (areaId: string) => `ringFence.${areaId}`;

/** The optimal suggestion's minimum for a PCC priority, in pounds as typed. */
export const priorityMinimumField = (priorityId: string) => `priorityMinimum.${priorityId}`;
/** The feedback shared with a bid that gets no award (release form). */
export const feedbackField = (bidId: string) => `feedback.${bidId}`;
/** Offering a reserve bid an award after release. */
export const offerAmountField = (bidId: string) => `offer.${bidId}`;
export const offerConditionsField = (bidId: string) => `offerConditions.${bidId}`;

/** What the workspace form shows for each bid: the amount as typed (pounds) and the conditions. */
export type ProposalValues = Record<string, { amount: string; conditions: string }>;

export type SuggestionView = {
  title: string;
  /** For the optimal suggestion: solver status, MIP gap and totals. */
  summary: string[];
  lines: { bidId: string; reference: string; explanation: string }[];
  values: ProposalValues;
};

/** The workspace's filters, as read from its GET form (ADR 0023). */
export const ALLOCATION_BANDS = ["meets_threshold", "below_threshold", "not_scored"] as const;
export const ALLOCATION_AWARDS = ["with_award", "without_award", "reserve"] as const;
export type AllocationFilters = {
  q: string;
  band: (typeof ALLOCATION_BANDS)[number] | "";
  award: (typeof ALLOCATION_AWARDS)[number] | "";
  area: string;
  priority: string;
};
export const NO_ALLOCATION_FILTERS: AllocationFilters = { q: "", band: "", award: "", area: "", priority: "" };

export function isFiltered(filters: AllocationFilters) {
  return Object.values(filters).some(Boolean);
}
