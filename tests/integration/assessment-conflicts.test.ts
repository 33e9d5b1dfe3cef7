import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { assignDirectly, createAssessmentRound, scoringForm } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function assignedRound() {
  const setup = await createAssessmentRound({ bids: 1, assessors: 2 });
  const bid = setup.bids[0]!;
  for (const a of setup.assessors) await assignDirectly(bid.id, a.user.id, setup.administrator.user.id);
  return { ...setup, bid, assessor: setup.assessors[0]! };
}

describe("the conflict of interest question", () => {
  it("shows only the reference, title and organisation before the question is answered", async () => {
    const { bid, assessor } = await assignedRound();
    const response = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Do you have a conflict of interest?");
    expect(html).toContain(bid.reference!);
    expect(html).toContain(bid.title);
    expect(html).not.toContain(bid.summary);
    expect(html).not.toContain("Enhanced DBS checks");

    // The bid's details stay closed until the question is answered.
    const early = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie });
    expect(early.status).toBe(302);
    expect(early.headers.get("Location")).toBe(`/assessor/bids/${bid.id}`);
  });

  it("answering no opens the bid for scoring", async () => {
    const { bid, assessor } = await assignedRound();
    const response = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "no" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/assessor/bids/${bid.id}/score`);
    const page = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(bid.summary);
    expect(await db.assessment.count({ where: { bidId: bid.id, assessorId: assessor.user.id, status: "draft" } })).toBe(1);
  });

  it("needs a reason for a conflict, and records nothing without one", async () => {
    const { bid, assessor } = await assignedRound();
    const response = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "yes", reason: " " } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("<title>Error: ");
    expect(html).toContain("Enter why you have a conflict of interest");
    const none = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: {} });
    expect(await none.text()).toContain("Select yes if you have a conflict of interest");
    expect(await db.conflictDeclaration.count()).toBe(0);
  });

  it("a declared conflict closes the bid to the assessor, stops their scores counting and flags the bid", async () => {
    const { bid, assessor, criteria } = await assignedRound();
    await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "no" } });
    await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie, form: scoringForm(criteria, [3, 3, 3]) });
    expect(await db.assessment.count({ where: { status: "submitted" } })).toBe(1);

    const declared = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "yes", reason: "My partner is a trustee" } });
    expect(declared.status).toBe(302);
    expect(declared.headers.get("Location")).toBe("/assessor?conflict=declared");
    expect(await db.conflictDeclaration.count({ where: { bidId: bid.id, assessorId: assessor.user.id, reason: "My partner is a trustee" } })).toBe(1);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).needsReassignment).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "conflict.declared", actorId: assessor.user.id, subjectId: bid.id } })).toBe(1);

    const open = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie });
    expect(open.status).toBe(403);
    const score = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie, form: scoringForm(criteria, [1, 1, 1], "save") });
    expect(score.status).toBe(403);
    const first = await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie });
    const html = await first.text();
    expect(html).toContain("You have a conflict of interest on this bid");
    expect(html).not.toContain(bid.summary);
    expect(await db.auditEvent.count({ where: { outcome: "refused", actorId: assessor.user.id, details: { contains: "conflict" } } })).toBe(2);

    const queue = await (await send("/assessor", { cookie: assessor.cookie })).text();
    expect(queue).toContain("Conflict of interest");
  });

  it("refuses a bid not assigned to the assessor with 404, and audits it", async () => {
    const { bid } = await assignedRound();
    const stranger = (await createAssessmentRound({ bids: 0, assessors: 1 })).assessors[0]!;
    for (const path of [`/assessor/bids/${bid.id}`, `/assessor/bids/${bid.id}/score`]) {
      expect((await send(path, { cookie: stranger.cookie })).status).toBe(404);
    }
    expect((await send(`/assessor/bids/${bid.id}`, { cookie: stranger.cookie, form: { conflict: "no" } })).status).toBe(404);
    expect(await db.assessment.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { outcome: "refused", actorId: stranger.user.id, subjectId: bid.id } })).toBe(3);
  });
});
