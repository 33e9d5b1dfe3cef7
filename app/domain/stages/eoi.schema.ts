// The applicant's expression of interest in a two-stage round (ADR 0026): one zod schema, read by
// the browser (react-hook-form) and parsed again on the server. zod/mini, so the page's bundle
// carries only the checks used; the staff's forms of the same stage are in stage-one.schema.ts, so
// the applicant's page loads none of them (ADR 0027).
import * as z from "zod/mini";
import { readPounds } from "~/lib/read-pounds";
import { countWords } from "~/domain/bids/proportionate";

export type EoiSaveMode = "complete" | "draft";

/** The short form: a title, a few hundred words on what, where and for whom, and roughly how much. */
export const EOI_TITLE_MAX_WORDS = 15;
export const EOI_SUMMARY_MAX_WORDS = 400;

const text = z._default(z.string(), "");
// A checkbox group: the server reads a list; in the browser one box may come as a string or false.
const ids = z.pipe(
  z.transform((v: unknown) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [])),
  z.array(z.string()),
);

/** Adds a problem, with its own message, to the parse a transform is part of. */
const problemIn = (ctx: z.core.ParsePayload) => (path: string, message: string) => ctx.issues.push({ code: "custom", path: [path], message, input: ctx.value });

/**
 * The expression of interest. "complete" (submit) needs every answer; "draft" (save and come back
 * later) accepts blanks but nothing invalid. Areas and priorities must be the round's own.
 */
export function eoiSchema(round: { areaIds: readonly string[]; priorityIds: readonly string[] }, mode: EoiSaveMode) {
  const required = mode === "complete";
  return z.pipe(
    z.object({ title: text, summary: text, areaIds: ids, priorityIds: ids, amountRequested: text }),
    z.transform((raw: { title: string; summary: string; areaIds: string[]; priorityIds: string[]; amountRequested: string }, ctx) => {
      const issue = problemIn(ctx);
      const title = raw.title.trim();
      const summary = raw.summary.trim();
      if (!title && required) issue("title", "Enter a title for your project");
      else if (/[\r\n]/.test(title)) issue("title", "Title must be on one line");
      else if (countWords(title) > EOI_TITLE_MAX_WORDS || title.length > 150) issue("title", `Title must be ${EOI_TITLE_MAX_WORDS} words or fewer`);
      if (!summary && required) issue("summary", "Enter what your project will do, where and for whom");
      else if (countWords(summary) > EOI_SUMMARY_MAX_WORDS || summary.length > EOI_SUMMARY_MAX_WORDS * 15)
        issue("summary", `Your project must be described in ${EOI_SUMMARY_MAX_WORDS} words or fewer`);
      const areaIds = [...new Set(raw.areaIds)];
      const priorityIds = [...new Set(raw.priorityIds)];
      if (areaIds.some((id) => !round.areaIds.includes(id))) issue("areaIds", "Select areas from the list");
      else if (areaIds.length === 0 && required) issue("areaIds", "Select the areas your project will serve");
      if (priorityIds.some((id) => !round.priorityIds.includes(id))) issue("priorityIds", "Select priorities from the list");
      else if (priorityIds.length === 0 && required) issue("priorityIds", "Select the priorities your project will address");
      const amount = readPounds(raw.amountRequested, {
        empty: "Enter roughly how much you will ask for",
        format: "Amount must be in pounds, like 12000 or 12,000.50",
        tooLarge: "Amount must be £10,000,000 or less",
        notPositive: "Amount must be more than £0",
      });
      if (!amount.ok) issue("amountRequested", amount.message);
      else if (amount.pence === null && required) issue("amountRequested", "Enter roughly how much you will ask for");
      return { title, summary, areaIds, priorityIds, amountRequestedPence: amount.ok ? amount.pence : null };
    }),
  );
}

export type EoiAnswers = z.output<ReturnType<typeof eoiSchema>>;
