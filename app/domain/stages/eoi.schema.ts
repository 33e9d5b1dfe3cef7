// The forms of a two-stage round (ADR 0026), one zod schema each, read by the browser
// (react-hook-form) and parsed again on the server. zod/mini, so the pages' bundles carry only the
// checks used (ADR 0027).
import * as z from "zod/mini";
import { readPounds } from "~/lib/money-field";
import { countWords } from "~/domain/bids/proportionate";
import { dateField } from "~/domain/rounds/round-details.schema";

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

/** The light review by one member of staff: eligible or not, a score of 1 to 5, feedback for the applicant. */
export const EOI_SCORES = [
  { value: "5", label: "5: a strong fit with the priorities and clearly deliverable" },
  { value: "4", label: "4: a good fit" },
  { value: "3", label: "3: a reasonable fit, with some doubts" },
  { value: "2", label: "2: a weak fit" },
  { value: "1", label: "1: does not fit the round" },
] as const;

export const eoiReviewSchema = z.pipe(
  z.object({ decision: text, score: text, feedback: text }),
  z.transform((raw: { decision: string; score: string; feedback: string }, ctx) => {
    const issue = problemIn(ctx);
    if (raw.decision !== "eligible" && raw.decision !== "ineligible") issue("decision", "Select whether this expression of interest is eligible");
    if (!/^[1-5]$/.test(raw.score)) issue("score", "Select a score from 1 to 5");
    const feedback = raw.feedback.trim();
    if (!feedback) issue("feedback", "Enter feedback for the organisation");
    else if (feedback.length > 2000) issue("feedback", "Feedback must be 2,000 characters or fewer");
    return { decision: raw.decision as "eligible" | "ineligible", score: Number(raw.score), feedback };
  }),
);

export type EoiReview = z.output<typeof eoiReviewSchema>;

/** The invitation page: which expressions of interest are chosen. */
export const invitationChoiceSchema = z.pipe(
  // `shown`: the expressions of interest the page listed, so an unticked box (which posts nothing) is saved as not chosen (ADR 0031).
  z.object({ invite: z._default(z.array(z.string()), []), shown: z._default(z.array(z.string()), []) }),
  z.transform((raw: { invite: string[]; shown: string[] }) => ({ invite: [...new Set(raw.invite)], shown: [...new Set(raw.shown)] })),
);

/**
 * The round's stages, set before it opens: one stage or two, and for two the closing time of
 * expressions of interest (before the round's own closing time, which is then the full-bid
 * deadline) and the invitation cap in pounds.
 */
type StageSettingsValues = { twoStage: string; eoiClosesAt: { day: string; month: string; year: string; time: string }; invitationCap: string };

export const stageSettingsSchema = z.pipe(
  z.object({
    twoStage: text,
    eoiClosesAt: z._default(z.object({ day: text, month: text, year: text, time: text }), { day: "", month: "", year: "", time: "" }),
    invitationCap: text,
  }),
  z.transform((raw: StageSettingsValues, ctx) => {
    const issue = problemIn(ctx);
    if (raw.twoStage !== "yes" && raw.twoStage !== "no") {
      issue("twoStage", "Select how organisations apply to this round");
      return z.NEVER;
    }
    if (raw.twoStage === "no") return { twoStage: false as const, eoiClosesAt: null, invitationCapPence: null };
    const closes = dateField("expressions of interest closing").safeParse(raw.eoiClosesAt);
    if (!closes.success)
      for (const found of closes.error.issues)
        ctx.issues.push({ code: "custom", path: ["eoiClosesAt", ...found.path.map(String)], message: found.message, input: raw });
    const cap = readPounds(raw.invitationCap, {
      empty: "Enter the invitation cap",
      format: "The invitation cap must be an amount in pounds, like 500000",
      tooLarge: "The invitation cap must be £10,000,000 or less",
      notPositive: "The invitation cap must be more than £0",
    });
    if (!cap.ok) issue("invitationCap", cap.message);
    else if (cap.pence === null) issue("invitationCap", "Enter the invitation cap");
    if (!closes.success || !cap.ok || cap.pence === null) return z.NEVER;
    return { twoStage: true as const, eoiClosesAt: closes.data, invitationCapPence: cap.pence };
  }),
);

export type StageSettings = z.output<typeof stageSettingsSchema>;
