// Stage one of a two-stage round, as staff run it (ADR 0026): the round's stage settings, the
// light review of each expression of interest, the administrator's choice of whom to invite
// within the cap (saved a page at a time, ADR 0031), and the one sending of that decision. Once sent, the decision only changes by
// an audited re-invitation of an eligible, not-invited expression of interest, still within the cap.
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail, type RenderedEmail } from "~/domain/email/outbox.server";
import { withSectionStatus } from "~/domain/bids/sections";
import { potPence } from "~/domain/rounds/pot";
import { roundHeading, roundHeadingSelect, roundTitle } from "~/domain/rounds/round-title";
import { utcToLondonParts } from "~/domain/rounds/round-details.schema";
import { containsText } from "~/domain/lists/text-search.server";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { formatDateTime } from "~/lib/dates";
import { penceToInput } from "~/lib/money";
import { conflict, invalid, notFound, type Result } from "~/lib/refusal";
import { renderEoiInvitation, renderEoiNotInvited } from "../../../emails";
import type { EoiReview, StageSettings } from "./stage-one.schema";
import { eoiAnswersSelect, eoiLink, parseIdList } from "./expressions-of-interest.server";
import { saveInvitationChoices, savedInvitations, type InvitationPage } from "./invitation-choices.server";
import { capRefusal, checkChoice, checkInvitationCap, suggestedCapPence, type CapCheck } from "./invitation-cap";

const SUBJECT = "expression_of_interest";

// --- the round's stages ------------------------------------------------------------------

export async function loadStageSettings(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundHeadingSelect,
      closesAt: true,
      twoStage: true,
      eoiClosesAt: true,
      invitationCapPence: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
    },
  });
  if (!round) return null;
  const pot = potPence(round);
  return {
    round: { ...roundHeading(round), closesAt: round.closesAt.toISOString(), potPence: pot },
    locked: now >= round.opensAt,
    values: {
      twoStage: round.twoStage ? "yes" : "no",
      eoiClosesAt: round.eoiClosesAt ? utcToLondonParts(round.eoiClosesAt) : { day: "", month: "", year: "", time: "" },
      invitationCap: penceToInput(round.invitationCapPence ?? suggestedCapPence(pot)),
    },
  };
}

/** Sets one stage or two; refused (and audited) once the round has opened. */
export async function saveStageSettings(actorId: string, roundId: string, settings: StageSettings, now: Date): Promise<Result> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { opensAt: true, closesAt: true, twoStage: true, eoiClosesAt: true, invitationCapPence: true },
  });
  if (!round) return notFound();
  const refuse = async (result: Exclude<Result, { ok: true }>, reason: string) => {
    await recordAudit({ actorId, action: "round.stages_refused", outcome: "refused", subjectType: "round", subjectId: roundId, details: { reason } });
    return result;
  };
  if (now >= round.opensAt) return refuse(conflict("The round has opened, so whether it has two stages can no longer change"), "opened");
  if (settings.eoiClosesAt && (settings.eoiClosesAt <= round.opensAt || settings.eoiClosesAt >= round.closesAt))
    return refuse(
      invalid({
        "eoiClosesAt.day": `Expressions of interest must close after the round opens (${formatDateTime(round.opensAt)}) and before the full-bid deadline (${formatDateTime(round.closesAt)})`,
      }),
      "dates",
    );
  const changed = await db.$transaction(async (tx) => {
    // Conditional on the round not having opened meanwhile.
    const updated = await tx.round.updateMany({
      where: { id: roundId, opensAt: { gt: now } },
      data: { twoStage: settings.twoStage, eoiClosesAt: settings.eoiClosesAt, invitationCapPence: settings.invitationCapPence },
    });
    if (updated.count === 0) return false;
    await recordAudit(
      {
        actorId,
        action: "round.stages_set",
        subjectType: "round",
        subjectId: roundId,
        before: { twoStage: round.twoStage, eoiClosesAt: round.eoiClosesAt?.toISOString() ?? null, invitationCapPence: round.invitationCapPence },
        after: { twoStage: settings.twoStage, eoiClosesAt: settings.eoiClosesAt?.toISOString() ?? null, invitationCapPence: settings.invitationCapPence },
      },
      tx,
    );
    return true;
  });
  return changed ? { ok: true } : refuse(conflict("The round has opened, so whether it has two stages can no longer change"), "opened meanwhile");
}

// --- the expressions of interest of a round ------------------------------------------------

const stageRoundSelect = {
  id: true,
  name: true,
  twoStage: true,
  opensAt: true,
  eoiClosesAt: true,
  closesAt: true,
  invitationCapPence: true,
  invitationsSentAt: true,
  baseAllocationPence: true,
  rolledForwardPence: true,
  matchFundingPence: true,
  fund: { select: { name: true } },
  areas: { select: { id: true } },
  priorities: { select: { id: true } },
} as const;

/** The stage-one list's filters (ADR 0023): the review's outcome, and a search of organisation and project. */
export type StageOneFilters = { q: string; review: (typeof EOI_REVIEW_FILTERS)[number] | "" };
export const EOI_REVIEW_FILTERS = ["eligible", "ineligible", "to_review", "chosen"] as const;

function stageOneWhere(roundId: string, filters: StageOneFilters): Prisma.ExpressionOfInterestWhereInput {
  const text = filters.q ? containsText(filters.q) : null;
  return {
    roundId,
    status: { not: "draft" },
    ...(filters.review === "to_review"
      ? { reviewDecision: null }
      : filters.review === "chosen"
        ? { invitationChoice: { isNot: null } }
        : filters.review
          ? { reviewDecision: filters.review }
          : {}),
    ...(text ? { OR: [{ title: text }, { organisation: { name: text } }] } : {}),
  };
}

/**
 * One page of a two-stage round's submitted (or decided) expressions of interest, best score
 * first, with figures for the whole stage: the choice saved so far against the cap, what is
 * invited, and how many wait for review. A fixed number of statements whatever their number; the
 * choice is saved a page at a time and the decision reads it whole (ADR 0031).
 */
export async function loadStageOne(roundId: string, now: Date, filters: StageOneFilters = { q: "", review: "" }, page = 1) {
  const round = await db.round.findUnique({ where: { id: roundId }, select: stageRoundSelect });
  if (!round || !round.twoStage) return null;
  const where = stageOneWhere(roundId, filters);
  const [total, all, invited, chosen, unreviewed] = await Promise.all([
    db.expressionOfInterest.count({ where }),
    db.expressionOfInterest.count({ where: { roundId, status: { not: "draft" } } }),
    db.expressionOfInterest.aggregate({ where: { roundId, status: "invited" }, _sum: { amountRequestedPence: true } }),
    db.expressionOfInterest.aggregate({
      where: { roundId, status: "submitted", invitationChoice: { isNot: null } },
      _sum: { amountRequestedPence: true },
      _count: true,
    }),
    db.expressionOfInterest.count({ where: { roundId, status: "submitted", reviewDecision: null } }),
  ]);
  const window = pageWindow(total, page);
  const eois = await db.expressionOfInterest.findMany({
    where,
    orderBy: [{ reviewScore: { sort: "desc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
    ...pageRange(window),
    select: {
      id: true,
      title: true,
      status: true,
      amountRequestedPence: true,
      reviewDecision: true,
      reviewScore: true,
      submittedAt: true,
      bidId: true,
      organisation: { select: { name: true } },
      invitationChoice: { select: { eoiId: true } },
    },
  });
  const rows = eois.map(({ invitationChoice, ...e }) => ({
    ...e,
    chosen: invitationChoice !== null && e.status === "submitted",
    amountRequestedPence: e.amountRequestedPence ?? 0,
    submittedAt: e.submittedAt?.toISOString() ?? null,
  }));
  const chosenPence = chosen._sum.amountRequestedPence ?? 0;
  return {
    round: {
      id: round.id,
      name: roundTitle(round),
      eoiClosesAt: round.eoiClosesAt?.toISOString() ?? null,
      closesAt: round.closesAt.toISOString(),
      eoiClosed: round.eoiClosesAt !== null && now >= round.eoiClosesAt,
      capPence: round.invitationCapPence ?? 0,
      potPence: potPence(round),
      invitationsSentAt: round.invitationsSentAt?.toISOString() ?? null,
      invitedTotalPence: invited._sum.amountRequestedPence ?? 0,
    },
    /** Every expression of interest of the stage (not drafts), and those still to review. */
    counts: { all, unreviewed, chosen: chosen._count },
    /** The saved choice's total, and the part of it on other pages (what the running total adds to the boxes ticked here). */
    chosenPence,
    offPageChosenPence: chosenPence - rows.reduce((sum, e) => sum + (e.chosen ? e.amountRequestedPence : 0), 0),
    filters,
    window,
    eois: rows,
  };
}

// --- the light review -------------------------------------------------------------------------

export async function loadEoiReview(roundId: string, eoiId: string) {
  const eoi = await db.expressionOfInterest.findFirst({
    where: { id: eoiId, roundId, status: { not: "draft" } },
    select: {
      id: true,
      title: true,
      summary: true,
      status: true,
      areaIds: true,
      priorityIds: true,
      amountRequestedPence: true,
      submittedAt: true,
      reviewDecision: true,
      reviewScore: true,
      feedback: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      organisation: { select: { name: true } },
      round: {
        select: {
          id: true,
          name: true,
          invitationsSentAt: true,
          fund: { select: { name: true } },
          areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
          priorities: { orderBy: { position: "asc" }, select: { id: true, title: true } },
        },
      },
    },
  });
  if (!eoi) return null;
  const areaIds = parseIdList(eoi.areaIds);
  const priorityIds = parseIdList(eoi.priorityIds);
  return {
    round: { id: eoi.round.id, name: roundTitle(eoi.round), decisionSent: eoi.round.invitationsSentAt !== null },
    eoi: {
      id: eoi.id,
      title: eoi.title,
      summary: eoi.summary,
      status: eoi.status,
      organisationName: eoi.organisation.name,
      amountRequestedPence: eoi.amountRequestedPence ?? 0,
      submittedAt: eoi.submittedAt?.toISOString() ?? null,
      areas: eoi.round.areas.filter((a) => areaIds.includes(a.id)).map((a) => a.name),
      priorities: eoi.round.priorities.filter((p) => priorityIds.includes(p.id)).map((p) => p.title),
      reviewedBy: eoi.reviewedBy?.name ?? null,
      reviewedAt: eoi.reviewedAt?.toISOString() ?? null,
    },
    values: { decision: eoi.reviewDecision ?? "", score: eoi.reviewScore ? String(eoi.reviewScore) : "", feedback: eoi.feedback ?? "" },
  };
}

export const DECISION_SENT = "The stage-one decision has been sent, so reviews can no longer change";

/** One member of staff's light review; it can change until the stage-one decision is sent. */
export async function reviewEoi(actorId: string, roundId: string, eoiId: string, review: EoiReview, now: Date): Promise<Result> {
  const before = await db.expressionOfInterest.findFirst({
    where: { id: eoiId, roundId, status: { not: "draft" } },
    select: { reviewDecision: true, reviewScore: true, feedback: true },
  });
  if (!before) return notFound();
  return db.$transaction(async (tx) => {
    const changed = await tx.expressionOfInterest.updateMany({
      where: { id: eoiId, roundId, status: "submitted", round: { invitationsSentAt: null } },
      data: { reviewDecision: review.decision, reviewScore: review.score, feedback: review.feedback, reviewedById: actorId, reviewedAt: now },
    });
    if (changed.count === 0) {
      await recordAudit(
        { actorId, action: "eoi.review_refused", outcome: "refused", subjectType: SUBJECT, subjectId: eoiId, details: { reason: "decision sent" } },
        tx,
      );
      return conflict(DECISION_SENT);
    }
    await recordAudit(
      {
        actorId,
        action: "eoi.reviewed",
        subjectType: SUBJECT,
        subjectId: eoiId,
        before,
        after: { reviewDecision: review.decision, reviewScore: review.score, feedback: review.feedback },
      },
      tx,
    );
    return { ok: true };
  });
}

// --- sending the decision -------------------------------------------------------------------

type DecisionEoi = {
  id: string;
  status: string;
  title: string;
  summary: string;
  areaIds: string;
  priorityIds: string;
  amountRequestedPence: number | null;
  reviewDecision: string | null;
  feedback: string | null;
  organisationId: string;
  createdById: string;
  organisation: { name: string };
  createdBy: { name: string; email: string };
};

const decisionEoiSelect = {
  id: true,
  status: true,
  ...eoiAnswersSelect,
  reviewDecision: true,
  feedback: true,
  organisationId: true,
  createdById: true,
  organisation: { select: { name: true } },
  createdBy: { select: { name: true, email: true } },
} as const;

type StageRound = { id: string; name: string; closesAt: Date; fund: { name: string }; areas: { id: string }[]; priorities: { id: string }[] };

function emailBase(round: StageRound, eoi: DecisionEoi) {
  return {
    fundName: round.fund.name,
    recipientName: eoi.createdBy.name,
    organisationName: eoi.organisation.name,
    title: eoi.title,
    roundName: round.name,
    amountRequestedPence: eoi.amountRequestedPence ?? 0,
  };
}

const renderInvitation = (round: StageRound, eoi: DecisionEoi) =>
  renderEoiInvitation({ ...emailBase(round, eoi), fullBidClosesAt: round.closesAt, feedback: eoi.feedback, bidUrl: eoiLink(eoi.id) });

const renderNotInvited = (round: StageRound, eoi: DecisionEoi) =>
  renderEoiNotInvited({ ...emailBase(round, eoi), feedback: eoi.feedback ?? "", eoiUrl: eoiLink(eoi.id) });

/**
 * Invites one expression of interest inside the caller's transaction: marks it invited (a
 * conditional update on the status read), makes the full bid with its answers carried over, and
 * queues the invitation once (its key is per expression of interest).
 */
async function invite(tx: Tx, round: StageRound, eoi: DecisionEoi, fromStatus: string, now: Date, email: RenderedEmail) {
  const moved = await tx.expressionOfInterest.updateMany({ where: { id: eoi.id, status: fromStatus }, data: { status: "invited", decidedAt: now } });
  if (moved.count === 0) throw new ChangedMeanwhile();
  const areaIds = parseIdList(eoi.areaIds).filter((id) => round.areas.some((a) => a.id === id));
  const priorityIds = parseIdList(eoi.priorityIds).filter((id) => round.priorities.some((p) => p.id === id));
  let progress = withSectionStatus("{}", "about", "in_progress");
  if (areaIds.length > 0) progress = withSectionStatus(progress, "areas", "in_progress");
  if (priorityIds.length > 0) progress = withSectionStatus(progress, "priorities", "in_progress");
  const bid = await tx.bid.create({
    data: {
      roundId: round.id,
      organisationId: eoi.organisationId,
      createdById: eoi.createdById,
      title: eoi.title,
      summary: eoi.summary,
      amountRequestedPence: eoi.amountRequestedPence,
      sectionProgress: progress,
      areas: { create: areaIds.map((roundAreaId) => ({ roundAreaId })) },
      priorities: { create: priorityIds.map((priorityId) => ({ priorityId })) },
    },
    select: { id: true },
  });
  await tx.expressionOfInterest.update({ where: { id: eoi.id }, data: { bidId: bid.id } });
  await recordAudit(
    {
      actorId: null,
      action: "bid.created",
      subjectType: "bid",
      subjectId: bid.id,
      after: { roundId: round.id, organisationId: eoi.organisationId, fromExpressionOfInterest: eoi.id },
    },
    tx,
  );
  await queueEmail(tx, { idempotencyKey: emailKeys.eoiInvitation(eoi.id), to: eoi.createdBy.email, rendered: email });
  return bid.id;
}

class ChangedMeanwhile extends Error {}
class Refusing extends Error {
  constructor(readonly result: Exclude<Result, { ok: true }>) {
    super("refused");
  }
}

export type SendResult = Result<{ alreadySent: boolean; invited: number; notInvited: number }, { check?: CapCheck }>;

/**
 * Sends the stage-one decision once: the page's choice is saved, then every chosen expression of
 * interest (saved a page at a time, ADR 0031) is invited (within the cap) and every other one is
 * told, with its feedback, that it is not. The round row is written
 * first (invitationsSentAt, conditional on it being empty), so a repeated or concurrent send waits
 * on it and then finds the decision sent: nothing is sent twice.
 */
export async function sendStageOneDecision(actorId: string, roundId: string, page: InvitationPage, now: Date): Promise<SendResult> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: stageRoundSelect });
  if (!round || !round.twoStage) return notFound();
  const alreadySent: SendResult = { ok: true, alreadySent: true, invited: 0, notInvited: 0 };
  if (round.invitationsSentAt) return alreadySent;
  // The page's choice is saved first, so it is kept even if sending is refused below (ADR 0031).
  const saved = await saveInvitationChoices(actorId, roundId, page);
  if (!saved.ok) {
    const sent = await db.round.findUnique({ where: { id: roundId }, select: { invitationsSentAt: true } });
    return sent?.invitationsSentAt ? alreadySent : saved;
  }
  const chosen = await savedInvitations(roundId);
  // Emails are rendered before the transaction, from what is read here; the transaction checks
  // again that each expression of interest is still as read.
  const eois: DecisionEoi[] = await db.expressionOfInterest.findMany({ where: { roundId, status: "submitted" }, select: decisionEoiSelect });
  const rendered = new Map<string, RenderedEmail>();
  for (const eoi of eois) rendered.set(eoi.id, chosen.includes(eoi.id) ? await renderInvitation(round, eoi) : await renderNotInvited(round, eoi));
  try {
    return await db.$transaction(
      async (tx): Promise<SendResult> => {
        const claimed = await tx.round.updateMany({ where: { id: roundId, invitationsSentAt: null }, data: { invitationsSentAt: now } });
        if (claimed.count === 0) return { ok: true, alreadySent: true, invited: 0, notInvited: 0 };
        if (!round.eoiClosesAt || now < round.eoiClosesAt)
          throw new Refusing(
            conflict(`Expressions of interest close on ${formatDateTime(round.eoiClosesAt ?? round.closesAt)}. Send the decision after that.`),
          );
        if (now >= round.closesAt) throw new Refusing(conflict("The full-bid deadline has passed"));
        const current = await tx.expressionOfInterest.findMany({ where: { roundId, status: "submitted" }, select: decisionEoiSelect });
        if (current.length !== eois.length || current.some((e) => !rendered.has(e.id))) throw new ChangedMeanwhile();
        // A choice saved after the emails were rendered: the decision must be the one read.
        const choiceNow = await savedInvitations(roundId, tx);
        if (choiceNow.length !== chosen.length || choiceNow.some((id) => !chosen.includes(id))) throw new ChangedMeanwhile();
        const unreviewed = current.filter((e) => !e.reviewDecision || !e.feedback);
        if (unreviewed.length > 0) throw new Refusing(conflict(`Review every expression of interest first: ${unreviewed.length} still to review`, "invite"));
        const unknown = chosen.filter((id) => !current.some((e) => e.id === id));
        if (unknown.length > 0) throw new Refusing(conflict("Choose only expressions of interest waiting for a decision", "invite"));
        const ineligible = current.filter((e) => chosen.includes(e.id) && e.reviewDecision !== "eligible");
        if (ineligible.length > 0)
          throw new Refusing(conflict(`An expression of interest reviewed as not eligible cannot be invited: ${ineligible[0]!.title}`, "invite"));
        const check = checkChoice(
          current.map((e) => ({ id: e.id, amountRequestedPence: e.amountRequestedPence ?? 0 })),
          chosen,
          round.invitationCapPence ?? 0,
        );
        if (!check.withinCap) throw new Refusing(conflict(capRefusal(check), "invite", { check }));
        let invited = 0;
        let notInvited = 0;
        for (const eoi of current) {
          if (chosen.includes(eoi.id)) {
            const bidId = await invite(tx, round, eoi, "submitted", now, rendered.get(eoi.id)!);
            await recordAudit(
              { actorId, action: "eoi.invited", subjectType: SUBJECT, subjectId: eoi.id, before: { status: "submitted" }, after: { status: "invited", bidId } },
              tx,
            );
            invited += 1;
          } else {
            const moved = await tx.expressionOfInterest.updateMany({
              where: { id: eoi.id, status: "submitted" },
              data: { status: "not_invited", decidedAt: now },
            });
            if (moved.count === 0) throw new ChangedMeanwhile();
            await queueEmail(tx, { idempotencyKey: emailKeys.eoiNotInvited(eoi.id), to: eoi.createdBy.email, rendered: rendered.get(eoi.id)! });
            await recordAudit(
              {
                actorId,
                action: "eoi.not_invited",
                subjectType: SUBJECT,
                subjectId: eoi.id,
                before: { status: "submitted" },
                after: { status: "not_invited" },
              },
              tx,
            );
            notInvited += 1;
          }
        }
        await tx.invitationChoice.deleteMany({ where: { roundId } });
        await recordAudit(
          {
            actorId,
            action: "round.stage_one_decision_sent",
            subjectType: "round",
            subjectId: roundId,
            after: { invited, notInvited, totalInvitedPence: check.totalPence, capPence: check.capPence },
          },
          tx,
        );
        return { ok: true, alreadySent: false, invited, notInvited };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    const result =
      error instanceof Refusing
        ? error.result
        : error instanceof ChangedMeanwhile
          ? conflict("The expressions of interest changed meanwhile. Check the list and try again.")
          : null;
    if (!result) throw error;
    await recordAudit({
      actorId,
      action: "round.stage_one_decision_refused",
      outcome: "refused",
      subjectType: "round",
      subjectId: roundId,
      details: { chosen: chosen.length, reason: result.refusal.kind === "conflict" ? result.refusal.message : result.refusal.kind },
    });
    return result as SendResult;
  }
}

/**
 * After the decision is sent, the one change allowed: inviting an eligible expression of interest
 * that was not invited, within the cap and before the full-bid deadline. The round row is written
 * first so two re-invitations cannot both fit the same room under the cap.
 */
export async function reinviteEoi(actorId: string, roundId: string, eoiId: string, now: Date): Promise<Result<{ alreadyInvited: boolean }>> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: stageRoundSelect });
  if (!round || !round.twoStage) return notFound();
  const eoi = await db.expressionOfInterest.findFirst({ where: { id: eoiId, roundId }, select: decisionEoiSelect });
  if (!eoi) return notFound();
  const email = await renderInvitation(round, eoi);
  const refuse = async (message: string) => {
    await recordAudit({ actorId, action: "eoi.reinvite_refused", outcome: "refused", subjectType: SUBJECT, subjectId: eoiId, details: { reason: message } });
    return conflict(message, "reinvite");
  };
  try {
    return await db.$transaction(
      async (tx): Promise<Result<{ alreadyInvited: boolean }>> => {
        const locked = await tx.round.updateMany({ where: { id: roundId, invitationsSentAt: { not: null } }, data: { updatedAt: now } });
        if (locked.count === 0) throw new Refusing(conflict("Send the stage-one decision first", "reinvite"));
        if (now >= round.closesAt) throw new Refusing(conflict("The full-bid deadline has passed", "reinvite"));
        const current = await tx.expressionOfInterest.findUnique({ where: { id: eoiId }, select: decisionEoiSelect });
        if (current?.status === "invited") return { ok: true, alreadyInvited: true };
        if (!current || current.status !== "not_invited")
          throw new Refusing(conflict("Only an expression of interest that was not invited can be invited later", "reinvite"));
        if (current.reviewDecision !== "eligible")
          throw new Refusing(conflict("An expression of interest reviewed as not eligible cannot be invited", "reinvite"));
        const invited = await tx.expressionOfInterest.findMany({ where: { roundId, status: "invited" }, select: { amountRequestedPence: true } });
        const check = checkInvitationCap(
          [...invited.map((e) => e.amountRequestedPence ?? 0), current.amountRequestedPence ?? 0],
          round.invitationCapPence ?? 0,
        );
        if (!check.withinCap) throw new Refusing(conflict(capRefusal(check), "reinvite"));
        const bidId = await invite(tx, round, current, "not_invited", now, email);
        await recordAudit(
          {
            actorId,
            action: "eoi.reinvited",
            subjectType: SUBJECT,
            subjectId: eoiId,
            before: { status: "not_invited" },
            after: { status: "invited", bidId, totalInvitedPence: check.totalPence, capPence: check.capPence },
          },
          tx,
        );
        return { ok: true, alreadyInvited: false };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (error instanceof Refusing) return refuse(error.result.refusal.kind === "conflict" ? error.result.refusal.message : error.result.refusal.kind);
    if (error instanceof ChangedMeanwhile) return refuse("The expression of interest changed meanwhile");
    throw error;
  }
}
