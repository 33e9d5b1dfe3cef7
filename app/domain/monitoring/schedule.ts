// When each monitoring report falls due: a round's report stages are set relative to the
// project's own dates (its start, its mid-point or its end), so a short project and a long one
// each get dates that fit them.

export type ReportStageRule = { id: string; title: string; relativeTo: "start" | "midpoint" | "end"; offsetDays: number };
export type ScheduledReport = { stageId: string; title: string; dueAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;

export const RELATIVE_TO_LABELS: Record<ReportStageRule["relativeTo"], string> = {
  start: "the project's start",
  midpoint: "the project's mid-point",
  end: "the project's end",
};

/**
 * The reports an award owes, in due order. A project without dates (never the case for a
 * submitted bid, which must give them) is scheduled from `fallbackStart` over a year.
 */
export function scheduleReports(
  stages: readonly ReportStageRule[],
  project: { startDate: Date | null; endDate: Date | null },
  fallbackStart: Date,
): ScheduledReport[] {
  const start = project.startDate ?? fallbackStart;
  const end = project.endDate && project.endDate > start ? project.endDate : new Date(start.getTime() + 365 * DAY_MS);
  const anchor = {
    start: start.getTime(),
    midpoint: start.getTime() + Math.round((end.getTime() - start.getTime()) / 2 / DAY_MS) * DAY_MS,
    end: end.getTime(),
  };
  return stages
    .map((stage) => ({ stageId: stage.id, title: stage.title, dueAt: new Date(anchor[stage.relativeTo] + stage.offsetDays * DAY_MS) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
}
