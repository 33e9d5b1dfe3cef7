// The bid form's sections and what is stored of each one's progress. Without the section schemas
// (sections.ts): pages that only name the sections (the bid summary) load this alone (ADR 0027).
export const SECTIONS = [
  { key: "about", title: "About the project" },
  { key: "priorities", title: "Priorities addressed" },
  { key: "areas", title: "Areas served" },
  { key: "outcomes", title: "Outcomes" },
  { key: "budget", title: "Budget" },
  { key: "beneficiaries", title: "Beneficiaries" },
  { key: "safeguarding-and-equality", title: "Safeguarding and equality" },
  { key: "documents", title: "Supporting documents" },
  { key: "declarations", title: "Declarations" },
] as const;

export type SectionKey = (typeof SECTIONS)[number]["key"];
export type StoredStatus = "in_progress" | "completed";
export type TaskStatus = "not_started" | StoredStatus;
export type SectionProgress = Partial<Record<SectionKey, StoredStatus>>;

export function isSectionKey(value: unknown): value is SectionKey {
  return SECTIONS.some((s) => s.key === value);
}

export function sectionTitle(key: SectionKey): string {
  return SECTIONS.find((s) => s.key === key)!.title;
}

/** Reads Bid.sectionProgress, ignoring anything that is not a known section and status. */
export function parseSectionProgress(json: string | null | undefined): SectionProgress {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "{}");
  } catch {
    return {};
  }
  const progress: SectionProgress = {};
  if (typeof value !== "object" || value === null) return progress;
  for (const [key, status] of Object.entries(value)) {
    if (isSectionKey(key) && (status === "in_progress" || status === "completed")) progress[key] = status;
  }
  return progress;
}

export function withSectionStatus(json: string | null | undefined, key: SectionKey, status: StoredStatus): string {
  return JSON.stringify({ ...parseSectionProgress(json), [key]: status });
}
