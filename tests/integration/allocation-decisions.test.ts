// Approving an allocation (all or nothing, once), OPCC sign-off or send-back, and releasing the
// outcomes with one email per bid; released decisions are final.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const workspace = (roundId: string) => `/administrator/rounds/${roundId}/allocation`;
const signOff = (roundId: string) => `/opcc/rounds/${roundId}`;

async function roundStatus(roundId: string) {
  return db.round.findUniqueOrThrow({ where: { id: roundId }, select: { allocationStatus: true, remainingPotPence: true, outcomesReleasedAt: true } });
}

describe("approval, sign-off and release", () => {
  it("approves once, is signed off by the OPCC, releases outcomes with one email per bid, and then refuses changes", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const admin = administrator.cookie;
    expect(
      (await send(workspace(round.id), { cookie: admin, form: proposalForm(bids, { 0: "1000", 1: "1500" }, { 0: "Report quarterly\nCredit the PCC" }) }))
        .status,
    ).toBe(200);

    // Outcomes cannot be released before approval and sign-off.
    const early = await send(workspace(round.id), { cookie: admin, form: { intent: "release" } });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("Outcomes cannot be released until the allocation has been approved and signed off by the OPCC");

    const approved = await send(workspace(round.id), { cookie: admin, form: { intent: "approve" } });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain("Allocation approved: 2 awards totalling £2,500.00");
    expect(await roundStatus(round.id)).toMatchObject({ allocationStatus: "approved", remainingPotPence: 750_000 });
    expect(await db.award.count({ where: { status: "approved", approvedById: administrator.user.id } })).toBe(2);

    const twice = await send(workspace(round.id), { cookie: admin, form: { intent: "approve" } });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("This allocation has already been approved. Nothing was changed.");
    // Editing an approved allocation is refused too.
    const edit = await send(workspace(round.id), { cookie: admin, form: proposalForm(bids, { 0: "1000", 1: "2000" }) });
    expect(edit.status).toBe(409);
    expect((await roundStatus(round.id)).remainingPotPence).toBe(750_000);

    // Only the OPCC signs off.
    const opcc = await signedInAs("opcc_sign_off");
    for (const who of [administrator, await signedInAs("assessor"), await signedInAs("applicant")]) {
      expect((await send(signOff(round.id), { cookie: who.cookie, form: { decision: "approved" } })).status).toBe(403);
    }
    const page = await send(signOff(round.id), { cookie: opcc.cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(bids[0]!.reference!);
    const noChoice = await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "" } });
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain("Select whether you sign off the allocation or send it back");
    const signed = await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "approved", comment: "" } });
    expect(signed.status).toBe(200);
    expect((await roundStatus(round.id)).allocationStatus).toBe("signed_off");
    expect(await db.allocationSignOff.findFirstOrThrow({ where: { roundId: round.id } })).toMatchObject({ decision: "approved", decidedById: opcc.user.id });
    expect((await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "approved" } })).status).toBe(409);

    // The reserve list takes only bids without an award that meet the quality threshold.
    for (const reserve of [bids[0]!.id, bids[4]!.id]) {
      const refused = await send(workspace(round.id), { cookie: admin, form: { intent: "release", reserve } });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toMatch(/cannot (also )?be on the reserve list\. Nothing was released\./);
    }
    expect((await roundStatus(round.id)).allocationStatus).toBe("signed_off");
    expect(await db.outboxEmail.count()).toBe(0);

    // Release: bids 1 and 2 awarded, bid 3 reserve, bids 4 and 5 declined.
    const released = await send(workspace(round.id), { cookie: admin, form: { intent: "release", reserve: [bids[2]!.id] } });
    expect(released.status).toBe(200);
    expect(await released.text()).toContain("Outcomes released: 2 awarded, 1 on the reserve list, 2 not funded");
    const after = await db.bid.findMany({ where: { roundId: round.id }, orderBy: { reference: "asc" }, select: { status: true, decidedAt: true } });
    expect(after.map((b) => b.status)).toEqual(["awarded", "awarded", "reserve", "declined", "declined"]);
    expect(after.every((b) => b.decidedAt !== null)).toBe(true);
    expect(await db.award.count({ where: { roundId: round.id, status: "released" } })).toBe(2);
    expect(await roundStatus(round.id)).toMatchObject({ allocationStatus: "released", remainingPotPence: 750_000 });
    expect((await roundStatus(round.id)).outcomesReleasedAt).not.toBeNull();

    const emails = await db.outboxEmail.findMany({ orderBy: { idempotencyKey: "asc" } });
    expect(emails.map((e) => e.idempotencyKey).sort()).toEqual(bids.map((b) => `outcome:${b.id}:0`).sort());
    expect(emails.map((e) => e.template).sort()).toEqual(["outcome-award", "outcome-award", "outcome-decline", "outcome-decline", "outcome-reserve"]);
    const award = emails.find((e) => e.idempotencyKey === `outcome:${bids[0]!.id}:0`)!;
    expect(award.text).toContain("£1,000.00");
    expect(award.text).toContain("Credit the PCC");

    // Released decisions are final.
    const again = await send(workspace(round.id), { cookie: admin, form: { intent: "release" } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Released decisions are final");
    const editAfter = await send(workspace(round.id), { cookie: admin, form: proposalForm(bids, { 2: "3000" }) });
    expect(editAfter.status).toBe(409);
    expect(await editAfter.text()).toContain("Released decisions are final");
    expect((await send(workspace(round.id), { cookie: admin, form: { intent: "approve" } })).status).toBe(409);
    expect(await db.outboxEmail.count()).toBe(5);
    expect(await db.award.count({ where: { roundId: round.id } })).toBe(2);
  });

  it("approves from two browsers at once: one succeeds, the other is refused, the pot is spent once", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const other = await signedInAs("fund_administrator");
    await send(workspace(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "1000", 1: "2000", 2: "3000" }) });
    const responses = await Promise.all([administrator, other].map((who) => send(workspace(round.id), { cookie: who.cookie, form: { intent: "approve" } })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(await refused.text()).toContain("already been approved");
    expect(await db.award.count({ where: { status: "approved" } })).toBe(3);
    expect(await roundStatus(round.id)).toMatchObject({ allocationStatus: "approved", remainingPotPence: 400_000 });
  });

  it("sends an allocation back with a comment, returning the money to the pot for the administrator to change", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const opcc = await signedInAs("opcc_sign_off");
    await send(workspace(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "1000", 1: "2000" }) });
    await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "approve" } });
    expect((await roundStatus(round.id)).remainingPotPence).toBe(700_000);

    const noComment = await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "sent_back", comment: " " } });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Enter a comment saying why you are sending the allocation back");
    expect((await roundStatus(round.id)).allocationStatus).toBe("approved");

    const back = await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "sent_back", comment: "Fund more work in Darlington" } });
    expect(back.status).toBe(200);
    expect(await roundStatus(round.id)).toMatchObject({ allocationStatus: "sent_back", remainingPotPence: 1_000_000 });
    expect(await db.award.count({ where: { status: "proposed", approvedById: null } })).toBe(2);
    const page = await (await send(workspace(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain("Fund more work in Darlington");

    // Release stays refused until a new approval is signed off.
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "release" } })).status).toBe(409);
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "1000", 3: "4000" }) })).status).toBe(200);
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "approve" } })).status).toBe(200);
    expect(await roundStatus(round.id)).toMatchObject({ allocationStatus: "approved", remainingPotPence: 500_000 });
    expect(await db.bid.count({ where: { roundId: round.id, status: "in_assessment" } })).toBe(5);
  });

  it("goes straight to signed off when the round needs no OPCC sign-off, and applicants see their outcome", async () => {
    const { round, bids, administrator, applicant } = await createAllocationRound({ opccSignOffRequired: false });
    // The applicant belongs to the first bid's organisation.
    await db.membership.create({ data: { organisationId: bids[0]!.organisationId, userId: applicant.user.id } });
    await send(workspace(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "750.50" }) });
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "1000" }) })).status).toBe(200);
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "approve" } })).status).toBe(200);
    expect((await roundStatus(round.id)).allocationStatus).toBe("signed_off");
    const opcc = await signedInAs("opcc_sign_off");
    expect((await send(signOff(round.id), { cookie: opcc.cookie, form: { decision: "approved" } })).status).toBe(409);
    expect((await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "release" } })).status).toBe(200);
    const home = await (await send("/applicant", { cookie: applicant.cookie })).text();
    expect(home).toContain("Awarded");
    expect(home).toContain("Award: £1,000.00");
  });
});
