// The monitoring report form: achieved so far against each of the bid's own outcomes, spent so
// far against each budget line, progress and challenges. One schema, built from the bid's rows,
// for the browser and the action. A draft may leave answers out; a submission must be whole.
// What is typed wrongly (not a whole number, not an amount) is refused either way. zod/mini: the
// pages run it in the browser (ADR 0027).
import * as z from "zod/mini";
import { readPounds } from "~/lib/money-field";

export const TEXT_MAX = 5000;
export const COMMENTARY_MAX = 2000;
export const MAX_ACHIEVED = 1_000_000_000;

export type ReportIntent = "save" | "submit";

/** Only "Submit report" submits; any other button saves a draft. */
export function reportIntent(value: unknown): ReportIntent {
  return value === "submit" ? "submit" : "save";
}

export type OutcomeForReport = { id: string; outcome: string; indicator: string; target: string };
export type BudgetLineForReport = { id: string; item: string; costPence: number };

export type ParsedReport = {
  outcomes: { bidOutcomeId: string; achievedValue: number | null; commentary: string }[];
  budgetLines: { budgetLineId: string; spentPence: number }[];
  progress: string;
  challenges: string;
};

const formText = z.pipe(
  z.nullish(z.string()),
  z.transform((value: string | null | undefined) => (value ?? "").trim()),
);

/** Field names, in page order (the error summary follows it). */
export function reportFieldOrder(outcomes: readonly Pick<OutcomeForReport, "id">[], lines: readonly Pick<BudgetLineForReport, "id">[]): string[] {
  return [
    "form",
    ...outcomes.flatMap((o) => [`outcomes.${o.id}.achieved`, `outcomes.${o.id}.commentary`]),
    ...lines.map((l) => `spent.${l.id}`),
    "progress",
    "challenges",
  ];
}

type ReportValues = {
  outcomes: Record<string, { achieved?: string; commentary?: string }>;
  spent: Record<string, string>;
  progress: string;
  challenges: string;
};

export function reportSchema(outcomes: readonly OutcomeForReport[], lines: readonly BudgetLineForReport[], intent: ReportIntent) {
  return z.pipe(
    z.object({
      outcomes: z._default(z.record(z.string(), z.partial(z.object({ achieved: formText, commentary: formText }))), {}),
      spent: z._default(z.record(z.string(), formText), {}),
      progress: formText,
      challenges: formText,
    }),
    z.transform((values: ReportValues, ctx): ParsedReport => {
      const problem = (path: string[], message: string) => ctx.issues.push({ code: "custom", path, message, input: values });
      const submitting = intent === "submit";
      const parsed: ParsedReport = { outcomes: [], budgetLines: [], progress: values.progress, challenges: values.challenges };
      outcomes.forEach((outcome, index) => {
        const given = values.outcomes[outcome.id] ?? {};
        const achieved = (given.achieved ?? "").trim();
        const commentary = (given.commentary ?? "").trim();
        const name = `outcome ${index + 1}`;
        let achievedValue: number | null = null;
        if (achieved === "") {
          if (submitting) problem(["outcomes", outcome.id, "achieved"], `Enter what has been achieved so far for ${name}`);
        } else if (!/^\d{1,10}$/.test(achieved) || Number(achieved) > MAX_ACHIEVED) {
          problem(["outcomes", outcome.id, "achieved"], `What has been achieved for ${name} must be a whole number, like 45`);
        } else achievedValue = Number(achieved);
        if (commentary.length > COMMENTARY_MAX)
          problem(["outcomes", outcome.id, "commentary"], `Commentary on ${name} must be ${COMMENTARY_MAX} characters or fewer`);
        else if (submitting && commentary === "") problem(["outcomes", outcome.id, "commentary"], `Enter a commentary on ${name}`);
        parsed.outcomes.push({ bidOutcomeId: outcome.id, achievedValue, commentary });
      });
      lines.forEach((line, index) => {
        const typed = (values.spent[line.id] ?? "").trim();
        const name = `budget line ${index + 1}`;
        const read = readPounds(typed, {
          empty: `Enter how much has been spent so far on ${name}`,
          format: `Amount spent on ${name} must be an amount in pounds, like 1500 or 1500.50`,
          tooLarge: `Amount spent on ${name} is too large`,
        });
        if (!read.ok) problem(["spent", line.id], read.message);
        else if (read.pence === null) {
          if (submitting) problem(["spent", line.id], `Enter how much has been spent so far on ${name}`);
        } else parsed.budgetLines.push({ budgetLineId: line.id, spentPence: read.pence });
      });
      if (values.progress.length > TEXT_MAX) problem(["progress"], `Progress must be ${TEXT_MAX} characters or fewer`);
      else if (submitting && values.progress === "") problem(["progress"], "Enter the progress the project has made");
      if (values.challenges.length > TEXT_MAX) problem(["challenges"], `Challenges must be ${TEXT_MAX} characters or fewer`);
      else if (submitting && values.challenges === "") problem(["challenges"], "Enter the challenges the project has met, or say there were none");
      return parsed;
    }),
  );
}

/** The administrator's review: accept, or ask for changes; a comment either way. */
export const reviewSchema = z.object({
  decision: z.pipe(formText, z.enum(["accept", "changes"], { error: "Select whether to accept the report or ask for changes" })),
  comment: z.pipe(
    formText,
    z
      .string()
      .check(z.minLength(1, "Enter a comment for the organisation"), z.maxLength(COMMENTARY_MAX, `Comment must be ${COMMENTARY_MAX} characters or fewer`)),
  ),
});

export type ReviewInput = z.output<typeof reviewSchema>;
