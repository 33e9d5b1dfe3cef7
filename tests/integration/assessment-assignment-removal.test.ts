// Taking an assessor off a bid on the assign assessors page (intent "remove").
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { answerConflictQuestion, findAssignedBid, saveAssessment } from "~/domain/assessment/assessor-bids.server";
import { assignDirectly, createAssessmentRound, scoringForm } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const assignmentsPath = (roundId: string) => `/administrator/rounds/${roundId}/assignments`;
const remove = (bidId: string, assessorId: string) => ({ intent: "remove", bidId, assessorId });

describe("removing an assessor from a bid", () => {
  it("removes the assignment, emails the assessor, audits before and after, and the bid shows as needing an assessor", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 1, assessors: 2, assessorsPerBid: 2 });
    const [ben, chloe] = assessors;
    const bid = bids[0]!;
    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    const assignment = await db.assessorAssignment.findUniqueOrThrow({ where: { bidId_assessorId: { bidId: bid.id, assessorId: ben!.user.id } } });

    const before = await (await send(assignmentsPath(round.id), { cookie: administrator.cookie })).text();
    expect(before).toContain(`Remove<span class="govuk-visually-hidden"> ${ben!.user.name} from ${bid.reference}</span>`);
    expect(before).toContain("Not started");

    const response = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(bid.id, ben!.user.id) });
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toBe(`${assignmentsPath(round.id)}?${new URLSearchParams({ removed: ben!.user.id, bid: bid.id })}`);

    expect((await db.assessorAssignment.findMany({ where: { bidId: bid.id } })).map((a) => a.assessorId)).toEqual([chloe!.user.id]);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).needsReassignment).toBe(true);

    const email = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `assessor-removal:${assignment.id}` } });
    expect(email).toMatchObject({ template: "assessor-removal", toAddress: ben!.user.email });
    expect(email.text).toContain(`Bid reference: ${bid.reference}`);
    expect(email.text).not.toContain("draft assessment");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "assessor.removed", subjectId: bid.id } });
    expect(audit.actorId).toBe(administrator.user.id);
    expect(JSON.parse(audit.before!)).toMatchObject({
      assignmentId: assignment.id,
      assessorId: ben!.user.id,
      assessorIds: expect.arrayContaining([ben!.user.id, chloe!.user.id]),
    });
    expect(JSON.parse(audit.after!)).toEqual({ assessorIds: [chloe!.user.id], needsReassignment: true });
    expect(JSON.parse(audit.details!)).toMatchObject({ assessment: null, emailed: true });

    const page = await (await send(location, { cookie: administrator.cookie })).text();
    expect(page).toContain(`${ben!.user.name} has been removed from ${bid.reference}. They have been emailed to say they no longer need to assess it.`);
    expect(page).toContain("Needs another assessor");

    // The bid has gone from the removed assessor's list and is out of their reach.
    expect(await (await send("/assessor", { cookie: ben!.cookie })).text()).not.toContain(bid.reference!);
    expect((await send(`/assessor/bids/${bid.id}`, { cookie: ben!.cookie })).status).toBe(404);
  });

  it("keeps a draft assessment, which comes back when the assessor is assigned again", async () => {
    const { round, bids, assessors, criteria, administrator } = await createAssessmentRound({ bids: 1, assessors: 2, assessorsPerBid: 2 });
    const bid = bids[0]!;
    const ben = assessors[0]!;
    await assignDirectly(bid.id, ben.user.id, administrator.user.id);
    const draft = await db.assessment.create({
      data: {
        bidId: bid.id,
        assessorId: ben.user.id,
        status: "draft",
        overallComment: "Half way",
        scores: { create: [{ criterionId: criteria[0]!.id, score: 3, comment: "Clear link to the priorities" }] },
      },
    });

    const response = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(bid.id, ben.user.id) });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("draft=1");
    expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(0);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: draft.id }, include: { scores: true } })).toMatchObject({
      status: "draft",
      overallComment: "Half way",
      scores: [{ score: 3 }],
    });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "assessor-removal" } });
    expect(email.text).toContain("The draft assessment you started has been kept.");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "assessor.removed" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ assessment: { assessmentId: draft.id, status: "draft", scoresGiven: 1, kept: true } });
    const page = await (await send(response.headers.get("Location")!, { cookie: administrator.cookie })).text();
    expect(page).toContain("Their draft assessment has been kept.");

    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "assign", bidId: bid.id, assessorId: ben.user.id } });
    const scoring = await send(`/assessor/bids/${bid.id}/score`, { cookie: ben.cookie });
    expect(scoring.status).toBe(200);
    expect(await scoring.text()).toContain("Clear link to the priorities");
  });

  it("refuses to remove an assessor who has submitted, changes nothing and audits the refusal", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 1, assessors: 2, assessorsPerBid: 2 });
    const bid = bids[0]!;
    const ben = assessors[0]!;
    await assignDirectly(bid.id, ben.user.id, administrator.user.id);
    await db.assessment.create({ data: { bidId: bid.id, assessorId: ben.user.id, status: "submitted", submittedAt: new Date(), recommendation: "fund" } });

    const page = await (await send(assignmentsPath(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain("Assessment submitted");
    expect(page).not.toContain(`Remove<span class="govuk-visually-hidden"> ${ben.user.name}`);

    const forced = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(bid.id, ben.user.id) });
    expect(forced.status).toBe(400);
    const html = await forced.text();
    expect(html).toContain("There is a problem");
    const message = `You cannot remove ${ben.user.name} from ${bid.reference} because they have submitted their assessment. Re-open it or moderate the scores instead`;
    expect(html).toContain(message);
    expect(html).toContain(`href="#remove-${bid.id}"`);
    expect(await db.assessorAssignment.count({ where: { bidId: bid.id, assessorId: ben.user.id } })).toBe(1);
    expect(await db.outboxEmail.count()).toBe(0);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).needsReassignment).toBe(false);
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "assessor.remove", outcome: "refused" } });
    expect(refusal).toMatchObject({ actorId: administrator.user.id, subjectId: bid.id });
    expect(JSON.parse(refusal.details!)).toEqual({ assessorId: ben.user.id, reason: message });
    expect(await db.auditEvent.count({ where: { action: "assessor.removed" } })).toBe(0);
  });

  it("refuses an assessor who is not assigned and a bid from another round, and audits both", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 1, assessors: 2 });
    const other = await createAssessmentRound({ bids: 1, assessors: 0 });
    await assignDirectly(other.bids[0]!.id, assessors[0]!.user.id, administrator.user.id);

    const notAssigned = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(bids[0]!.id, assessors[1]!.user.id) });
    expect(notAssigned.status).toBe(400);
    expect(await notAssigned.text()).toContain(`${assessors[1]!.user.name} is not assigned to ${bids[0]!.reference}`);

    const otherRound = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(other.bids[0]!.id, assessors[0]!.user.id) });
    expect(otherRound.status).toBe(400);
    expect(await otherRound.text()).toContain("Select a bid that is being assessed in this round");
    expect(await db.assessorAssignment.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "assessor.remove", outcome: "refused" } })).toBe(2);
  });

  it("refuses assessors and applicants with 403 and changes nothing", async () => {
    const { round, bids, assessors, applicant, administrator } = await createAssessmentRound({ bids: 1, assessors: 2 });
    const bid = bids[0]!;
    for (const a of assessors) await assignDirectly(bid.id, a.user.id, administrator.user.id);
    for (const cookie of [assessors[0]!.cookie, assessors[1]!.cookie, applicant.cookie]) {
      const response = await send(assignmentsPath(round.id), { cookie, form: remove(bid.id, assessors[0]!.user.id) });
      expect(response.status).toBe(403);
    }
    expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(2);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "assessor.removed" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { outcome: "refused" } })).toBe(3);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).needsReassignment).toBe(false);
  });

  it("leaves a place that automatic assignment fills again", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 2, assessors: 3, assessorsPerBid: 2 });
    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    const bid = bids[0]!;
    const [removed] = await db.assessorAssignment.findMany({ where: { bidId: bid.id }, orderBy: { assessorId: "asc" } });
    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: remove(bid.id, removed!.assessorId) });
    expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(1);

    const refill = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    expect(refill.headers.get("Location")).toBe(`${assignmentsPath(round.id)}?assigned=1&short=0`);
    expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(2);
    expect(await db.assessorAssignment.count({ where: { bidId: bids[1]!.id } })).toBe(2);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).needsReassignment).toBe(false);
    // A fresh assignment, with its own assignment email.
    const emails = await db.outboxEmail.findMany({ where: { template: "assessor-assignment" } });
    expect(emails).toHaveLength(5);
    expect(assessors.map((a) => a.user.id)).toContain(removed!.assessorId);
  });

  it("refuses a save that was in flight when the assessor was removed or declared a conflict, and changes nothing", async () => {
    const { bids, assessors, administrator, criteria } = await createAssessmentRound({ bids: 2, assessors: 1, assessorsPerBid: 1 });
    const ben = assessors[0]!;
    for (const [index, bid] of bids.entries()) {
      await assignDirectly(bid.id, ben.user.id, administrator.user.id);
      const opened = (await findAssignedBid(ben.user.id, bid.id))!;
      await answerConflictQuestion(ben.user.id, opened, { conflict: "no" });
      // The page was loaded while the assessor could still score ...
      const loaded = (await findAssignedBid(ben.user.id, bid.id))!;
      // ... then, before the save arrives, they are taken off the bid, or declare a conflict.
      if (index === 0) await db.assessorAssignment.deleteMany({ where: { bidId: bid.id, assessorId: ben.user.id } });
      else await db.conflictDeclaration.create({ data: { bidId: bid.id, assessorId: ben.user.id, reason: "Related to the chair" } });

      const form = scoringForm(criteria, [3, 3, 3]);
      const values = {
        scores: Object.fromEntries(criteria.map((c) => [c.id, form[`scores.${c.id}`]!])),
        comments: Object.fromEntries(criteria.map((c) => [c.id, ""])),
        recommendation: "fund",
        overallComment: "A well-planned project.",
      };
      const result = await saveAssessment(ben.user.id, loaded, values, "submit");
      expect(result).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
      const assessment = await db.assessment.findFirstOrThrow({ where: { bidId: bid.id, assessorId: ben.user.id }, include: { scores: true } });
      expect(assessment.status).toBe("draft");
      expect(assessment.scores).toEqual([]);
      expect(await db.auditEvent.count({ where: { action: "assessment.submit", outcome: "refused", subjectId: bid.id } })).toBe(1);
    }
  });
});
