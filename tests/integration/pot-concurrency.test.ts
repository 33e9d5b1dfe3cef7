// The rule that must never break: the sum of approved awards in a round never exceeds its pot,
// whatever requests arrive at the same time, on SQLite and on PostgreSQL (ADR 0006, ADR 0010).
import { beforeEach, describe, expect, it } from "vitest";
import { approveAwards, type ApprovalResult } from "~/domain/allocation/approval.server";
import { db } from "~/lib/db.server";
import { emptyDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
let fundId: string;
let organisationId: string;
let applicantId: string;
let administratorId: string;
let roundNumber = 0;

beforeEach(async () => {
  await emptyDatabase();
  const fund = await db.fund.create({ data: { slug: "community-safety-fund", code: "CSF", name: "Community Safety Fund", description: "Test fund" } });
  const applicant = await db.user.create({ data: { email: "applicant@pot.test", name: "Applicant", role: "applicant", passwordHash: "x" } });
  const administrator = await db.user.create({
    data: { email: "administrator@pot.test", name: "Administrator", role: "fund_administrator", passwordHash: "x" },
  });
  const organisation = await db.organisation.create({
    data: {
      name: "Safe Streets CIC",
      type: "cic",
      addressLine1: "4 Saddler Street",
      town: "Durham",
      postcode: "DH1 3NP",
      contactName: "Harry",
      contactEmail: "harry@pot.test",
    },
  });
  fundId = fund.id;
  organisationId = organisation.id;
  applicantId = applicant.id;
  administratorId = administrator.id;
});

/** A round with a £1,000.00 pot (£600 base + £200 rolled forward + £200 match) and `bidCount` £30.00 bids in assessment. */
async function roundWithBids(bidCount: number) {
  roundNumber += 1;
  const now = Date.now();
  const round = await db.round.create({
    data: {
      fundId,
      slug: `pot-${roundNumber}`,
      code: `P${roundNumber}`,
      name: `Pot test ${roundNumber}`,
      opensAt: new Date(now - 30 * DAY),
      closesAt: new Date(now - DAY),
      baseAllocationPence: 60_000,
      rolledForwardPence: 20_000,
      matchFundingPence: 20_000,
      remainingPotPence: 100_000,
      minAwardPence: 1_000,
      maxAwardPence: 100_000,
    },
  });
  await db.bid.createMany({
    data: Array.from({ length: bidCount }, (_, i) => ({
      roundId: round.id,
      organisationId,
      createdById: applicantId,
      reference: `CSF-P${roundNumber}-${String(i + 1).padStart(4, "0")}`,
      status: "in_assessment",
      title: `Bid ${i + 1}`,
      amountRequestedPence: 3_000,
      submittedAt: new Date(now - 2 * DAY),
    })),
  });
  const bids = await db.bid.findMany({ where: { roundId: round.id }, orderBy: { reference: "asc" } });
  return { roundId: round.id, bids };
}

const approveOne = (roundId: string, bidId: string) => approveAwards({ roundId, actorId: administratorId, awards: [{ bidId, amountPence: 3_000 }] });

async function potState(roundId: string) {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId } });
  const awards = await db.award.findMany({ where: { roundId } });
  return { remaining: round.remainingPotPence, awards, awarded: awards.reduce((sum, a) => sum + a.amountPence, 0) };
}

describe("approving awards against the pot", () => {
  it("approves exactly 33 of 50 concurrent £30.00 awards from a £1,000.00 pot, every time", { timeout: 180_000 }, async () => {
    for (let repetition = 1; repetition <= 20; repetition++) {
      const { roundId, bids } = await roundWithBids(50);
      const results: ApprovalResult[] = await Promise.all(bids.map((bid) => approveOne(roundId, bid.id)));

      const approved = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      expect({ repetition, approved: approved.length }).toEqual({ repetition, approved: 33 });
      expect(refused).toHaveLength(17);
      for (const refusal of refused) {
        expect(refusal).toMatchObject({
          ok: false,
          refusal: {
            kind: "conflict",
            details: { reason: "over_pot", overByPence: 2_000 },
            message: "These awards total £30.00, which is £20.00 over the remaining pot of £10.00. Nothing was approved.",
          },
        });
      }
      const { remaining, awards, awarded } = await potState(roundId);
      expect(remaining).toBe(1_000);
      expect(awards).toHaveLength(33);
      expect(awarded).toBe(99_000);
      expect(
        awards.every((a) => a.status === "approved" && a.pccFundedPence === 2_400 && a.matchFundedPence === 600 && a.approvedById === administratorId),
      ).toBe(true);
      expect(await db.auditEvent.count({ where: { action: "allocation.approve", subjectId: roundId, outcome: "allowed" } })).toBe(33);
      expect(await db.auditEvent.count({ where: { action: "allocation.approve", subjectId: roundId, outcome: "refused" } })).toBe(17);
    }
  });

  it("gives one award and takes the money once when the same bid is approved twice at once", { timeout: 60_000 }, async () => {
    const { roundId, bids } = await roundWithBids(10);
    for (const bid of bids) {
      const results = await Promise.all([approveOne(roundId, bid.id), approveOne(roundId, bid.id)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({
        refusal: {
          kind: "conflict",
          details: { reason: "already_approved" },
          message: `${bid.reference} already has an approved award. Nothing was approved.`,
        },
      });
    }
    const { remaining, awards } = await potState(roundId);
    expect(awards).toHaveLength(10);
    expect(remaining).toBe(100_000 - 10 * 3_000);
  });

  it("flips a proposed award to approved once when two approvals race", { timeout: 60_000 }, async () => {
    const { roundId, bids } = await roundWithBids(10);
    for (const bid of bids) {
      await db.award.create({
        data: { bidId: bid.id, roundId, amountPence: 3_000, pccFundedPence: 3_000, matchFundedPence: 0, conditions: "Quarterly reports" },
      });
    }
    for (const bid of bids) {
      const results = await Promise.all([approveOne(roundId, bid.id), approveOne(roundId, bid.id)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ refusal: { kind: "conflict", details: { reason: "already_approved" } } });
    }
    const { remaining, awards } = await potState(roundId);
    expect(awards.map((a) => [a.status, a.conditions, a.pccFundedPence])).toEqual(Array(10).fill(["approved", "Quarterly reports", 2_400]));
    expect(remaining).toBe(70_000);
  });

  it("approves a set all or nothing", async () => {
    const { roundId, bids } = await roundWithBids(4);
    const [a, b, c, d] = bids as [(typeof bids)[number], (typeof bids)[number], (typeof bids)[number], (typeof bids)[number]];
    await db.bid.update({ where: { id: d.id }, data: { status: "withdrawn", withdrawnAt: new Date() } });

    const withWithdrawn = await approveAwards({
      roundId,
      actorId: administratorId,
      awards: [
        { bidId: a.id, amountPence: 3_000 },
        { bidId: d.id, amountPence: 3_000 },
      ],
    });
    expect(withWithdrawn).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", fieldErrors: { [d.id]: `${d.reference} is withdrawn, so it cannot be given an award` } },
    });

    const overRequest = await approveAwards({ roundId, actorId: administratorId, awards: [{ bidId: a.id, amountPence: 3_001 }] });
    expect(overRequest).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", fieldErrors: { [a.id]: `The award for ${a.reference} must be £30.00 or less, the amount requested` } },
    });
    expect(await potState(roundId)).toMatchObject({ remaining: 100_000, awards: [] });

    const ok = await approveAwards({
      roundId,
      actorId: administratorId,
      awards: [
        { bidId: a.id, amountPence: 3_000, conditions: "Report in March" },
        { bidId: b.id, amountPence: 2_000 },
      ],
    });
    expect(ok).toMatchObject({ ok: true, totalPence: 5_000, remainingPotPence: 95_000 });

    // b is already approved, so c is not approved either.
    const again = await approveAwards({
      roundId,
      actorId: administratorId,
      awards: [
        { bidId: b.id, amountPence: 2_000 },
        { bidId: c.id, amountPence: 3_000 },
      ],
    });
    expect(again).toMatchObject({ ok: false, refusal: { kind: "conflict", details: { reason: "already_approved", bidIds: [b.id] } } });
    const state = await potState(roundId);
    expect(state.remaining).toBe(95_000);
    expect(state.awards.map((x) => x.bidId).sort()).toEqual([a.id, b.id].sort());
  });

  it("refuses an approval over the pot, and any change after outcomes are released", async () => {
    const { roundId, bids } = await roundWithBids(2);
    await db.round.update({ where: { id: roundId }, data: { remainingPotPence: 2_500 } });
    const over = await approveOne(roundId, bids[0]!.id);
    expect(over).toEqual({
      ok: false,
      refusal: {
        kind: "conflict",
        message: "These awards total £30.00, which is £5.00 over the remaining pot of £25.00. Nothing was approved.",
        details: { reason: "over_pot", totalPence: 3_000, remainingPotPence: 2_500, overByPence: 500 },
      },
    });

    await db.round.update({ where: { id: roundId }, data: { remainingPotPence: 100_000, allocationStatus: "released" } });
    expect(await approveOne(roundId, bids[1]!.id)).toMatchObject({ ok: false, refusal: { kind: "conflict", details: { reason: "released" } } });
    expect(await potState(roundId)).toMatchObject({ remaining: 100_000, awards: [] });
    const refusals = await db.auditEvent.findMany({ where: { subjectId: roundId, outcome: "refused" } });
    expect(refusals.map((r) => JSON.parse(r.details!).reason)).toEqual(expect.arrayContaining(["over_pot", "released"]));
  });
});
