// Stage one of a two-stage round, as the applicant works on it (ADR 0026). Like bids: every query
// is scoped to the person's own organisations in the query itself, every change is a conditional
// update on a draft, and submitting happens once however often it is sent.
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, type Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { penceToInput } from "~/lib/money";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { conflict, invalid, notFound, type Result } from "~/lib/refusal";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { renderEoiReceipt } from "../../../emails";
import { eoiSchema, type EoiAnswers } from "./eoi.schema";
import { stagePhase } from "./invitation-cap";

export type EoiViewer = { id: string };

export function eoiVisibleTo(viewer: EoiViewer): Prisma.ExpressionOfInterestWhereInput {
  return { organisation: { members: { some: { userId: viewer.id } } } };
}

function visibleEoi(eoiId: string, viewer: EoiViewer): Prisma.ExpressionOfInterestWhereInput {
  return { id: eoiId, AND: [eoiVisibleTo(viewer)] };
}

export const eoiLink = (eoiId: string) => new URL(`/applicant/expressions-of-interest/${eoiId}`, env().APP_URL).href;

export function parseIdList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** What an expression of interest answers: the project's title and summary, its areas and priorities, the amount. */
export const eoiAnswersSelect = {
  title: true,
  summary: true,
  areaIds: true,
  priorityIds: true,
  amountRequestedPence: true,
} as const;

const eoiPageSelect = {
  id: true,
  status: true,
  ...eoiAnswersSelect,
  submittedAt: true,
  decidedAt: true,
  bidId: true,
  organisation: { select: { id: true, name: true } },
  round: {
    select: {
      id: true,
      slug: true,
      name: true,
      opensAt: true,
      eoiClosesAt: true,
      closesAt: true,
      invitationsSentAt: true,
      fund: { select: { name: true } },
      areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      priorities: { orderBy: { position: "asc" }, select: { id: true, title: true, description: true } },
    },
  },
} satisfies Prisma.ExpressionOfInterestSelect;

export type EoiForPage = Prisma.ExpressionOfInterestGetPayload<{ select: typeof eoiPageSelect }>;

/** The expression of interest, if the person may see it; feedback only once the decision is sent. */
export async function findEoiForApplicant(eoiId: string, viewer: EoiViewer) {
  const eoi = await db.expressionOfInterest.findFirst({ where: visibleEoi(eoiId, viewer), select: { ...eoiPageSelect, feedback: true } });
  if (!eoi) {
    await recordAudit({ actorId: viewer.id, action: "eoi.access_refused", outcome: "refused", subjectType: "expression_of_interest", subjectId: eoiId });
    return null;
  }
  const { feedback, ...rest } = eoi;
  return { ...rest, feedback: eoi.status === "invited" || eoi.status === "not_invited" ? feedback : null };
}

/** The stored answers as the form's values. */
export function eoiFormValues(eoi: Pick<EoiForPage, "title" | "summary" | "areaIds" | "priorityIds" | "amountRequestedPence">) {
  return {
    title: eoi.title,
    summary: eoi.summary,
    areaIds: parseIdList(eoi.areaIds),
    priorityIds: parseIdList(eoi.priorityIds),
    amountRequested: eoi.amountRequestedPence === null ? "" : penceToInput(eoi.amountRequestedPence),
  };
}

function roundIds(round: { areas: { id: string }[]; priorities: { id: string }[] }) {
  return { areaIds: round.areas.map((a) => a.id), priorityIds: round.priorities.map((p) => p.id) };
}

/** A two-stage round taking expressions of interest, by id (for the start page). */
export async function findRoundTakingEois(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, slug: true, name: true, twoStage: true, opensAt: true, eoiClosesAt: true, closesAt: true, fund: { select: { name: true } } },
  });
  if (!round || !round.twoStage) return null;
  return { ...round, taking: stagePhase(round, now) === "eoi_open" };
}

/** Two-stage rounds taking expressions of interest now. */
export function listRoundsTakingEois(now: Date) {
  return db.round.findMany({
    where: { twoStage: true, opensAt: { lte: now }, eoiClosesAt: { gt: now } },
    orderBy: { eoiClosesAt: "asc" },
    take: 50,
    select: { id: true, name: true, eoiClosesAt: true, fund: { select: { name: true } } },
  });
}

const NOT_MEMBER = "Select the organisation this expression of interest is for";

/** Starts a draft expression of interest; the same start form posted again finds the draft it made. */
export async function startEoi(input: {
  userId: string;
  organisationId: string;
  roundId: string;
  startToken: string | null;
  now: Date;
}): Promise<Result<{ eoiId: string }>> {
  const token = input.startToken || null;
  const holder = async () => (token ? db.expressionOfInterest.findUnique({ where: { startToken: token }, select: { id: true, createdById: true } }) : null);
  const earlier = await holder();
  if (earlier?.createdById === input.userId) return { ok: true, eoiId: earlier.id };
  const round = await findRoundTakingEois(input.roundId, input.now);
  if (!round) return notFound();
  if (!round.taking) return invalid({ start: "This round is not taking expressions of interest" });
  const membership = await db.membership.findUnique({ where: { organisationId_userId: { organisationId: input.organisationId, userId: input.userId } } });
  if (!membership) return invalid({ organisationId: NOT_MEMBER });
  try {
    const eoi = await db.$transaction(async (tx) => {
      const created = await tx.expressionOfInterest.create({
        data: { roundId: round.id, organisationId: input.organisationId, createdById: input.userId, startToken: earlier ? null : token },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: input.userId,
          action: "eoi.created",
          subjectType: "expression_of_interest",
          subjectId: created.id,
          after: { roundId: round.id, organisationId: input.organisationId },
        },
        tx,
      );
      return created;
    });
    return { ok: true, eoiId: eoi.id };
  } catch (error) {
    const other = isUniqueViolation(error) ? await holder() : null;
    if (other?.createdById === input.userId) return { ok: true, eoiId: other.id };
    throw error;
  }
}

export const EOI_FROZEN = "This expression of interest has been submitted, so it can no longer be changed";

async function refusedChange(eoiId: string, viewer: EoiViewer, reason: string) {
  const visible = await db.expressionOfInterest.count({ where: visibleEoi(eoiId, viewer) });
  await recordAudit({
    actorId: viewer.id,
    action: "eoi.change_refused",
    outcome: "refused",
    subjectType: "expression_of_interest",
    subjectId: eoiId,
    details: { reason: visible ? reason : "not visible" },
  });
  return visible ? conflict(EOI_FROZEN) : notFound();
}

/** Saves the draft's answers (already parsed against the round by the caller's schema). */
export async function saveEoi(eoiId: string, viewer: EoiViewer, answers: EoiAnswers): Promise<Result> {
  const saved = await db.expressionOfInterest.updateMany({
    where: { ...visibleEoi(eoiId, viewer), status: "draft" },
    data: {
      title: answers.title,
      summary: answers.summary,
      areaIds: JSON.stringify(answers.areaIds),
      priorityIds: JSON.stringify(answers.priorityIds),
      amountRequestedPence: answers.amountRequestedPence,
    },
  });
  if (saved.count === 0) return refusedChange(eoiId, viewer, "not a draft");
  await recordAudit({ actorId: viewer.id, action: "eoi.saved", subjectType: "expression_of_interest", subjectId: eoiId });
  return { ok: true };
}

class Refused extends Error {
  constructor(readonly result: Exclude<Result, { ok: true }>) {
    super("refused");
  }
}

/**
 * Submits a draft once: the conditional update of the draft comes first (a concurrent submit waits
 * on it and then finds it submitted); the closing time and the answers are checked inside.
 */
export async function submitEoi(eoiId: string, viewer: EoiViewer & { email: string; name: string }, now: Date): Promise<Result<{ alreadySubmitted: boolean }>> {
  try {
    return await db.$transaction(
      async (tx) => {
        const claimed = await tx.expressionOfInterest.updateMany({ where: { ...visibleEoi(eoiId, viewer), status: "draft" }, data: { updatedAt: now } });
        const eoi = await tx.expressionOfInterest.findFirst({ where: visibleEoi(eoiId, viewer), select: eoiPageSelect });
        if (!eoi) throw new Refused(notFound());
        if (claimed.count === 0) {
          if (eoi.status !== "draft") return { ok: true as const, alreadySubmitted: true };
          throw new Refused(conflict(EOI_FROZEN));
        }
        const phase = stagePhase(eoi.round, now);
        if (phase !== "eoi_open")
          throw new Refused(conflict(phase === "upcoming" ? "This round is not open yet" : "Expressions of interest for this round have closed"));
        const parsed = eoiSchema(roundIds(eoi.round), "complete").safeParse(eoiFormValues(eoi));
        if (!parsed.success) throw new Refused(invalid(fieldErrorsFrom(parsed.error)));
        await tx.expressionOfInterest.update({ where: { id: eoi.id }, data: { status: "submitted", submittedAt: now } });
        await recordAudit(
          {
            actorId: viewer.id,
            action: "eoi.submitted",
            subjectType: "expression_of_interest",
            subjectId: eoi.id,
            before: { status: "draft" },
            after: { status: "submitted", submittedAt: now.toISOString() },
          },
          tx,
        );
        await queueEmail(tx, {
          idempotencyKey: emailKeys.eoiReceipt(eoi.id),
          to: viewer.email,
          rendered: await renderEoiReceipt({
            fundName: eoi.round.fund.name,
            recipientName: viewer.name,
            organisationName: eoi.organisation.name,
            title: eoi.title,
            roundName: eoi.round.name,
            amountRequestedPence: eoi.amountRequestedPence ?? 0,
            submittedAt: now,
            eoiClosesAt: eoi.round.eoiClosesAt ?? eoi.round.closesAt,
            eoiUrl: eoiLink(eoi.id),
          }),
        });
        return { ok: true as const, alreadySubmitted: false };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordAudit({
      actorId: viewer.id,
      action: "eoi.submit_refused",
      outcome: "refused",
      subjectType: "expression_of_interest",
      subjectId: eoiId,
      details: { refusal: error.result.refusal.kind, at: now.toISOString() },
    });
    return error.result;
  }
}

/** The person's organisations' expressions of interest, newest first, for their bids page. */
export function applicantEois(userId: string) {
  return db.expressionOfInterest.findMany({
    where: eoiVisibleTo({ id: userId }),
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      title: true,
      status: true,
      amountRequestedPence: true,
      bidId: true,
      organisation: { select: { name: true } },
      round: { select: { name: true, eoiClosesAt: true, closesAt: true, fund: { select: { name: true } } } },
    },
  });
}

/** A round's stage dates and where it is between them, for its public page; null for a one-stage round. */
export async function publicStageDates(roundId: string, now: Date) {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { twoStage: true, opensAt: true, eoiClosesAt: true, closesAt: true } });
  if (!round?.twoStage || !round.eoiClosesAt) return null;
  return { eoiClosesAt: round.eoiClosesAt.toISOString(), fullBidClosesAt: round.closesAt.toISOString(), phase: stagePhase(round, now) };
}
