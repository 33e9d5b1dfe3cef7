// Each operation that touches the pot keeps it whole on its own terms (ADR 0010): saving round
// details while approvals run, withdrawing or screening out a bid that holds an award, the OPCC
// flag once the round is open, release of an allocation whose bid is no longer awardable, and
// approvals while an allocation waits for sign-off. Both databases.
import { describe, expect, it } from "vitest";
import { approveAwards } from "~/domain/allocation/approval.server";
import { approveAllocation, releaseOutcomes } from "~/domain/allocation/decisions.server";
import { potLedger } from "~/domain/allocation/pot-ledger.server";
import { loadAllocation, saveProposal } from "~/domain/allocation/workspace.server";
import { updateRoundDetails } from "~/domain/rounds/round-details.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 86_400_000;
let roundNumber = 0;

/** An open round with a £1,000.00 pot and `count` £30.00 bids in assessment from one applicant's organisation. */
async function roundOfSmallBids(count: number) {
  roundNumber += 1;
  const code = `2627-R${roundNumber}`;
  const administrator = await signedInAs("fund_administrator");
  const applicant = await signedInAs("applicant");
  const fund = await db.fund.create({ data: { slug: `fund-${Date.now()}`, code: `F${Date.now()}`, name: "Community Safety Fund", description: "Test fund" } });
  const organisation = await db.organisation.create({
    data: {
      name: "Safe Streets CIC",
      type: "cic",
      addressLine1: "4 Saddler Street",
      town: "Durham",
      postcode: "DH1 3NP",
      contactName: "Harry",
      contactEmail: "harry@pot.test",
      members: { create: { userId: applicant.user.id, role: "owner" } },
    },
  });
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: code.toLowerCase(),
      code,
      name: "2026 to 2027, round 1",
      opensAt: new Date(Date.now() - 30 * DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      baseAllocationPence: 60_000,
      rolledForwardPence: 20_000,
      matchFundingPence: 20_000,
      remainingPotPence: 100_000,
      minAwardPence: 1_000,
      maxAwardPence: 100_000,
      areas: { create: [{ name: "County Durham", position: 0 }] },
      priorities: { create: [{ title: "Reducing anti-social behaviour", position: 0 }] },
    },
  });
  await db.bid.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      roundId: round.id,
      organisationId: organisation.id,
      createdById: applicant.user.id,
      reference: `CSF-${code}-${String(i + 1).padStart(4, "0")}`,
      status: "in_assessment",
      title: `Bid ${i + 1}`,
      amountRequestedPence: 3_000,
      submittedAt: new Date(Date.now() - 2 * DAY),
    })),
  });
  const bids = await db.bid.findMany({ where: { roundId: round.id }, orderBy: { reference: "asc" } });
  return { round, bids, administrator, applicant };
}

async function expectBalanced(roundId: string) {
  const ledger = await potLedger(roundId);
  expect(ledger).toMatchObject({ balanced: true });
  return ledger!;
}

describe("saving round details while awards are approved", () => {
  it("never gives back money that approvals took, so the pot is never overspent", { timeout: 240_000 }, async () => {
    for (let repetition = 1; repetition <= 5; repetition++) {
      await db.auditEvent.deleteMany();
      const { round, bids, administrator } = await roundOfSmallBids(100);
      const [first, second] = [bids.slice(0, 50), bids.slice(50)];
      const approve = (bidId: string) => approveAwards({ roundId: round.id, actorId: administrator.user.id, awards: [{ bidId, amountPence: 3_000 }] });
      const saveName = (n: number) => updateRoundDetails(administrator.user.id, round.id, { name: `2026 to 2027, round 1 (${repetition}.${n})` }, new Date());

      const results = await Promise.all([...first.map((b) => approve(b.id)), ...Array.from({ length: 17 }, (_, n) => saveName(n))]);
      const approvals = results.slice(0, 50);
      expect({ repetition, approved: approvals.filter((r) => r.ok).length }).toEqual({ repetition, approved: 33 });
      expect(await expectBalanced(round.id)).toMatchObject({ potPence: 100_000, heldPence: 99_000, remainingPotPence: 1_000 });

      // What the stale recomputation used to allow: a second wave finding the pot full again.
      const again = await Promise.all([...second.map((b) => approve(b.id)), ...Array.from({ length: 17 }, (_, n) => saveName(100 + n))]);
      expect(again.slice(0, 50).filter((r) => r.ok)).toHaveLength(0);
      const awarded = await db.award.aggregate({ where: { roundId: round.id }, _sum: { amountPence: true } });
      expect(awarded._sum.amountPence).toBe(99_000);
      expect(await expectBalanced(round.id)).toMatchObject({ remainingPotPence: 1_000 });
    }
  });

  it("moves the remaining pot by exactly the change to the pot's parts before the round opens, and refuses a cut below what is approved", async () => {
    const { round, bids, administrator } = await roundOfSmallBids(3);
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 30 * DAY) } });
    expect(
      await approveAwards({ roundId: round.id, actorId: administrator.user.id, awards: bids.map((b) => ({ bidId: b.id, amountPence: 3_000 })) }),
    ).toMatchObject({ ok: true, remainingPotPence: 91_000 });

    expect(await updateRoundDetails(administrator.user.id, round.id, { baseAllocation: "700" }, new Date())).toMatchObject({ ok: true });
    expect(await expectBalanced(round.id)).toMatchObject({ potPence: 110_000, remainingPotPence: 101_000, heldPence: 9_000 });

    const cut = await updateRoundDetails(
      administrator.user.id,
      round.id,
      { baseAllocation: "0", rolledForward: "0", matchFunding: "80", minAward: "10", maxAward: "80" },
      new Date(),
    );
    expect(cut).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", fieldErrors: { baseAllocation: "The pot cannot be less than the awards already approved" } },
    });
    expect(await expectBalanced(round.id)).toMatchObject({ potPence: 110_000, remainingPotPence: 101_000 });
    expect(await db.auditEvent.count({ where: { action: "round.details.update", outcome: "refused", subjectId: round.id } })).toBe(1);
  });
});

describe("OPCC sign-off", () => {
  it("cannot be switched off once the round has opened: the form shows it as a fact, a crafted post is refused and audited", async () => {
    const setup = await createAllocationRound({ opccSignOffRequired: true });
    const { cookie } = setup.administrator;
    const page = await (await send(`/administrator/rounds/${setup.round.id}/details`, { cookie })).text();
    expect(page).toContain("Required before outcomes are released");
    expect(page).not.toContain('name="opccSignOffRequired"');

    const response = await send(`/administrator/rounds/${setup.round.id}/details`, { cookie, form: { name: setup.round.name, opccSignOffRequired: "no" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("OPCC sign-off");
    expect(await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).toMatchObject({ opccSignOffRequired: true });
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "round.details.update", outcome: "refused", subjectId: setup.round.id } });
    expect(JSON.parse(refusal.details ?? "{}")).toMatchObject({ tampered: ["opccSignOffRequired"] });
  });

  it("cannot be changed before the round opens once the allocation has been approved", async () => {
    const setup = await createAllocationRound({ opccSignOffRequired: true });
    await db.round.update({
      where: { id: setup.round.id },
      data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 30 * DAY), allocationStatus: "approved", maxAwardPence: 1_000_000 },
    });
    const result = await updateRoundDetails(setup.administrator.user.id, setup.round.id, { opccSignOffRequired: "no" }, new Date());
    expect(result).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", fieldErrors: { opccSignOffRequired: "OPCC sign-off cannot be changed once the allocation has been approved" } },
    });
    expect(await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).toMatchObject({ opccSignOffRequired: true, allocationStatus: "approved" });
  });
});

describe("a bid that holds an award leaves the running", () => {
  async function approvedAllocation() {
    const setup = await createAllocationRound({ opccSignOffRequired: true });
    const allocation = (await loadAllocation(setup.round.id))!;
    const form = proposalForm(setup.bids, { 0: "1000", 1: "2000" });
    const values = Object.fromEntries(setup.bids.map((b) => [b.id, { amount: form[`award.${b.id}`]!, conditions: "" }]));
    expect(await saveProposal(allocation, setup.administrator.user.id, values)).toMatchObject({ ok: true });
    expect(await approveAllocation((await loadAllocation(setup.round.id))!, setup.administrator.user.id)).toMatchObject({ ok: true });
    expect(await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).toMatchObject({ allocationStatus: "approved", remainingPotPence: 700_000 });
    return setup;
  }

  it("withdrawing it cancels the approved award and returns its money in the same transaction, audited", async () => {
    const setup = await approvedAllocation();
    const bid = setup.bids[1]!;
    const { cookie, user } = setup.applicant;
    await db.membership.create({ data: { userId: user.id, organisationId: bid.organisationId, role: "owner" } });

    const confirm = await (await send(`/applicant/bids/${bid.id}/withdraw`, { cookie })).text();
    expect(confirm).toContain("any award being considered for it is cancelled");
    const response = await send(`/applicant/bids/${bid.id}/withdraw`, { cookie, form: { intent: "withdraw" } });
    expect(response.status).toBe(302);

    expect(await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).toMatchObject({ status: "withdrawn" });
    expect(await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).toMatchObject({ status: "withdrawn", amountPence: 200_000 });
    expect(await expectBalanced(setup.round.id)).toMatchObject({ remainingPotPence: 900_000, heldPence: 100_000 });
    const cancelled = await db.auditEvent.findFirstOrThrow({ where: { action: "award.cancelled", subjectId: bid.id } });
    expect(JSON.parse(cancelled.after ?? "{}")).toEqual({ awardStatus: "withdrawn", returnedToPotPence: 200_000 });
    expect(JSON.parse(cancelled.details ?? "{}")).toEqual({ because: "bid.withdrawn" });

    // Release then decides only what is left: the withdrawn bid keeps its state and gets no award.
    await db.round.update({ where: { id: setup.round.id }, data: { allocationStatus: "signed_off" } });
    expect(await releaseOutcomes((await loadAllocation(setup.round.id))!, setup.administrator.user.id)).toMatchObject({ ok: true });
    expect(await db.award.findMany({ where: { roundId: setup.round.id, status: "released" }, select: { bidId: true } })).toEqual([
      { bidId: setup.bids[0]!.id },
    ]);
    expect(await expectBalanced(setup.round.id)).toMatchObject({ remainingPotPence: 900_000 });
  });

  it("screening it out warns first, then cancels the award and says how much went back to the pot", async () => {
    const setup = await approvedAllocation();
    const bid = setup.bids[0]!;
    await db.round.update({ where: { id: setup.round.id }, data: { opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) } });
    const reason = await db.ineligibilityReason.create({ data: { fundId: setup.round.fundId, text: "Outside the eligible areas", position: 0 } });
    const { cookie } = setup.administrator;
    const form = await (await send(`/administrator/rounds/${setup.round.id}/bids/${bid.id}/screen`, { cookie })).text();
    expect(form).toContain("This bid has an approved award of £1,000.00. If you screen it out, the award is cancelled and £1,000.00 goes back to the pot.");

    const response = await send(`/administrator/rounds/${setup.round.id}/bids/${bid.id}/screen`, {
      cookie,
      form: { decision: "ineligible", reasonId: reason.id, note: "" },
    });
    expect(response.status).toBe(302);
    const banner = await (await send(response.headers.get("Location")!, { cookie })).text();
    expect(banner).toContain("Its approved award was cancelled and £1,000.00 has gone back to the pot.");
    expect(await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).toMatchObject({ status: "withdrawn" });
    expect(await expectBalanced(setup.round.id)).toMatchObject({ remainingPotPence: 800_000 });
  });

  it("release fails whole when an approved award's bid is no longer awardable, and changes nothing", async () => {
    const setup = await approvedAllocation();
    await db.round.update({ where: { id: setup.round.id }, data: { allocationStatus: "signed_off" } });
    const allocation = (await loadAllocation(setup.round.id))!;
    // A bid that left the running by a path that skipped the award (the batch must not trust the page).
    await db.bid.update({ where: { id: setup.bids[1]!.id }, data: { status: "withdrawn", withdrawnAt: new Date() } });

    const result = await releaseOutcomes(allocation, setup.administrator.user.id);
    expect(result).toMatchObject({ ok: false, refusal: { kind: "conflict", field: "release", message: expect.stringContaining("Nothing was released") } });
    expect(await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).toMatchObject({ allocationStatus: "signed_off", outcomesReleasedAt: null });
    expect(await db.award.count({ where: { roundId: setup.round.id, status: "released" } })).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "allocation.release", outcome: "refused" } })).toBe(1);
  });

  it("an allocation waiting for sign-off takes no further approvals, and approving moves the round on with the awards", async () => {
    const setup = await approvedAllocation();
    const late = await approveAwards({
      roundId: setup.round.id,
      actorId: setup.administrator.user.id,
      awards: [{ bidId: setup.bids[2]!.id, amountPence: 300_000 }],
    });
    expect(late).toMatchObject({ ok: false, refusal: { kind: "conflict", details: { reason: "awaiting_release" } } });
    expect(await expectBalanced(setup.round.id)).toMatchObject({ remainingPotPence: 700_000 });
    const approval = await db.auditEvent.findFirstOrThrow({ where: { action: "allocation.approve", outcome: "allowed", subjectId: setup.round.id } });
    const round = await db.round.findUniqueOrThrow({ where: { id: setup.round.id } });
    expect(round.allocationApprovedAt).not.toBeNull();
    expect(round.allocationApprovedAt!.getTime()).toBeLessThanOrEqual(approval.createdAt.getTime() + 1_000);
  });
});
