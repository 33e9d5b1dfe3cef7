// After the proposal: the administrator approves it (all or nothing, through approveAwards), the
// OPCC signs it off or sends it back, and the administrator releases the outcomes (ADR 0006, ADR 0010).
// Every write is one batch transaction (`$transaction([...])`, array form); each starts with a
// conditional update of the round's allocationStatus, so a second, racing or repeated request
// matches no row (P2025), rolls back whole and is refused with a clear message.
import { renderOutcomeAward, renderOutcomeDecline, renderOutcomeIneligible, renderOutcomeReserve, type RenderedEmail } from "../../../emails";
import { recordAudit } from "~/domain/audit/audit.server";
import { acceptanceDeadline } from "~/domain/awards/acceptance";
import { decisionLinks } from "~/domain/awards/links.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { outboxEmailData } from "~/domain/email/outbox.server";
import { db, type Prisma } from "~/lib/db.server";
import { formatPounds } from "~/lib/money";
import { isPrismaCode } from "~/lib/prisma-errors";
import { conflict, notFound, type Result } from "~/lib/refusal";
import { formatAcceptBy } from "~/domain/outcomes/dates";
import { approvalRefusalMessage, approvalRefusalReason, approveAwards } from "./approval.server";
import { checkAllocation } from "./validation";
import { releasedWithoutAward, sameReleaseChoices, saveReleaseChoices, savedReleaseChoices, type PageChoices } from "./release-choices.server";
import { feedbackSuggestions } from "./reserve.server";
import type { Allocation } from "./workspace.server";

/** A bid release cannot decide because it was never assessed (never screened, or no score yet). */
export type UnassessedBid = { bidId: string; reference: string; title: string; why: "not_screened" | "not_scored" };

/** A decision's result; a release refused for bids never assessed carries them, to list on the page. */
export type DecisionResult = Result<{ message: string }, { unassessed: UnassessedBid[] }>;

const ALREADY_APPROVED = "This allocation has already been approved. Nothing was changed.";
const RELEASED = "Outcomes for this round have been released. Released decisions are final. Nothing was changed.";

/** Audits a refused decision; the conflict is shown beside `field`, the form that was used. */
async function refuse(actorId: string, action: string, roundId: string, message: string, field: string): Promise<DecisionResult> {
  await recordAudit({ actorId, action, outcome: "refused", subjectType: "round", subjectId: roundId, details: { message } });
  return conflict(message, field);
}

/** Approves every proposed award of the round at once (or none), then moves the round on. */
export async function approveAllocation(allocation: Allocation, actorId: string): Promise<DecisionResult> {
  const { round } = allocation;
  const action = "allocation.approve";
  if (round.allocationStatus === "released") return refuse(actorId, action, round.id, RELEASED, "approve");
  if (round.allocationStatus === "approved" || round.allocationStatus === "signed_off") return refuse(actorId, action, round.id, ALREADY_APPROVED, "approve");
  const proposed = allocation.rows.filter((r) => r.award?.status === "proposed");
  if (proposed.length === 0) return refuse(actorId, action, round.id, "There are no proposed awards to approve. Save a proposal first.", "approve");

  // The threshold and limits, checked on what the administrator saw (ADR 0006).
  const check = checkAllocation(
    { ...allocation.potParts, availablePence: allocation.pot.remainingPotPence, minAwardPence: round.minAwardPence, maxAwardPence: round.maxAwardPence },
    proposed.map((r) => ({
      bidId: r.bidId,
      reference: r.reference,
      requestedPence: r.requestedPence,
      awardPence: r.award!.amountPence,
      meetsThreshold: r.meetsThreshold,
    })),
  );
  if (!check.ok) return refuse(actorId, action, round.id, `${check.potError ?? Object.values(check.fieldErrors)[0]}. Nothing was approved.`, "approve");

  const result = await approveAwards({
    roundId: round.id,
    actorId,
    awards: proposed.map((r) => ({ bidId: r.bidId, amountPence: r.award!.amountPence })),
    moveAllocationTo: round.opccSignOffRequired ? "approved" : "signed_off",
  });
  if (!result.ok) {
    // A second approval racing the first loses at the pot or at the awards; either way, say so plainly.
    const approvedMeanwhile = await db.award.count({ where: { bidId: { in: proposed.map((r) => r.bidId) }, status: { in: ["approved", "released"] } } });
    const reason = approvalRefusalReason(result);
    const alreadyApproved = reason === "already_approved" || reason === "awaiting_release" || approvedMeanwhile > 0;
    return conflict(alreadyApproved ? ALREADY_APPROVED : approvalRefusalMessage(result), "approve");
  }
  const next = round.opccSignOffRequired ? "It now needs OPCC sign-off before outcomes can be released." : "You can now release the outcomes.";
  return { ok: true, message: `Allocation approved: ${result.approved.length} awards totalling ${formatPounds(result.totalPence)}. ${next}` };
}

export type SignOffDecision = { decision: "approved" } | { decision: "sent_back"; comment: string };

/**
 * The OPCC signs off an approved allocation, or sends it back with a comment. Sending back turns
 * the approved awards back into proposals and returns their money to the pot in the same batch,
 * so the administrator can change them and approve again.
 */
export async function signOffAllocation(roundId: string, actorId: string, input: SignOffDecision): Promise<DecisionResult> {
  const action = input.decision === "approved" ? "allocation.sign_off" : "allocation.send_back";
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, allocationStatus: true, opccSignOffRequired: true } });
  if (!round) return notFound("There is no such round");
  if (!round.opccSignOffRequired) return refuse(actorId, action, roundId, "This round does not need OPCC sign-off. Nothing was changed.", "decision");
  if (round.allocationStatus !== "approved") {
    const message =
      round.allocationStatus === "signed_off" || round.allocationStatus === "released"
        ? "This allocation has already been signed off. Nothing was changed."
        : round.allocationStatus === "sent_back"
          ? "This allocation has already been sent back. Nothing was changed."
          : "There is no approved allocation to sign off yet. Nothing was changed.";
    return refuse(actorId, action, roundId, message, "decision");
  }
  const comment = input.decision === "sent_back" ? input.comment : "";
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction(await signOffWrites(roundId, actorId, input.decision, comment));
      break;
    } catch (error) {
      if (!isPrismaCode(error, "P2025")) throw error;
      const now = await db.round.findUnique({ where: { id: roundId }, select: { allocationStatus: true } });
      // Still waiting for sign-off: an award changed under the batch (a bid was withdrawn); read again.
      if (now?.allocationStatus === "approved" && attempt < 3) continue;
      return refuse(actorId, action, roundId, "This allocation has already been signed off or sent back. Nothing was changed.", "decision");
    }
  }
  return {
    ok: true,
    message:
      input.decision === "approved"
        ? "Allocation signed off. The fund administrator can now release the outcomes."
        : "Allocation sent back to the fund administrator with your comment.",
  };
}

/**
 * The sign-off batch. Sending back turns each approved award back into a proposal and returns
 * exactly the amounts flipped: each award is matched by id, status and amount, so an award that
 * changed since it was read fails the batch (P2025) instead of unbalancing the pot.
 */
async function signOffWrites(roundId: string, actorId: string, decision: SignOffDecision["decision"], comment: string) {
  const after = { allocationStatus: decision === "approved" ? "signed_off" : "sent_back", comment };
  const audit = [
    db.allocationSignOff.create({ data: { roundId, decision, comment, decidedById: actorId } }),
    recordAudit({
      actorId,
      action: decision === "approved" ? "allocation.sign_off" : "allocation.send_back",
      subjectType: "round",
      subjectId: roundId,
      before: { allocationStatus: "approved" },
      after,
    }),
  ];
  if (decision === "approved") {
    return [
      db.round.update({ where: { id: roundId, allocationStatus: "approved" }, data: { allocationStatus: "signed_off" }, select: { id: true } }),
      ...audit,
    ];
  }
  const approved = await db.award.findMany({ where: { roundId, status: "approved" }, select: { id: true, amountPence: true } });
  const returnedPence = approved.reduce((sum, a) => sum + a.amountPence, 0);
  return [
    // The round row first (its lock, and the guard that the allocation still waits for sign-off).
    db.round.update({
      where: { id: roundId, allocationStatus: "approved" },
      data: { allocationStatus: "sent_back", allocationApprovedAt: null },
      select: { id: true },
    }),
    ...approved.map((a) =>
      db.award.update({
        where: { id: a.id, status: "approved", amountPence: a.amountPence },
        data: { status: "proposed", approvedById: null, approvedAt: null },
        select: { id: true },
      }),
    ),
    // Every approved award was among those read (none is left approved), so the money returned is
    // exactly what the flipped awards held.
    db.round.update({
      where: { id: roundId, awards: { none: { status: "approved" } } },
      data: { remainingPotPence: { increment: returnedPence } },
      select: { id: true },
    }),
    ...audit,
  ];
}

type Outcome = "awarded" | "reserve" | "declined";

/**
 * Releases the outcomes: each bid in assessment becomes awarded (it has an approved award),
 * reserve (the administrator chose it; the choices are saved a page at a time, ADR 0031) or declined; each bid screened out keeps its `ineligible`
 * status and is decided too. Every one gets ONE outcome email, all in one batch with the round's
 * move to `released`. A bid never assessed (still `submitted`, or without a score) has no outcome
 * to give, so release is refused with the list of them. Emails are rendered before the batch.
 */
export async function releaseOutcomes(
  allocation: Allocation,
  actorId: string,
  {
    page = { bidIds: [], reserve: [], feedback: {} },
    shareAssessorComments = false,
  }: {
    /** The choices of the release form's page, saved first (ADR 0031); the release then reads every saved choice. */
    page?: PageChoices;
    /** For bids whose feedback was never saved: share the assessors' comments (the suggestion) instead of none. */
    shareAssessorComments?: boolean;
  } = {},
): Promise<DecisionResult> {
  const { round } = allocation;
  const action = "allocation.release";
  if (round.allocationStatus === "released") return refuse(actorId, action, round.id, RELEASED, "release");
  if (round.allocationStatus !== "signed_off") {
    const message = round.opccSignOffRequired
      ? "Outcomes cannot be released until the allocation has been approved and signed off by the OPCC. Nothing was released."
      : "Outcomes cannot be released until the allocation has been approved. Nothing was released.";
    return refuse(actorId, action, round.id, message, "release");
  }
  // The page's choices are kept even when the release is refused below, so nothing typed is lost.
  if (page.bidIds.length > 0) {
    const saved = await saveReleaseChoices(allocation, actorId, page, { releasing: true });
    if (!saved.ok) return saved;
  }
  // Every bid that is not a draft, withdrawn or screened out needs a score before it can be told anything.
  const unassessed: UnassessedBid[] = allocation.rows
    .filter((r) => r.status === "submitted" || ((r.status === "in_assessment" || r.status === "reserve") && r.scoreText === null))
    .map((r) => ({ bidId: r.bidId, reference: r.reference, title: r.title, why: r.status === "submitted" ? "not_screened" : "not_scored" }));
  if (unassessed.length > 0) {
    const message = `${unassessed.length === 1 ? "1 bid has" : `${unassessed.length} bids have`} not been assessed, so ${unassessed.length === 1 ? "it has" : "they have"} no outcome yet: ${unassessed.map((u) => u.reference).join(", ")}. Screen each one and finish its assessment, or screen it out, then release the outcomes. Nothing was released.`;
    await recordAudit({
      actorId,
      action,
      outcome: "refused",
      subjectType: "round",
      subjectId: round.id,
      details: { message, unassessed: unassessed.map((u) => ({ bidId: u.bidId, why: u.why })) },
    });
    return conflict(message, "release", { unassessed });
  }
  const choices = await savedReleaseChoices(round.id);
  const reserve = new Set([...choices.byBid.values()].filter((c) => c.onReserve).map((c) => c.bidId));
  const deciding = allocation.rows.filter((r) => r.status === "in_assessment" || r.status === "reserve");
  const wrongReserve = deciding.find((r) => reserve.has(r.bidId) && r.award?.status === "approved");
  if (wrongReserve)
    return refuse(
      actorId,
      action,
      round.id,
      `${wrongReserve.reference} has an approved award, so it cannot also be on the reserve list. Nothing was released.`,
      "release",
    );
  const belowThreshold = deciding.find((r) => reserve.has(r.bidId) && !r.meetsThreshold);
  if (belowThreshold)
    return refuse(
      actorId,
      action,
      round.id,
      `${belowThreshold.reference} is below the quality threshold, so it cannot be on the reserve list. Nothing was released.`,
      "release",
    );

  const bidFields = {
    id: true,
    reference: true,
    title: true,
    feedback: true,
    decisionVersion: true,
    amountRequestedPence: true,
    organisation: { select: { name: true, contactName: true, contactEmail: true } },
  } as const;
  const notSaved = deciding.filter((r) => releasedWithoutAward(r) && choices.byBid.get(r.bidId)?.feedback == null).map((r) => r.bidId);
  const [bids, ineligible, settings, suggested] = await Promise.all([
    db.bid.findMany({ where: { id: { in: deciding.map((r) => r.bidId) } }, select: bidFields }),
    // Screened out: not in the allocation, but told with everyone else.
    db.bid.findMany({
      where: { roundId: round.id, status: "ineligible" },
      orderBy: { reference: "asc" },
      select: { ...bidFields, screeningReason: true, screeningNote: true },
    }),
    db.round.findUniqueOrThrow({ where: { id: round.id }, select: { acceptanceDays: true } }),
    shareAssessorComments ? feedbackSuggestions(round.id, notSaved) : ({} as Record<string, string>),
  ]);
  const byId = new Map(bids.map((b) => [b.id, b]));
  const roundName = allocation.round.name;
  const now = new Date();
  const acceptBy = acceptanceDeadline(now, settings.acceptanceDays);
  const common = (bid: (typeof bids)[number]) => ({
    recipientName: bid.organisation.contactName,
    organisationName: bid.organisation.name,
    reference: bid.reference ?? "",
    bidTitle: bid.title,
    roundName,
    bidUrl: decisionLinks.outcome(bid.id),
  });

  const decisions = await Promise.all(
    deciding.map(async (row) => {
      const bid = byId.get(row.bidId)!;
      const outcome: Outcome = row.award?.status === "approved" ? "awarded" : reserve.has(row.bidId) ? "reserve" : "declined";
      const shared =
        outcome === "awarded" ? undefined : (choices.byBid.get(bid.id)?.feedback ?? (Object.hasOwn(suggested, bid.id) ? suggested[bid.id] : undefined));
      const rendered: RenderedEmail =
        outcome === "awarded"
          ? await renderOutcomeAward({
              ...common(bid),
              amountPence: row.award!.amountPence,
              amountRequestedPence: bid.amountRequestedPence ?? row.award!.amountPence,
              pccFundedPence: row.award!.pccFundedPence,
              matchFundedPence: row.award!.matchFundedPence,
              conditions: row
                .award!.conditions.split("\n")
                .map((c) => c.trim())
                .filter(Boolean),
              acceptBy: formatAcceptBy(acceptBy),
              respondUrl: decisionLinks.respondToAward(bid.id),
              nextSteps: [
                `Accept the award online by ${formatAcceptBy(acceptBy)}, confirming that you will meet its conditions.`,
                "We will send you the grant agreement, with these conditions, to sign.",
                "We pay the award once we have the signed agreement.",
                "Once you accept, your monitoring reports and their due dates are listed on the decision page.",
              ],
            })
          : outcome === "reserve"
            ? await renderOutcomeReserve(common(bid))
            : await renderOutcomeDecline({ ...common(bid), feedback: shared ?? bid.feedback });
      return { row, bid, outcome, rendered, shared };
    }),
  );
  const screenedOut = await Promise.all(
    ineligible.map(async (bid) => ({
      bid,
      rendered: await renderOutcomeIneligible({
        ...common(bid),
        reason: bid.screeningReason ?? "The bid did not meet the round's eligibility rules",
        note: bid.screeningNote,
      }),
    })),
  );

  // One batch, round row first (ADR 0010). It decides exactly the bids and awards listed here:
  // each approved award is released by id, status and amount while its bid is still awardable;
  // a bid withdrawn, screened out or screened back in meanwhile, or an approved award not in the
  // list, fails the whole batch (P2025) and nothing is released.
  const writes: Prisma.PrismaPromise<unknown>[] = [
    // The guard: only one release, and only of a signed-off allocation (P2025 otherwise).
    db.round.update({
      where: { id: round.id, allocationStatus: "signed_off" },
      data: { allocationStatus: "released", outcomesReleasedAt: now },
      select: { id: true },
    }),
    ...decisions
      .filter((d) => d.outcome === "awarded")
      .map(({ row }) =>
        db.award.update({
          where: { id: row.award!.id, status: "approved", amountPence: row.award!.amountPence, bid: { status: { in: ["in_assessment", "reserve"] } } },
          data: { status: "released", acceptBy },
          select: { id: true },
        }),
      ),
    db.round.update({ where: { id: round.id, awards: { none: { status: "approved" } } }, data: { outcomesReleasedAt: now }, select: { id: true } }),
    // Proposals that were never approved are not decisions.
    db.award.deleteMany({ where: { roundId: round.id, status: "proposed" } }),
    // No bid may be left without an outcome: one submitted meanwhile (screened back in) fails the batch.
    db.round.update({ where: { id: round.id, bids: { none: { status: "submitted" } } }, data: { outcomesReleasedAt: now }, select: { id: true } }),
    // A choice saved after they were read fails the batch too (ADR 0031); the choices have done their work.
    db.round.update({ where: { id: round.id, ...sameReleaseChoices(choices.version) }, data: { outcomesReleasedAt: now }, select: { id: true } }),
    db.releaseChoice.deleteMany({ where: { roundId: round.id } }),
    db.releaseDraft.deleteMany({ where: { roundId: round.id } }),
  ];
  for (const { bid, outcome, rendered, shared } of decisions) {
    writes.push(
      db.bid.update({
        where: { id: bid.id, status: { in: ["in_assessment", "reserve"] } },
        data: { status: outcome, decidedAt: now, ...(shared === undefined ? {} : { feedback: shared || null }) },
        select: { id: true },
      }),
      db.outboxEmail.create({
        data: outboxEmailData({ idempotencyKey: emailKeys.outcome(bid.id, bid.decisionVersion), to: bid.organisation.contactEmail, rendered }),
        select: { id: true },
      }),
    );
  }
  for (const { bid, rendered } of screenedOut) {
    writes.push(
      db.bid.update({ where: { id: bid.id, status: "ineligible" }, data: { decidedAt: now }, select: { id: true } }),
      db.outboxEmail.create({
        data: outboxEmailData({ idempotencyKey: emailKeys.outcome(bid.id, bid.decisionVersion), to: bid.organisation.contactEmail, rendered }),
        select: { id: true },
      }),
    );
  }
  const counts = { awarded: 0, reserve: 0, declined: 0 };
  for (const d of decisions) counts[d.outcome] += 1;
  writes.push(
    recordAudit({
      actorId,
      action,
      subjectType: "round",
      subjectId: round.id,
      before: { allocationStatus: "signed_off" },
      after: {
        allocationStatus: "released",
        acceptBy: acceptBy.toISOString(),
        outcomes: [
          ...decisions.map((d) => ({ bidId: d.bid.id, outcome: d.outcome, decisionVersion: d.bid.decisionVersion })),
          ...screenedOut.map((d) => ({ bidId: d.bid.id, outcome: "ineligible", decisionVersion: d.bid.decisionVersion })),
        ],
      },
    }),
  );
  try {
    await db.$transaction(writes);
  } catch (error) {
    if (isPrismaCode(error, "P2025", "P2002")) {
      const now = await db.round.findUnique({ where: { id: round.id }, select: { allocationStatus: true } });
      return refuse(
        actorId,
        action,
        round.id,
        now?.allocationStatus === "released"
          ? RELEASED
          : "A bid or a choice for the release changed while the outcomes were being released (a bid may have been withdrawn, or choices saved on another page). Nothing was released. Check the choices and try again.",
        "release",
      );
    }
    throw error;
  }
  const notEligible = screenedOut.length > 0 ? `, ${screenedOut.length} not eligible` : "";
  return {
    ok: true,
    message: `Outcomes released: ${counts.awarded} awarded, ${counts.reserve} on the reserve list, ${counts.declined} not funded${notEligible}. One email to each applicant has been queued.`,
  };
}

/** Rounds whose approved allocation waits for the OPCC. */
export function allocationsAwaitingSignOff() {
  return db.round.findMany({
    where: { opccSignOffRequired: true, allocationStatus: "approved" },
    select: { id: true, name: true, fund: { select: { name: true } } },
  });
}
