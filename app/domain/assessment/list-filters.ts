// The filters of the assessment lists (screening, the ranking, the assessor's queue), as their
// GET forms send them (ADR 0023). Pure: the pages draw their choices from these.

export const SCREENING_STATES = ["not_screened", "eligible", "ineligible"] as const;
export const SCREENING_SORTS = ["reference", "organisation", "requested"] as const;
export type ScreeningFilters = {
  q: string;
  screening: (typeof SCREENING_STATES)[number] | "";
  area: string;
  sort: (typeof SCREENING_SORTS)[number] | "";
};
/** What the screening list reads from its address (its filters and page), kept across a screening decision. */
export const SCREENING_LIST_PARAMS = ["q", "screening", "area", "sort", "page"] as const;

export const RESULT_BANDS = ["meets_threshold", "below_threshold", "not_scored"] as const;
export const RESULT_FLAGS = ["needs_moderation", "needs_reassignment", "assessments_outstanding"] as const;
export type ResultsFilters = { q: string; band: (typeof RESULT_BANDS)[number] | ""; flag: (typeof RESULT_FLAGS)[number] | "" };

export const QUEUE_PROGRESS = ["not_started", "draft", "submitted", "conflict"] as const;
export type QueueProgress = (typeof QUEUE_PROGRESS)[number];
export type QueueFilters = { q: string; progress: QueueProgress | "" };
