// The report schedule form (a round's report stages): one schema for the browser and the action;
// zod/mini (ADR 0027).
import * as z from "zod/mini";

export const MAX_STAGES = 12;
export const MAX_OFFSET_DAYS = 730;

const formText = z.pipe(
  z.nullish(z.string()),
  z.transform((value: string | null | undefined) => (value ?? "").trim()),
);

export const RELATIVE_TO_CHOICES = [
  { value: "start", label: "The project's start" },
  { value: "midpoint", label: "The project's mid-point" },
  { value: "end", label: "The project's end" },
] as const;

/** One report stage: what it is called, and when it falls due relative to the project's dates. */
export const reportStageSchema = z.object({
  stageId: formText,
  title: z.pipe(
    formText,
    z.string().check(z.minLength(1, "Enter a name for the report"), z.maxLength(100, "Name of the report must be 100 characters or fewer")),
  ),
  relativeTo: z.pipe(formText, z.enum(["start", "midpoint", "end"], { error: "Select what the due date is counted from" })),
  offsetDays: z.pipe(
    formText,
    z
      .pipe(
        z.string().check(z.minLength(1, "Enter the number of days"), z.regex(/^-?\d{1,4}$/, "Number of days must be a whole number, like 0 or 28")),
        z.transform(Number),
      )
      .check(z.refine((days) => Math.abs(days) <= MAX_OFFSET_DAYS, `Number of days must be between -${MAX_OFFSET_DAYS} and ${MAX_OFFSET_DAYS}`)),
  ),
});

export type ReportStageInput = z.output<typeof reportStageSchema>;

/** The usual schedule offered when a round has none: a mid-point report and a final report. */
export const USUAL_SCHEDULE: readonly Omit<ReportStageInput, "stageId">[] = [
  { title: "Mid-point report", relativeTo: "midpoint", offsetDays: 0 },
  { title: "Final report", relativeTo: "end", offsetDays: 28 },
];

/** "28 days after the project's end", "on the project's mid-point", "14 days before the project's start". */
export function describeStageTiming(stage: { relativeTo: string; offsetDays: number }): string {
  const anchor =
    { start: "the project's start", midpoint: "the project's mid-point", end: "the project's end" }[stage.relativeTo as "start"] ?? stage.relativeTo;
  if (stage.offsetDays === 0) return `At ${anchor}`;
  const days = Math.abs(stage.offsetDays);
  return `${days} ${days === 1 ? "day" : "days"} ${stage.offsetDays > 0 ? "after" : "before"} ${anchor}`;
}
