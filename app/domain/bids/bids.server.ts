// Bids as the applicant works on them. Every query is scoped to the bids the signed-in person may
// see (bidVisibleTo) in the query itself, so a forgotten check elsewhere cannot leak another
// organisation's bid; every change is a conditional update on a draft, so a submitted bid is
// frozen whatever the browser sends.
import { describeApplicantTypes, parseApplicantTypes } from "~/domain/funds/applicant-types";
import { randomUUID } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import type { Role } from "~/domain/auth/roles";
import type { EligibilityAnswers } from "~/domain/eligibility/answers";
import { roundPhase } from "~/domain/rounds/pot";
import { db, type Db, type Prisma as PrismaTypes } from "~/lib/db.server";
import { MAX_PENCE } from "~/lib/money";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { conflict, invalid, notFound, type Result } from "~/lib/refusal";
import { withSectionStatus, type SectionKey, type StoredStatus } from "./sections";

type Tx = PrismaTypes.TransactionClient;

export type Viewer = { id: string; role: Role };

/**
 * The bids a person may see, as a query condition. Applicants see their organisations' bids.
 * Staff roles see none here yet: assessors (assigned, not conflicted) and the fund administrator
 * (submitted bids) are added when their pages are built.
 */
export function bidVisibleTo(viewer: Viewer): PrismaTypes.BidWhereInput {
  if (viewer.role === "applicant") return { organisation: { members: { some: { userId: viewer.id } } } };
  return { id: { in: [] } };
}

/** One bid by id, only if the person may see it. */
export function visibleBid(bidId: string, viewer: Viewer): PrismaTypes.BidWhereInput {
  return { id: bidId, AND: [bidVisibleTo(viewer)] };
}

/** The round's rules a bid is checked against: its dates, award limits and form rules. */
export const bidRoundRulesSelect = {
  id: true,
  name: true,
  code: true,
  opensAt: true,
  closesAt: true,
  minAwardPence: true,
  maxAwardPence: true,
  smallBidThresholdPence: true,
  formRules: true,
} satisfies PrismaTypes.RoundSelect;

export const bidOutcomeSelect = { outcome: true, indicator: true, target: true, position: true } satisfies PrismaTypes.BidOutcomeSelect;
export const bidBudgetLineSelect = { item: true, costPence: true, otherFundingPence: true, position: true } satisfies PrismaTypes.BudgetLineSelect;
export const bidDocumentSelect = {
  id: true,
  kind: true,
  originalName: true,
  mediaType: true,
  sizeBytes: true,
  scanStatus: true,
} satisfies PrismaTypes.BidDocumentSelect;

/**
 * Everything a bid page shows or checks, and nothing more: screening notes and other staff-only
 * fields never reach an applicant's page.
 */
export const bidPageSelect = {
  id: true,
  roundId: true,
  organisationId: true,
  status: true,
  reference: true,
  title: true,
  summary: true,
  amountRequestedPence: true,
  projectStartDate: true,
  projectEndDate: true,
  beneficiaries: true,
  beneficiaryCount: true,
  safeguardingAnswer: true,
  equalityAnswer: true,
  sectionProgress: true,
  declarationsAcceptedAt: true,
  submittedAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true } },
  round: {
    select: {
      ...bidRoundRulesSelect,
      slug: true,
      maxDocumentBytes: true,
      fund: { select: { name: true, code: true } },
      areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      priorities: { orderBy: { position: "asc" }, select: { id: true, title: true, description: true } },
    },
  },
  areas: { select: { roundAreaId: true } },
  priorities: { select: { priorityId: true } },
  outcomes: { orderBy: { position: "asc" }, select: bidOutcomeSelect },
  budgetLines: { orderBy: { position: "asc" }, select: bidBudgetLineSelect },
  documents: { orderBy: { createdAt: "asc" }, select: { ...bidDocumentSelect, createdAt: true } },
} satisfies PrismaTypes.BidSelect;

export type BidForPage = PrismaTypes.BidGetPayload<{ select: typeof bidPageSelect }>;

/**
 * What saving a section checks, and no more: whether the bid is still a draft, its band, its
 * section progress (written with the answers) and its round's rules and choices. The answers,
 * rows and documents the page shows are not read: the section's save replaces them. A save is the
 * commonest request at a deadline, and reading the whole bid was most of its database work
 * (ADR 0033).
 */
export const bidSectionSaveSelect = {
  id: true,
  status: true,
  amountRequestedPence: true,
  sectionProgress: true,
  round: { select: { ...bidRoundRulesSelect, areas: bidPageSelect.round.select.areas, priorities: bidPageSelect.round.select.priorities } },
} satisfies PrismaTypes.BidSelect;

export type BidForSectionSave = PrismaTypes.BidGetPayload<{ select: typeof bidSectionSaveSelect }>;

export function findBidForViewer(bidId: string, viewer: Viewer, client: Pick<Db, "bid"> = db): Promise<BidForPage | null> {
  return client.bid.findFirst({ where: visibleBid(bidId, viewer), select: bidPageSelect });
}

async function auditedAccess<T>(bidId: string | undefined, viewer: Viewer, find: (bidId: string) => Promise<T | null>): Promise<T | null> {
  const bid = bidId ? await find(bidId) : null;
  if (!bid) await recordAudit({ actorId: viewer.id, action: "bid.access_refused", outcome: "refused", subjectType: "bid", subjectId: bidId ?? null });
  return bid;
}

/** The bid, or null that says nothing about whether it exists (and an audit event). */
export function findBidForViewerAudited(bidId: string | undefined, viewer: Viewer): Promise<BidForPage | null> {
  return auditedAccess(bidId, viewer, (id) => findBidForViewer(id, viewer));
}

/** As findBidForViewerAudited, with only what saving a section checks. */
export function findBidToSaveAudited(bidId: string | undefined, viewer: Viewer): Promise<BidForSectionSave | null> {
  return auditedAccess(bidId, viewer, (id) => db.bid.findFirst({ where: visibleBid(id, viewer), select: bidSectionSaveSelect }));
}

// --- starting a bid ----------------------------------------------------------------------

export function listMemberships(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { organisation: { name: "asc" } },
    select: { organisation: { select: { id: true, name: true } } },
  });
}

export function listOpenRounds(now: Date) {
  return db.round.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: { closesAt: "asc" },
    select: { id: true, slug: true, name: true, closesAt: true, fund: { select: { name: true, slug: true } } },
  });
}

/** A round by its slug; when funds share a slug, the fund's slug picks one. */
export async function findRoundBySlug(slug: string, fundSlug?: string | null) {
  const rounds = await db.round.findMany({
    where: { slug, ...(fundSlug ? { fund: { slug: fundSlug } } : {}) },
    orderBy: { closesAt: "desc" },
    select: {
      id: true,
      slug: true,
      name: true,
      opensAt: true,
      closesAt: true,
      twoStage: true,
      fund: { select: { name: true, slug: true } },
      areas: { select: { id: true } },
      priorities: { select: { id: true } },
    },
  });
  return rounds[0] ?? null;
}

/** A one-time token for a "Start bid" form (see startBid). */
export function newStartToken() {
  return randomUUID();
}

export type StartBidResult = Result<{ bidId: string }>;

const NOT_MEMBER = "Select the organisation this bid is for";

/**
 * Creates a draft bid for an organisation the person belongs to. Answers from the eligibility
 * check fill in the areas, priorities and amount (only values the round knows are kept) and are
 * stored with the bid.
 */
export async function startBid(input: {
  userId: string;
  organisationId: string;
  roundId: string;
  eligibility: EligibilityAnswers | null;
  now: Date;
  /** The start form's one-time token: posting the same form again returns the bid it made. */
  startToken?: string | null;
}): Promise<StartBidResult> {
  const token = input.startToken || null;
  const holder = async () => (token ? db.bid.findUnique({ where: { startToken: token }, select: { id: true, createdById: true } }) : null);
  const earlier = await holder();
  if (earlier?.createdById === input.userId) return { ok: true, bidId: earlier.id };
  try {
    // Tokens are random and per page; one that is another person's is simply not reused.
    return await createDraft(input, earlier ? null : token);
  } catch (error) {
    // The same form posted twice at once: the other post made the bid.
    const other = isUniqueViolation(error) ? await holder() : null;
    if (other?.createdById === input.userId) return { ok: true, bidId: other.id };
    throw error;
  }
}

async function createDraft(input: Parameters<typeof startBid>[0], startToken: string | null): Promise<StartBidResult> {
  const round = await db.round.findUnique({
    where: { id: input.roundId },
    select: {
      id: true,
      opensAt: true,
      closesAt: true,
      twoStage: true,
      fund: { select: { applicantTypes: true } },
      areas: { select: { id: true } },
      priorities: { select: { id: true } },
    },
  });
  if (!round) return invalid({ organisationId: NOT_MEMBER });
  // A two-stage round's full bids are made only by an invitation (ADR 0026).
  if (round.twoStage) return invalid({ start: "This round starts with an expression of interest: full bids are by invitation only" });
  if (roundPhase(round, input.now) !== "open") return invalid({ start: "This round is not open for bids" });
  const membership = await db.membership.findUnique({
    where: { organisationId_userId: { organisationId: input.organisationId, userId: input.userId } },
    select: { organisation: { select: { type: true } } },
  });
  if (!membership) return invalid({ organisationId: NOT_MEMBER });
  // The fund's "who may apply" (ADR 0025) holds here too, whatever the eligibility check said.
  const applicantTypes = parseApplicantTypes(round.fund.applicantTypes);
  if (!(applicantTypes as readonly string[]).includes(membership.organisation.type)) {
    await recordAudit({
      actorId: input.userId,
      action: "bid.create",
      outcome: "refused",
      subjectType: "round",
      subjectId: round.id,
      details: { organisationId: input.organisationId, organisationType: membership.organisation.type, reason: "not who may apply" },
    });
    return invalid({ organisationId: `This fund only gives money to ${describeApplicantTypes(applicantTypes)}` });
  }

  const answers = input.eligibility;
  const areaIds = (answers?.areaIds ?? []).filter((id) => round.areas.some((a) => a.id === id));
  const priorityIds = (answers?.priorityIds ?? []).filter((id) => round.priorities.some((p) => p.id === id));
  const amount = answers && answers.amountRequestedPence > 0 && answers.amountRequestedPence <= MAX_PENCE ? answers.amountRequestedPence : null;
  let progress = "{}";
  if (amount !== null) progress = withSectionStatus(progress, "about", "in_progress");
  if (areaIds.length > 0) progress = withSectionStatus(progress, "areas", "in_progress");
  if (priorityIds.length > 0) progress = withSectionStatus(progress, "priorities", "in_progress");

  const bid = await db.$transaction(async (tx) => {
    const created = await tx.bid.create({
      data: {
        roundId: round.id,
        organisationId: input.organisationId,
        createdById: input.userId,
        startToken,
        amountRequestedPence: amount,
        eligibilityAnswers: answers ? JSON.stringify(answers) : null,
        sectionProgress: progress,
        areas: { create: areaIds.map((roundAreaId) => ({ roundAreaId })) },
        priorities: { create: priorityIds.map((priorityId) => ({ priorityId })) },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: input.userId,
        action: "bid.created",
        subjectType: "bid",
        subjectId: created.id,
        after: { roundId: round.id, organisationId: input.organisationId, fromEligibilityCheck: Boolean(answers) },
      },
      tx,
    );
    return created;
  });
  return { ok: true, bidId: bid.id };
}

// --- saving a section --------------------------------------------------------------------

/** Why a change to a bid that is no longer a draft is refused. */
export const FROZEN_MESSAGE = "This bid has been submitted, so it can no longer be changed";

/** A refused change: a bid that is not a draft (a conflict), or one the person may not see. */
export async function refusedBidChange(tx: Pick<Db, "bid">, bidId: string, viewer: Viewer) {
  const visible = await tx.bid.count({ where: visibleBid(bidId, viewer) });
  return visible ? conflict(FROZEN_MESSAGE) : notFound();
}

/**
 * Saves one section of a draft: the bid's own fields and the section's status, then (optionally)
 * its rows, and an audit event, all in one transaction. The first statement is a conditional
 * update on a draft the person may see, so a submitted bid (or someone else's) is never changed,
 * and a concurrent save or submit of the same bid waits its turn.
 *
 * Given the section progress the caller read (`progressSeen`), that first statement also writes
 * the new progress, on condition that the progress is still what was read; if another save
 * changed it in between, the progress is read again inside the transaction and written after
 * (ADR 0033).
 */
export async function saveSection(input: {
  bidId: string;
  viewer: Viewer;
  section: SectionKey;
  status: StoredStatus;
  fields?: PrismaTypes.BidUpdateManyMutationInput;
  rows?: (tx: Tx, bidId: string) => Promise<unknown>;
  progressSeen?: string;
}): Promise<Result> {
  const { bidId, viewer, section, status, progressSeen } = input;
  const draft = { ...visibleBid(bidId, viewer), status: "draft" } satisfies PrismaTypes.BidWhereInput;
  return db.$transaction(async (tx) => {
    const answers = { ...input.fields, updatedAt: new Date() };
    const claimedWithProgress =
      progressSeen === undefined
        ? 0
        : (
            await tx.bid.updateMany({
              where: { ...draft, sectionProgress: progressSeen },
              data: { ...answers, sectionProgress: withSectionStatus(progressSeen, section, status) },
            })
          ).count;
    if (claimedWithProgress === 0) {
      const claimed = await tx.bid.updateMany({ where: draft, data: answers });
      if (claimed.count === 0) {
        const visible = await tx.bid.count({ where: visibleBid(bidId, viewer) });
        await recordAudit(
          {
            actorId: viewer.id,
            action: "bid.change_refused",
            outcome: "refused",
            subjectType: "bid",
            subjectId: bidId,
            details: { section, reason: visible ? "not a draft" : "not visible" },
          },
          tx,
        );
        return visible ? conflict(FROZEN_MESSAGE) : notFound();
      }
      const { sectionProgress } = await tx.bid.findUniqueOrThrow({ where: { id: bidId }, select: { sectionProgress: true } });
      await tx.bid.update({ where: { id: bidId }, data: { sectionProgress: withSectionStatus(sectionProgress, section, status) } });
    }
    await input.rows?.(tx, bidId);
    await recordAudit({ actorId: viewer.id, action: "bid.section_saved", subjectType: "bid", subjectId: bidId, details: { section, status } }, tx);
    return { ok: true };
  });
}

export const replaceAreas = (areaIds: string[]) => async (tx: Tx, bidId: string) => {
  await tx.bidArea.deleteMany({ where: { bidId } });
  if (areaIds.length > 0) await tx.bidArea.createMany({ data: areaIds.map((roundAreaId) => ({ bidId, roundAreaId })) });
};

export const replacePriorities = (priorityIds: string[]) => async (tx: Tx, bidId: string) => {
  await tx.bidPriority.deleteMany({ where: { bidId } });
  if (priorityIds.length > 0) await tx.bidPriority.createMany({ data: priorityIds.map((priorityId) => ({ bidId, priorityId })) });
};

export const replaceOutcomes = (outcomes: { outcome: string; indicator: string; target: string }[]) => async (tx: Tx, bidId: string) => {
  await tx.bidOutcome.deleteMany({ where: { bidId } });
  if (outcomes.length > 0) await tx.bidOutcome.createMany({ data: outcomes.map((o, position) => ({ bidId, position, ...o })) });
};

export const replaceBudgetLines = (lines: { item: string; costPence: number; otherFundingPence: number }[]) => async (tx: Tx, bidId: string) => {
  await tx.budgetLine.deleteMany({ where: { bidId } });
  if (lines.length > 0) await tx.budgetLine.createMany({ data: lines.map((line, position) => ({ bidId, position, ...line })) });
};

/** The applicant's organisations with their bids, scoped in the query itself to their own memberships. */
export function organisationsWithBids(userId: string) {
  return db.membership.findMany({
    where: { userId: userId },
    select: {
      organisation: {
        select: {
          id: true,
          name: true,
          bids: {
            orderBy: { createdAt: "desc" },
            select: {
              id: true,
              title: true,
              reference: true,
              status: true,
              amountRequestedPence: true,
              decidedAt: true,
              round: { select: { name: true, allocationStatus: true } },
              award: { select: { amountPence: true, status: true } },
            },
          },
        },
      },
    },
  });
}
