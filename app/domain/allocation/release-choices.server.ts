// The release's choices, saved a page at a time while a signed-off allocation waits for release
// (ADR 0031): which bids without an award go on the reserve list, and the feedback each one is
// sent. The release reads them all, so a round of thousands of bids never needs one form holding
// every bid. Saving is one batch transaction (`$transaction([...])`, array form), round row first.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Prisma } from "~/lib/db.server";
import type { FormObject } from "~/lib/form-values";
import { isPrismaCode } from "~/lib/prisma-errors";
import { conflict, type Result } from "~/lib/refusal";
import { feedbackSuggestions } from "./reserve.server";
import type { Allocation } from "./workspace.server";

type Row = Pick<Allocation["rows"][number], "bidId" | "reference" | "status" | "meetsThreshold" | "award">;

/** A bid the release decides without an award: it may be sent feedback. */
export function releasedWithoutAward(row: Row): boolean {
  return (row.status === "in_assessment" || row.status === "reserve") && row.award?.status !== "approved";
}

/** A bid the administrator may put on the reserve list: in assessment, meeting the threshold, no approved award. */
export function mayGoOnReserve(row: Row): boolean {
  return row.status === "in_assessment" && row.meetsThreshold && row.award?.status !== "approved";
}

/** The same bids as `releasedWithoutAward`, as a condition on the round's bids. */
const withoutAwardWhere = (roundId: string): Prisma.BidWhereInput => ({
  roundId,
  status: { in: ["in_assessment", "reserve"] },
  NOT: { award: { is: { status: "approved" } } },
});

/**
 * The choices one page of the release form posts: the bids it showed (`releaseBids`; an unticked
 * reserve box posts nothing), those ticked for the reserve list, and the feedback boxes' text.
 */
export type PageChoices = { bidIds: string[]; reserve: string[]; feedback: Record<string, string> };

/** The release form's choices as posted (nested text values, read by the edge). */
export function postedReleaseChoices(posted: FormObject): PageChoices {
  const texts = (value: FormObject[string] | undefined) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  const boxes = posted.feedback;
  const feedback: Record<string, string> = {};
  if (boxes && typeof boxes === "object" && !Array.isArray(boxes)) {
    for (const [bidId, text] of Object.entries(boxes)) if (typeof text === "string") feedback[bidId] = text.trim();
  }
  const reserve = texts(posted.reserve);
  return { bidIds: [...new Set([...texts(posted.releaseBids), ...reserve, ...Object.keys(feedback)])], reserve, feedback };
}

export type SaveChoicesResult = Result<{ saved: number }, never>;

const RELEASED = "Outcomes for this round have been released. Released decisions are final. Nothing was changed.";

/**
 * Saves the choices of one page of the release form. Only bids the release will decide without an
 * award are saved (others posted are passed over); ticking a bid that cannot go on the reserve list
 * is refused whole. The batch goes through only while the allocation is still signed off, and adds
 * one to the round's release version, so a release that read the choices before this save refuses
 * instead of leaving it out.
 */
export async function saveReleaseChoices(
  /** The whole round, or only the posted bids (`loadAllocationBids`): bids not in it are passed over. */
  allocation: Pick<Allocation, "round" | "rows">,
  actorId: string,
  choices: PageChoices,
  /** Saved on the way to releasing: a refusal then says nothing was released. */
  { releasing = false } = {},
): Promise<SaveChoicesResult> {
  const { round } = allocation;
  const nothing = releasing ? "Nothing was released." : "Nothing was saved.";
  const refuse = async (message: string): Promise<SaveChoicesResult> => {
    await recordAudit({
      actorId,
      action: releasing ? "allocation.release" : "allocation.release_choices",
      outcome: "refused",
      subjectType: "round",
      subjectId: round.id,
      details: { message },
    });
    return conflict(message, "release");
  };
  if (round.allocationStatus === "released") return refuse(RELEASED);
  if (round.allocationStatus !== "signed_off")
    return refuse(`Choices for the release can be saved once the allocation has been approved and signed off. ${nothing}`);
  const byId = new Map(allocation.rows.map((r) => [r.bidId, r]));
  for (const bidId of choices.reserve) {
    const row = byId.get(bidId);
    if (row?.award?.status === "approved") return refuse(`${row.reference} has an approved award, so it cannot also be on the reserve list. ${nothing}`);
    if (row && releasedWithoutAward(row) && !mayGoOnReserve(row))
      return refuse(`${row.reference} is below the quality threshold, so it cannot be on the reserve list. ${nothing}`);
  }
  const reserve = new Set(choices.reserve);
  const rows = choices.bidIds.flatMap((id) => {
    const row = byId.get(id);
    return row && releasedWithoutAward(row) ? [row] : [];
  });
  if (rows.length === 0) return { ok: true, saved: 0 };
  const savedAt = new Date();
  const saved = rows.map((row) => ({
    bidId: row.bidId,
    onReserve: reserve.has(row.bidId),
    // A box not posted keeps what was saved before.
    ...(Object.hasOwn(choices.feedback, row.bidId) ? { feedback: choices.feedback[row.bidId]! } : {}),
  }));
  try {
    await db.$transaction([
      // The round row first (ADR 0010): its lock, and the guard that the outcomes are not released yet.
      db.round.update({ where: { id: round.id, allocationStatus: "signed_off" }, data: { allocationStatus: "signed_off" }, select: { id: true } }),
      db.releaseDraft.upsert({
        where: { roundId: round.id },
        create: { roundId: round.id, version: 1 },
        update: { version: { increment: 1 } },
        select: { version: true },
      }),
      ...saved.map((choice) =>
        db.releaseChoice.upsert({
          where: { bidId: choice.bidId },
          create: { ...choice, roundId: round.id, savedById: actorId, savedAt },
          update: { ...choice, savedById: actorId, savedAt },
          select: { bidId: true },
        }),
      ),
      recordAudit({
        actorId,
        action: "allocation.release_choices",
        subjectType: "round",
        subjectId: round.id,
        after: {
          reserve: saved.filter((c) => c.onReserve).map((c) => c.bidId),
          notReserve: saved.filter((c) => !c.onReserve).map((c) => c.bidId),
          feedbackSaved: saved.filter((c) => c.feedback !== undefined).map((c) => c.bidId),
        },
      }),
    ]);
  } catch (error) {
    if (isPrismaCode(error, "P2025")) return refuse(RELEASED);
    throw error;
  }
  return { ok: true, saved: saved.length };
}

/** What the release will read: the version of the choices, and every saved choice, by bid. */
export async function savedReleaseChoices(roundId: string) {
  const [draft, choices] = await Promise.all([
    db.releaseDraft.findUnique({ where: { roundId }, select: { version: true } }),
    db.releaseChoice.findMany({ where: { roundId }, select: { bidId: true, onReserve: true, feedback: true } }),
  ]);
  return { version: draft?.version ?? null, byBid: new Map(choices.map((c) => [c.bidId, c])) };
}

/** The release batch's guard: the choices are still the version the release read (none saved, or that one). */
export function sameReleaseChoices(version: number | null): Pick<Prisma.RoundWhereUniqueInput, "releaseDraft"> {
  return { releaseDraft: version === null ? { is: null } : { is: { version } } };
}

/**
 * The release form for one page of the ranking (a fixed number of statements whatever the round's
 * size): the page's bids without an award, which of them are ticked for the reserve list, each
 * one's feedback (saved, or the suggestion from the assessors' comments), and figures for the whole
 * round: bids without an award, how many are on the reserve list and how many have saved feedback.
 */
export async function releaseFormPage(roundId: string, pageRows: readonly Row[]) {
  const rows = pageRows.filter(releasedWithoutAward);
  const bidIds = rows.map((r) => r.bidId);
  const without = withoutAwardWhere(roundId);
  const [choices, withoutAward, onReserve, feedbackSaved] = await Promise.all([
    db.releaseChoice.findMany({ where: { bidId: { in: bidIds } }, select: { bidId: true, onReserve: true, feedback: true } }),
    db.bid.count({ where: without }),
    db.releaseChoice.count({ where: { roundId, onReserve: true, bid: { ...without, status: "in_assessment" } } }),
    db.releaseChoice.count({ where: { roundId, feedback: { not: null }, bid: without } }),
  ]);
  const byBid = new Map(choices.map((c) => [c.bidId, c]));
  const suggested = await feedbackSuggestions(
    roundId,
    bidIds.filter((id) => byBid.get(id)?.feedback == null),
  );
  const feedbackSavedOnPage = bidIds.filter((id) => byBid.get(id)?.feedback != null).length;
  return {
    bidIds,
    reserveChoices: rows.filter(mayGoOnReserve).map((r) => r.bidId),
    reserved: choices.filter((c) => c.onReserve).map((c) => c.bidId),
    feedback: Object.fromEntries(bidIds.map((id) => [id, byBid.get(id)?.feedback ?? suggested[id] ?? ""])),
    round: {
      withoutAward,
      onReserve,
      feedbackSaved,
      /** Bids off this page whose feedback has not been saved: they share none unless the administrator chooses the assessors' comments. */
      feedbackNotSavedElsewhere: withoutAward - feedbackSaved - (bidIds.length - feedbackSavedOnPage),
    },
  };
}

export type ReleaseFormPage = Awaited<ReturnType<typeof releaseFormPage>>;
