import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function closedRound() {
  const setup = await createAssessmentRound({ bids: 2, assessors: 2 });
  await db.round.update({ where: { id: setup.round.id }, data: { closesAt: new Date(Date.now() - 60_000) } });
  const reasons = await Promise.all(
    ["The project does not work in the round's areas", "Required documents are missing"].map((text, position) =>
      db.ineligibilityReason.create({ data: { fundId: setup.round.fundId, text, position } }),
    ),
  );
  return { ...setup, reasons, screen: (bidId: string) => `/administrator/rounds/${setup.round.id}/bids/${bidId}/screen` };
}

describe("eligibility screening", () => {
  it("screens a bid out with a stock reason and a note; it leaves the assessment", async () => {
    const { round, bids, reasons, administrator, screen } = await closedRound();
    const response = await send(screen(bids[0]!.id), {
      cookie: administrator.cookie,
      form: { decision: "ineligible", reasonId: reasons[1]!.id, note: "No safeguarding policy" },
    });
    expect(response.status).toBe(302);
    const bid = await db.bid.findUniqueOrThrow({ where: { id: bids[0]!.id } });
    expect(bid).toMatchObject({
      status: "ineligible",
      screeningDecision: "ineligible",
      screeningReason: "Required documents are missing",
      screeningNote: "No safeguarding policy",
      screenedById: administrator.user.id,
    });
    expect(await db.auditEvent.count({ where: { action: "bid.screened", subjectId: bid.id } })).toBe(1);

    await send(screen(bids[1]!.id), { cookie: administrator.cookie, form: { decision: "eligible" } });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bids[1]!.id } })).screeningDecision).toBe("eligible");

    await send(`/administrator/rounds/${round.id}/assignments`, { cookie: administrator.cookie, form: { intent: "auto" } });
    expect(new Set((await db.assessorAssignment.findMany()).map((a) => a.bidId))).toEqual(new Set([bids[1]!.id]));
    const list = await (await send(`/administrator/rounds/${round.id}/screening`, { cookie: administrator.cookie })).text();
    expect(list).toContain("Not eligible");
    expect(list).toContain("Eligible");
  });

  it("needs a reason to screen a bid out, and refuses before the round closes", async () => {
    const { round, bids, administrator, screen } = await closedRound();
    const noReason = await send(screen(bids[0]!.id), { cookie: administrator.cookie, form: { decision: "ineligible", reasonId: "" } });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Select the reason the bid is not eligible");
    const madeUp = await send(screen(bids[0]!.id), { cookie: administrator.cookie, form: { decision: "ineligible", reasonId: "not-a-reason" } });
    expect(madeUp.status).toBe(400);

    await db.round.update({ where: { id: round.id }, data: { closesAt: new Date(Date.now() + 86_400_000) } });
    const early = await send(screen(bids[0]!.id), { cookie: administrator.cookie, form: { decision: "eligible" } });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("Bids can be screened after the round closes");

    expect(await db.bid.count({ where: { screeningDecision: { not: null } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.screen", outcome: "refused" } })).toBe(2);
  });

  it("refuses assessors and applicants", async () => {
    const { bids, assessors, applicant, screen } = await closedRound();
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      expect((await send(screen(bids[0]!.id), { cookie, form: { decision: "eligible" } })).status).toBe(403);
    }
    expect(await db.bid.count({ where: { screeningDecision: { not: null } } })).toBe(0);
  });
});
