// Two-stage rounds (ADR 0026): expression of interest, the stage-one decision within the cap,
// emails sent once, the decision locked but for an audited re-invitation, and the full bid.
import { describe, expect, it } from "vitest";
import { submitBid } from "~/domain/bids/submission.server";
import { startBid } from "~/domain/bids/bids.server";
import { saveEoi, startEoi, submitEoi } from "~/domain/stages/expressions-of-interest.server";
import { reinviteEoi, reviewEoi, sendStageOneDecision } from "~/domain/stages/stage-one.server";
import { db } from "~/lib/db.server";
import { signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createRound, type TestRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 24 * 60 * 60 * 1000;

async function twoStageRound(capPence: number) {
  const round = await createRound();
  await db.round.update({ where: { id: round.id }, data: { twoStage: true, eoiClosesAt: new Date(Date.now() + 5 * DAY), invitationCapPence: capPence } });
  return round;
}

async function submittedEoi(round: TestRound, name: string, amountPence: number) {
  const { user, organisation } = await applicantWithOrganisation(name);
  const started = await startEoi({ userId: user.id, organisationId: organisation.id, roundId: round.id, startToken: null, now: new Date() });
  if (!started.ok) throw new Error("not started");
  await saveEoi(started.eoiId, user, {
    title: `${name} project`,
    summary: "Detached youth work on Friday nights in the town centre.",
    areaIds: [round.areas[1]!.id],
    priorityIds: [round.priorities[0]!.id],
    amountRequestedPence: amountPence,
  });
  const submitted = await submitEoi(started.eoiId, { ...user }, new Date());
  expect(submitted).toEqual({ ok: true, alreadySubmitted: false });
  return { eoiId: started.eoiId, user, organisation };
}

async function reviewAll(adminId: string, roundId: string, ids: string[]) {
  for (const id of ids)
    expect((await reviewEoi(adminId, roundId, id, { decision: "eligible", score: 4, feedback: "Clear and well targeted." }, new Date())).ok).toBe(true);
}

/** A choice of expressions of interest to invite, as one page of the list posts it. */
const choose = (ids: string[]) => ({ shown: ids, invite: ids });

/** Moves the round past the close of expressions of interest. */
const closeEois = (roundId: string) => db.round.update({ where: { id: roundId }, data: { eoiClosesAt: new Date(Date.now() - 60_000) } });

describe("a two-stage round", () => {
  it("goes from expression of interest to invitation to a submitted full bid with the answers carried over", async () => {
    const round = await twoStageRound(3_000_000);
    const { user: admin } = await signedInAs("fund_administrator");
    const a = await submittedEoi(round, "Alpha Trust", 1_200_000);
    const b = await submittedEoi(round, "Beta Group", 900_000);
    expect(await db.outboxEmail.count({ where: { template: "eoi-receipt" } })).toBe(2);
    // A full bid cannot be started directly in a two-stage round.
    const direct = await startBid({ userId: a.user.id, organisationId: a.organisation.id, roundId: round.id, eligibility: null, now: new Date() });
    expect(direct.ok).toBe(false);

    await reviewAll(admin.id, round.id, [a.eoiId, b.eoiId]);
    // Not before expressions of interest close.
    const early = await sendStageOneDecision(admin.id, round.id, choose([a.eoiId]), new Date());
    expect(early.ok).toBe(false);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ invitationsSentAt: null });

    await closeEois(round.id);
    const sent = await sendStageOneDecision(admin.id, round.id, choose([a.eoiId]), new Date());
    expect(sent).toEqual({ ok: true, alreadySent: false, invited: 1, notInvited: 1 });

    const invited = await db.expressionOfInterest.findUniqueOrThrow({
      where: { id: a.eoiId },
      include: { bid: { include: { areas: true, priorities: true } } },
    });
    expect(invited.status).toBe("invited");
    expect(invited.bid).toMatchObject({ status: "draft", title: "Alpha Trust project", amountRequestedPence: 1_200_000, organisationId: a.organisation.id });
    expect(invited.bid!.areas.map((x) => x.roundAreaId)).toEqual([round.areas[1]!.id]);
    expect(invited.bid!.priorities.map((x) => x.priorityId)).toEqual([round.priorities[0]!.id]);
    expect((await db.expressionOfInterest.findUniqueOrThrow({ where: { id: b.eoiId } })).status).toBe("not_invited");

    // The applicant finishes the rest of the form (the fixture fills in every section afresh).
    await db.bidArea.deleteMany({ where: { bidId: invited.bidId! } });
    await db.bidPriority.deleteMany({ where: { bidId: invited.bidId! } });
    await completeDraft(invited.bidId!, round, a.user.id);
    const submitted = await submitBid(invited.bidId!, { ...a.user, role: "applicant" }, new Date());
    expect(submitted.ok).toBe(true);
    expect((await db.bid.findUniqueOrThrow({ where: { id: invited.bidId! } })).status).toBe("submitted");
  });

  it("refuses a choice over the cap, changing nothing, and says by how much", async () => {
    const round = await twoStageRound(2_000_000);
    const { user: admin } = await signedInAs("fund_administrator");
    const a = await submittedEoi(round, "Alpha Trust", 1_200_000);
    const b = await submittedEoi(round, "Beta Group", 900_000);
    await reviewAll(admin.id, round.id, [a.eoiId, b.eoiId]);
    await closeEois(round.id);
    const refused = await sendStageOneDecision(admin.id, round.id, choose([a.eoiId, b.eoiId]), new Date());
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.refusal).toMatchObject({
        kind: "conflict",
        field: "invite",
        message: expect.stringContaining("£1,000.00 over the invitation cap of £20,000.00"),
      });
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).invitationsSentAt).toBeNull();
    expect(await db.expressionOfInterest.count({ where: { status: "submitted" } })).toBe(2);
    expect(await db.outboxEmail.count({ where: { template: { in: ["eoi-invitation", "eoi-not-invited"] } } })).toBe(0);
    expect(await db.bid.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "round.stage_one_decision_refused", outcome: "refused" } })).toBe(1);
  });

  it("sends invitations and not-invited emails once, however often or however concurrently the decision is sent", async () => {
    const round = await twoStageRound(3_000_000);
    const { user: admin } = await signedInAs("fund_administrator");
    const eois = [
      await submittedEoi(round, "Alpha Trust", 1_000_000),
      await submittedEoi(round, "Beta Group", 800_000),
      await submittedEoi(round, "Gamma CIC", 700_000),
    ];
    await reviewAll(
      admin.id,
      round.id,
      eois.map((e) => e.eoiId),
    );
    await closeEois(round.id);
    const chosen = [eois[0]!.eoiId, eois[1]!.eoiId];
    const results = await Promise.all([1, 2, 3].map(() => sendStageOneDecision(admin.id, round.id, choose(chosen), new Date())));
    expect(results.filter((r) => r.ok && !r.alreadySent)).toHaveLength(1);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await sendStageOneDecision(admin.id, round.id, choose([eois[2]!.eoiId]), new Date())).toMatchObject({ ok: true, alreadySent: true });
    expect(await db.outboxEmail.count({ where: { template: "eoi-invitation" } })).toBe(2);
    const notInvited = await db.outboxEmail.findMany({ where: { template: "eoi-not-invited" } });
    expect(notInvited).toHaveLength(1);
    expect(notInvited[0]!.toAddress).toBe(eois[2]!.user.email);
    expect(notInvited[0]!.text).toContain("Our feedback: Clear and well targeted.");
    expect(await db.bid.count()).toBe(2);
  });

  it("locks the decision once sent, except for an audited re-invitation within the cap", async () => {
    const round = await twoStageRound(2_000_000);
    const { user: admin } = await signedInAs("fund_administrator");
    const a = await submittedEoi(round, "Alpha Trust", 1_200_000);
    const b = await submittedEoi(round, "Beta Group", 900_000);
    const c = await submittedEoi(round, "Gamma CIC", 700_000);
    await reviewAll(admin.id, round.id, [a.eoiId, b.eoiId, c.eoiId]);
    await closeEois(round.id);
    expect((await sendStageOneDecision(admin.id, round.id, choose([a.eoiId]), new Date())).ok).toBe(true);

    // Reviews no longer change.
    const review = await reviewEoi(admin.id, round.id, b.eoiId, { decision: "ineligible", score: 1, feedback: "Changed" }, new Date());
    expect(review).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    // £12,000 + £9,000 is over the £20,000 cap: refused and audited.
    const over = await reinviteEoi(admin.id, round.id, b.eoiId, new Date());
    expect(over).toMatchObject({ ok: false, refusal: { kind: "conflict", field: "reinvite" } });
    expect(await db.auditEvent.count({ where: { action: "eoi.reinvite_refused", subjectId: b.eoiId } })).toBe(1);
    // £12,000 + £7,000 fits: invited, with its bid and one invitation email, audited.
    expect(await reinviteEoi(admin.id, round.id, c.eoiId, new Date())).toEqual({ ok: true, alreadyInvited: false });
    expect(await reinviteEoi(admin.id, round.id, c.eoiId, new Date())).toEqual({ ok: true, alreadyInvited: true });
    const reinvited = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: c.eoiId } });
    expect(reinvited.status).toBe("invited");
    expect(reinvited.bidId).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { template: "eoi-invitation", toAddress: c.user.email } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "eoi.reinvited", subjectId: c.eoiId, actorId: admin.id } })).toBe(1);
    // An invited one cannot be un-invited: nothing moves it back.
    expect((await db.expressionOfInterest.findUniqueOrThrow({ where: { id: a.eoiId } })).status).toBe("invited");
  });

  it("refuses an expression of interest after its closing time and over the word limit", async () => {
    const round = await twoStageRound(2_000_000);
    const { user, organisation } = await applicantWithOrganisation();
    const started = await startEoi({ userId: user.id, organisationId: organisation.id, roundId: round.id, startToken: "t-1", now: new Date() });
    const again = await startEoi({ userId: user.id, organisationId: organisation.id, roundId: round.id, startToken: "t-1", now: new Date() });
    expect(started.ok && again.ok && started.eoiId === again.eoiId).toBe(true);
    if (!started.ok) return;
    await saveEoi(started.eoiId, user, {
      title: "T",
      summary: "S",
      areaIds: [round.areas[0]!.id],
      priorityIds: [round.priorities[0]!.id],
      amountRequestedPence: 100_000,
    });
    await closeEois(round.id);
    const late = await submitEoi(started.eoiId, user, new Date());
    expect(late).toMatchObject({ ok: false, refusal: { kind: "conflict", message: "Expressions of interest for this round have closed" } });
    expect(await db.outboxEmail.count()).toBe(0);
  });
});
