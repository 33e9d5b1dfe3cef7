// The database itself refuses rows that would break the fund's invariants, on both databases,
// even if application code forgot a check.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { emptyDatabase } from "../support/database";

let roundId: string;
let bidId: string;

beforeEach(async () => {
  await emptyDatabase();
  ({ roundId } = await seedDemo(db));
  bidId = (await db.bid.findFirstOrThrow({ where: { status: "submitted" } })).id;
});

describe("database constraints", () => {
  it("refuses an overspent pot (remaining pot below zero)", async () => {
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId } });
    await expect(db.round.update({ where: { id: roundId }, data: { remainingPotPence: -1 } })).rejects.toThrow();
    await expect(db.round.update({ where: { id: roundId }, data: { remainingPotPence: round.remainingPotPence + 1 } })).rejects.toThrow();
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId } })).remainingPotPence).toBe(round.remainingPotPence);
  });

  it("refuses negative money", async () => {
    await expect(db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: -100 } })).rejects.toThrow();
    await expect(db.round.update({ where: { id: roundId }, data: { matchFundingPence: -1 } })).rejects.toThrow();
    const line = await db.budgetLine.findFirstOrThrow({ where: { bidId } });
    await expect(db.budgetLine.update({ where: { id: line.id }, data: { costPence: -1 } })).rejects.toThrow();
    await expect(db.budgetLine.update({ where: { id: line.id }, data: { otherFundingPence: line.costPence + 1 } })).rejects.toThrow();
  });

  it("allows one award per bid, split exactly between PCC money and match funding", async () => {
    const award = { bidId, roundId, amountPence: 500_000, pccFundedPence: 400_000, matchFundedPence: 100_000 };
    await db.award.create({ data: award });
    await expect(db.award.create({ data: award })).rejects.toThrow();
    const other = await db.bid.findFirstOrThrow({ where: { status: "submitted", id: { not: bidId } } });
    await expect(db.award.create({ data: { ...award, bidId: other.id, pccFundedPence: 1 } })).rejects.toThrow();
    await expect(db.award.create({ data: { ...award, bidId: other.id, amountPence: -5, pccFundedPence: -5, matchFundedPence: 0 } })).rejects.toThrow();
    expect(await db.award.count()).toBe(1);
  });

  it("allows one assessment per assessor per bid, and one conflict declaration", async () => {
    const assessor = await db.user.findUniqueOrThrow({ where: { email: "assessor@demo.csf.test" } });
    await db.assessment.create({ data: { bidId, assessorId: assessor.id } });
    await expect(db.assessment.create({ data: { bidId, assessorId: assessor.id } })).rejects.toThrow();
    await db.conflictDeclaration.create({ data: { bidId, assessorId: assessor.id, reason: "Trustee" } });
    await expect(db.conflictDeclaration.create({ data: { bidId, assessorId: assessor.id, reason: "Again" } })).rejects.toThrow();
  });

  it("refuses unknown states and roles", async () => {
    await expect(db.bid.update({ where: { id: bidId }, data: { status: "approved-by-magic" } })).rejects.toThrow();
    await expect(db.user.create({ data: { email: "x@example.org", name: "X", passwordHash: "x", role: "superuser" } })).rejects.toThrow();
  });

  it("refuses a submitted bid without a reference number", async () => {
    await expect(db.bid.update({ where: { id: bidId }, data: { reference: null } })).rejects.toThrow();
  });
});
