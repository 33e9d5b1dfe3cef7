// Eligibility screening: after the round closes the administrator marks each submitted
// bid eligible, or ineligible with a stock reason and a note. Ineligible bids leave the
// assessment (assignment and results only look at eligible or unscreened bids); their outcome
// email, with the reason and the note, goes with the round's outcomes.
import { cancelUndecidedAward, lockRoundForMoney, UNDECIDED_AWARD_STATUSES, type CancelledAward } from "~/domain/allocation/pot-ledger.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import type { ScreeningFilters } from "./list-filters";
import { bidSearchWhere } from "~/domain/lists/text-search.server";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { conflict, invalid, type Result } from "~/lib/refusal";
import type { ScreeningInput } from "./screening.schema";
import { roundTitle } from "~/domain/rounds/round-title";

/** Bids that can be screened (again): submitted, in assessment or already screened out. */
const SCREENABLE = ["submitted", "in_assessment", "ineligible"];

const BID_FIELDS = {
  id: true,
  reference: true,
  title: true,
  status: true,
  amountRequestedPence: true,
  screeningDecision: true,
  screeningReason: true,
  screeningNote: true,
  organisation: { select: { name: true } },
} as const;

function screeningWhere(roundId: string, filters: ScreeningFilters): Prisma.BidWhereInput {
  return {
    roundId,
    status: { in: SCREENABLE },
    ...(filters.screening === "not_screened" ? { screeningDecision: null } : filters.screening ? { screeningDecision: filters.screening } : {}),
    ...(filters.area ? { areas: { some: { roundAreaId: filters.area } } } : {}),
    ...bidSearchWhere(filters.q),
  };
}

const SCREENING_ORDER: Record<ScreeningFilters["sort"], Prisma.BidOrderByWithRelationInput[]> = {
  "": [{ reference: "asc" }],
  reference: [{ reference: "asc" }],
  organisation: [{ organisation: { name: "asc" } }, { reference: "asc" }],
  requested: [{ amountRequestedPence: "desc" }, { reference: "asc" }],
};

/**
 * One page of the bids to screen, filtered and searched (ADR 0023): the round with its areas,
 * the count and the page, a fixed number of queries whatever the number of bids.
 */
export async function loadScreeningList(roundId: string, now: Date, filters: ScreeningFilters = { q: "", screening: "", area: "", sort: "" }, page = 1) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      closesAt: true,
      fund: { select: { name: true } },
      areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
    },
  });
  if (!round) return null;
  const where = screeningWhere(roundId, filters);
  const total = await db.bid.count({ where });
  const window = pageWindow(total, page);
  const bids = await db.bid.findMany({
    where,
    orderBy: SCREENING_ORDER[filters.sort],
    ...pageRange(window),
    select: {
      id: true,
      reference: true,
      title: true,
      amountRequestedPence: true,
      screeningDecision: true,
      screeningReason: true,
      organisation: { select: { name: true } },
    },
  });
  return {
    round: { id: round.id, name: roundTitle(round), closesAt: round.closesAt.toISOString(), closed: now >= round.closesAt, areas: round.areas },
    window,
    bids: bids.map(({ organisation, ...b }) => ({ ...b, reference: b.reference ?? "", organisationName: organisation.name })),
  };
}

export async function loadScreeningForm(roundId: string, bidId: string, now: Date) {
  const bid = await db.bid.findFirst({
    where: { id: bidId, roundId, status: { in: SCREENABLE } },
    select: {
      ...BID_FIELDS,
      summary: true,
      award: { select: { status: true, amountPence: true } },
      round: { select: { id: true, name: true, closesAt: true, fundId: true } },
    },
  });
  if (!bid) return null;
  const reasons = await db.ineligibilityReason.findMany({
    where: { fundId: bid.round.fundId, active: true },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  return {
    round: { id: bid.round.id, name: bid.round.name, closesAt: bid.round.closesAt.toISOString(), closed: now >= bid.round.closesAt },
    bid: {
      id: bid.id,
      reference: bid.reference ?? "",
      title: bid.title,
      summary: bid.summary,
      organisationName: bid.organisation.name,
      screeningDecision: bid.screeningDecision,
      screeningReason: bid.screeningReason,
      screeningNote: bid.screeningNote,
    },
    /** An award that screening the bid out would cancel (proposed, or approved with money to return). */
    award: bid.award && (UNDECIDED_AWARD_STATUSES as readonly string[]).includes(bid.award.status) ? bid.award : null,
    reasons,
  };
}

export type ScreeningResult = Result<{ cancelledAward: CancelledAward | null }>;

export async function screenBid(actorId: string, roundId: string, bidId: string, input: ScreeningInput, now: Date): Promise<ScreeningResult> {
  /** Audited; what the form sent is at fault (`invalid`), or the bid changed under it (`conflict`). */
  const refuse = async (errors: FieldErrors, kind: "invalid" | "conflict" = "invalid"): Promise<ScreeningResult> => {
    await recordAudit({ actorId, action: "bid.screen", outcome: "refused", subjectType: "bid", subjectId: bidId, details: { errors } });
    return kind === "conflict" ? conflict(Object.values(errors).join(" ")) : invalid(errors);
  };
  const bid = await db.bid.findFirst({
    where: { id: bidId, roundId, status: { in: SCREENABLE } },
    select: {
      id: true,
      status: true,
      screeningDecision: true,
      screeningReason: true,
      screeningNote: true,
      round: { select: { closesAt: true, fundId: true } },
    },
  });
  if (!bid) return refuse({ form: "This bid cannot be screened" });
  if (now < bid.round.closesAt) return refuse({ form: `Bids can be screened after the round closes on ${formatDateTime(bid.round.closesAt)}` });
  let reasonText: string | null = null;
  if (input.decision === "ineligible") {
    const reason = await db.ineligibilityReason.findFirst({
      where: { id: input.reasonId ?? "", fundId: bid.round.fundId, active: true },
      select: { text: true },
    });
    if (!reason) return refuse({ reasonId: "Select the reason the bid is not eligible" });
    reasonText = reason.text;
  }
  const status = input.decision === "ineligible" ? "ineligible" : bid.status === "ineligible" ? "submitted" : bid.status;
  const after = { screeningDecision: input.decision, screeningReason: reasonText, screeningNote: input.note || null, status };
  // Round row first, as in every transaction that may move money (ADR 0010): screening a bid out
  // cancels a proposed or approved award in the same transaction, returning approved money.
  const outcome = await db.$transaction(async (tx: Tx) => {
    await lockRoundForMoney(tx, roundId, now);
    // Only if nobody changed the bid's status meanwhile (e.g. a withdrawal before a decision).
    const updated = await tx.bid.updateMany({ where: { id: bid.id, status: bid.status }, data: { ...after, screenedById: actorId, screenedAt: now } });
    if (updated.count === 0) return null;
    const cancelledAward = status === "ineligible" ? await cancelUndecidedAward(tx, { bidId: bid.id, roundId, actorId, because: "bid.screened_out" }) : null;
    await recordAudit(
      {
        actorId,
        action: "bid.screened",
        subjectType: "bid",
        subjectId: bid.id,
        before: { screeningDecision: bid.screeningDecision, screeningReason: bid.screeningReason, screeningNote: bid.screeningNote, status: bid.status },
        after: { ...after, cancelledAward },
      },
      tx,
    );
    return { cancelledAward };
  });
  if (!outcome) return refuse({ form: "The bid changed while you were screening it. Check it and try again." }, "conflict");
  return { ok: true, cancelledAward: outcome.cancelledAward };
}
