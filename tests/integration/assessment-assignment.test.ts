import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const assignmentsPath = (roundId: string) => `/administrator/rounds/${roundId}/assignments`;

describe("assigning assessors automatically", () => {
  it("gives every bid the round's number of assessors, balances workloads and emails each assessor once", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 5, assessors: 3, assessorsPerBid: 2 });
    const response = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${assignmentsPath(round.id)}?assigned=10&short=0`);

    for (const bid of bids) expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(2);
    const loads = await Promise.all(assessors.map((a) => db.assessorAssignment.count({ where: { assessorId: a.user.id } })));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(await db.bid.count({ where: { roundId: round.id, status: "in_assessment" } })).toBe(5);

    const assignments = await db.assessorAssignment.findMany({ include: { assessor: true } });
    const emails = await db.outboxEmail.findMany({ where: { template: "assessor-assignment" } });
    expect(emails).toHaveLength(10);
    for (const a of assignments) {
      const email = emails.find((e) => e.idempotencyKey === `assessor-assignment:${a.id}`);
      expect(email?.toAddress).toBe(a.assessor.email);
      expect(email?.text).toContain(`/assessor/bids/${a.bidId}`);
    }
    expect(await db.auditEvent.count({ where: { action: "assessor.assigned", actorId: administrator.user.id } })).toBe(10);

    // Running it again changes nothing and sends nothing.
    const again = await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    expect(again.headers.get("Location")).toBe(`${assignmentsPath(round.id)}?assigned=0&short=0`);
    expect(await db.assessorAssignment.count()).toBe(10);
    expect(await db.outboxEmail.count()).toBe(10);
  });

  it("never gives an assessor a bid they declared a conflict on, and replaces a conflicted assessor", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 2, assessors: 3, assessorsPerBid: 2 });
    const [first, second, third] = assessors;
    await db.assessorAssignment.create({ data: { bidId: bids[0]!.id, assessorId: first!.user.id, assignedById: administrator.user.id } });
    await db.conflictDeclaration.create({ data: { bidId: bids[0]!.id, assessorId: first!.user.id, reason: "Trustee" } });
    await db.conflictDeclaration.create({ data: { bidId: bids[1]!.id, assessorId: second!.user.id, reason: "Former employee" } });
    await db.bid.update({ where: { id: bids[0]!.id }, data: { needsReassignment: true } });

    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    const pairs = (await db.assessorAssignment.findMany()).map((a) => `${a.bidId}/${a.assessorId}`).sort();
    expect(pairs).toEqual(
      [
        `${bids[0]!.id}/${first!.user.id}`,
        `${bids[0]!.id}/${second!.user.id}`,
        `${bids[0]!.id}/${third!.user.id}`,
        `${bids[1]!.id}/${first!.user.id}`,
        `${bids[1]!.id}/${third!.user.id}`,
      ].sort(),
    );
    expect((await db.bid.findUniqueOrThrow({ where: { id: bids[0]!.id } })).needsReassignment).toBe(false);
  });

  it("does not over-assign when two automatic runs arrive together", async () => {
    const { round, bids, administrator } = await createAssessmentRound({ bids: 4, assessors: 3, assessorsPerBid: 2 });
    const responses = await Promise.all([1, 2].map(() => send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } })));
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    for (const bid of bids) expect(await db.assessorAssignment.count({ where: { bidId: bid.id } })).toBe(2);
    expect(await db.outboxEmail.count()).toBe(8);
  });

  it("leaves ineligible, draft and withdrawn bids out", async () => {
    const { round, bids, administrator } = await createAssessmentRound({ bids: 3, assessors: 2 });
    await db.bid.update({ where: { id: bids[0]!.id }, data: { screeningDecision: "ineligible", status: "ineligible" } });
    await db.bid.update({ where: { id: bids[1]!.id }, data: { status: "withdrawn" } });
    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "auto" } });
    expect((await db.assessorAssignment.findMany()).map((a) => a.bidId)).toEqual([bids[2]!.id, bids[2]!.id]);
  });
});

describe("assigning an assessor by hand", () => {
  it("assigns, emails, and shows the assessor on the page", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 1, assessors: 2 });
    const response = await send(assignmentsPath(round.id), {
      cookie: administrator.cookie,
      form: { intent: "assign", bidId: bids[0]!.id, assessorId: assessors[1]!.user.id },
    });
    expect(response.status).toBe(302);
    expect(await db.assessorAssignment.count({ where: { bidId: bids[0]!.id, assessorId: assessors[1]!.user.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: assessors[1]!.user.email } })).toBe(1);
    const page = await (await send(assignmentsPath(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain(assessors[1]!.user.name);
  });

  it("refuses an assessor with a conflict, or one already assigned, changes nothing and audits the refusal", async () => {
    const { round, bids, assessors, administrator } = await createAssessmentRound({ bids: 1, assessors: 2 });
    await db.conflictDeclaration.create({ data: { bidId: bids[0]!.id, assessorId: assessors[0]!.user.id, reason: "Related to the chair" } });
    const conflicted = await send(assignmentsPath(round.id), {
      cookie: administrator.cookie,
      form: { intent: "assign", bidId: bids[0]!.id, assessorId: assessors[0]!.user.id },
    });
    expect(conflicted.status).toBe(400);
    const html = await conflicted.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain(`${assessors[0]!.user.name} has declared a conflict of interest on this bid`);

    await send(assignmentsPath(round.id), { cookie: administrator.cookie, form: { intent: "assign", bidId: bids[0]!.id, assessorId: assessors[1]!.user.id } });
    const twice = await send(assignmentsPath(round.id), {
      cookie: administrator.cookie,
      form: { intent: "assign", bidId: bids[0]!.id, assessorId: assessors[1]!.user.id },
    });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("is already assigned to this bid");

    expect(await db.assessorAssignment.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "assessor.assign", outcome: "refused" } })).toBe(2);
  });

  it("refuses assessors and applicants, and a bid from another round", async () => {
    const { round, assessors, applicant, administrator } = await createAssessmentRound({ bids: 1, assessors: 1 });
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      const response = await send(assignmentsPath(round.id), { cookie, form: { intent: "auto" } });
      expect(response.status).toBe(403);
    }
    const other = await createAssessmentRound({ bids: 1, assessors: 0 });
    const response = await send(assignmentsPath(round.id), {
      cookie: administrator.cookie,
      form: { intent: "assign", bidId: other.bids[0]!.id, assessorId: assessors[0]!.user.id },
    });
    expect(response.status).toBe(400);
    expect(await db.assessorAssignment.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { outcome: "refused" } })).toBe(3);
  });
});
