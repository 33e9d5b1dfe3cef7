// The bid-section kit's server half: every section of the bid form saves the same way (ADR 0007).
// Guard the applicant and the bid, refuse a bid that is no longer a draft, validate with the
// section's one schema (as the browser does), save in one transaction, back to the task list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ZodMiniType } from "zod/mini";
import { saveSection, type BidForSectionSave, type Viewer } from "~/domain/bids/bids.server";
import type { FormRules } from "~/domain/bids/proportionate";
import { formRulesFor } from "~/domain/bids/stored-form-rules";
import { sectionValues, type SectionKey } from "~/domain/bids/sections";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";
import { formRows, formValues, rowIntent, type FormObject } from "~/lib/form-values";
import { afterSave, frozenResponse, requireApplicantBid, requireApplicantBidToSave } from "./bid-page.server";

type SectionBid = Awaited<ReturnType<typeof requireApplicantBid>>["bid"];
type SaveMode = "draft" | "complete";
type SaveParts = Pick<Parameters<typeof saveSection>[0], "fields" | "rows">;

/** What a section's schema and save are given: the bid, its proportionate rules and the save asked for. */
export type SectionContext = { bid: BidForSectionSave; rules: FormRules; mode: SaveMode };

function contextFor(bid: BidForSectionSave, mode: SaveMode): SectionContext {
  return { bid, rules: formRulesFor(bid.amountRequestedPence, bid.round), mode };
}

async function save(section: SectionKey, user: Viewer, bid: BidForSectionSave, mode: SaveMode, parts: SaveParts) {
  const status = mode === "complete" ? "completed" : "in_progress";
  const result = await saveSection({ bidId: bid.id, viewer: user, section, status, progressSeen: bid.sectionProgress, ...parts });
  return afterSave(result, bid.id);
}

/** The bid as a section page's layout shows it: its name, and whether it can still be changed. */
export function layoutBid(bid: SectionBid) {
  return { id: bid.id, title: bid.title, status: bid.status };
}

/** The loader of a section of single answers: the bid for the layout, the section's saved answers and the form rules. */
export function answersSectionLoader(section: SectionKey & keyof ReturnType<typeof sectionValues>) {
  return async ({ request, params }: LoaderFunctionArgs) => {
    const { bid } = await requireApplicantBid(request, params.bidId, section);
    return {
      bid: layoutBid(bid),
      values: sectionValues(bid)[section] as FormObject,
      rules: formRulesFor(bid.amountRequestedPence, bid.round),
    };
  };
}

/**
 * A section of single answers (text, choices): `lists` names the fields posted more than once
 * (checkboxes); a section without a draft save (the declarations) always completes.
 */
export function sectionAction<T>(
  section: SectionKey,
  spec: { lists?: readonly string[]; draftSave?: boolean; schema: (context: SectionContext) => ZodMiniType<T>; save: (answers: T) => SaveParts },
) {
  return async ({ request, params }: ActionFunctionArgs) => {
    const { user, bid } = await requireApplicantBidToSave(request, params.bidId, section);
    if (bid.status !== "draft") return frozenResponse();
    const values = formValues(await request.formData(), spec.lists);
    const mode: SaveMode = spec.draftSave !== false && values.intent === "save-draft" ? "draft" : "complete";
    const parsed = spec.schema(contextFor(bid, mode)).safeParse(values);
    if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values, frozen: false }, { status: 400 });
    return save(section, user, bid, mode, spec.save(parsed.data));
  };
}

/** What a page of repeating rows loads: the bid for the layout, its saved rows (one blank row when none) and the form rules. */
export function rowsSectionPage<R>(bid: SectionBid, saved: R[], blank: R) {
  return {
    bid: layoutBid(bid),
    rows: saved.length > 0 ? saved : [blank],
    rules: formRulesFor(bid.amountRequestedPence, bid.round),
  };
}

/**
 * A section of repeating rows (outcomes, budget lines). "Add another" and "Remove" change the
 * page, not the bid, and answer with the rows as typed, so they work the same without JavaScript;
 * `revision` gives the re-rendered rows fresh keys.
 */
export function rowsSectionAction<K extends string, T>(
  section: SectionKey,
  spec: {
    /** The posted group (`lines` for lines.0.item …) and one row's name in its buttons (add-line, remove-line:2). */
    list: string;
    row: string;
    fields: readonly K[];
    /** How many rows the rules allow, and the message by the last row when one more is asked for. */
    maxRows: (rules: FormRules) => number;
    tooMany: (max: number) => string;
    schema: (context: SectionContext) => ZodMiniType<T>;
    save: (answers: T) => SaveParts;
  },
) {
  const blank = Object.fromEntries(spec.fields.map((f) => [f, ""])) as Record<K, string>;
  return async ({ request, params }: ActionFunctionArgs) => {
    const { user, bid } = await requireApplicantBidToSave(request, params.bidId, section);
    if (bid.status !== "draft") return frozenResponse();
    const values = formValues(await request.formData());
    const rows = formRows(values[spec.list], spec.fields);
    const intent = rowIntent(values.intent, spec.row);
    const revision = Date.now();
    const context = contextFor(bid, intent.kind === "save" ? intent.mode : "draft");
    if (intent.kind === "add") {
      const max = spec.maxRows(context.rules);
      if (rows.length >= max) {
        const errors: FieldErrors = { [`${spec.list}.${rows.length - 1}.${spec.fields[0]}`]: spec.tooMany(max) };
        return data({ errors, rows, revision, frozen: false }, { status: 400 });
      }
      return data({ errors: {} as FieldErrors, rows: [...rows, blank], revision, frozen: false });
    }
    if (intent.kind === "remove") {
      const remaining = rows.filter((_, index) => index !== intent.index);
      return data({ errors: {} as FieldErrors, rows: remaining.length > 0 ? remaining : [blank], revision, frozen: false });
    }
    const parsed = spec.schema(context).safeParse({ [spec.list]: rows });
    if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), rows, revision, frozen: false }, { status: 400 });
    return save(section, user, bid, intent.mode, spec.save(parsed.data));
  };
}
