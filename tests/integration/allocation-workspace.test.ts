// The allocation workspace: the pot, the ranked bids, saving a proposal, suggestions,
// and every bad input and wrong role refused with nothing changed.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const path = (roundId: string) => `/administrator/rounds/${roundId}/allocation`;

describe("allocation workspace", () => {
  it("shows the pot in its parts and the bids in rank order with the threshold line", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const response = await send(path(round.id), { cookie: administrator.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const figure of ["£6,000.00", "£2,000.00", "£10,000.00"]) expect(html).toContain(figure);
    expect(html).toContain("100.0%");
    expect(html).toContain("25.0%");
    const positions = bids.map((b) => html.indexOf(b.reference!));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const threshold = html.indexOf("Quality threshold (50%)");
    expect(threshold).toBeGreaterThan(positions[3]!);
    expect(threshold).toBeLessThan(positions[4]!);
  });

  it("saves a proposal as proposed awards, split between PCC money and match funding, and shows what is left", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const response = await send(path(round.id), {
      cookie: administrator.cookie,
      form: proposalForm(bids, { 0: "1000", 1: "£1,500.50" }, { 1: "Report quarterly" }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Proposal saved");
    expect(html).toContain("£7,499.50");

    const awards = await db.award.findMany({ where: { roundId: round.id }, orderBy: { amountPence: "asc" } });
    expect(awards.map((a) => [a.bidId, a.amountPence, a.pccFundedPence, a.matchFundedPence, a.status])).toEqual([
      [bids[0]!.id, 100_000, 80_000, 20_000, "proposed"],
      [bids[1]!.id, 150_050, 120_040, 30_010, "proposed"],
    ]);
    expect(awards[1]!.conditions).toBe("Report quarterly");
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).allocationStatus).toBe("proposed");
    // Nothing is spent until approval.
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).remainingPotPence).toBe(1_000_000);

    // Saving again updates one row per bid; a blank amount removes the proposal.
    const again = await send(path(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 1: "2000" }) });
    expect(again.status).toBe(200);
    const after = await db.award.findMany({ where: { roundId: round.id } });
    expect(after.map((a) => [a.bidId, a.amountPence])).toEqual([[bids[1]!.id, 200_000]]);
  });

  it("refuses awards above the request, below the minimum, negative, not a number or below the threshold, and saves nothing", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    const response = await send(path(round.id), {
      cookie: administrator.cookie,
      form: proposalForm(bids, { 0: "1000.01", 1: "999", 2: "-5", 3: "lots", 4: "1000" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("<title>Error: ");
    expect(html).toContain("There is a problem");
    expect(html).toContain(`The award for ${bids[0]!.reference} must be £1,000.00 or less, the amount requested`);
    expect(html).toContain(`The award for ${bids[1]!.reference} must be at least £1,000.00, the round minimum, or nothing`);
    expect(html).toContain(`The award for ${bids[2]!.reference} cannot be negative`);
    expect(html).toContain(`Enter the award for ${bids[3]!.reference} in pounds, like 12500, or leave it blank`);
    expect(html).toContain(`${bids[4]!.reference} is below the quality threshold and cannot be given an award`);
    // What was typed is kept.
    expect(html).toContain('value="lots"');
    expect(await db.award.count()).toBe(0);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).allocationStatus).toBe("open");
  });

  it("refuses a proposal over the pot with the amount it is over by", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    await db.round.update({ where: { id: round.id }, data: { baseAllocationPence: 500_000, remainingPotPence: 900_000 } });
    const response = await send(path(round.id), { cookie: administrator.cookie, form: proposalForm(bids, { 0: "1000", 1: "2000", 2: "3000", 3: "4000" }) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The awards total £10,000.00, which is £1,000.00 over the remaining pot of £9,000.00");
    expect(html).toContain("£1,000.00 over the pot");
    expect(await db.award.count()).toBe(0);
  });

  it("loads the rank order suggestion into the form without saving it", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    await db.round.update({ where: { id: round.id }, data: { baseAllocationPence: 350_000, remainingPotPence: 750_000 } });
    const skip = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "rank-order", mode: "skip" } });
    expect(skip.status).toBe(200);
    const skipHtml = await skip.text();
    // £7,500: ranks 1-3 fit (£6,000), rank 4 (£4,000) does not; rank 5 is below the threshold.
    expect(skipHtml).toContain("funded: rank 3, fits");
    expect(skipHtml).toContain("skipped: £2,500.00 over remaining pot of £1,500.00");
    expect(skipHtml).toContain("below quality threshold");
    expect(skipHtml).toMatch(new RegExp(`name="award\\.${bids[2]!.id}"[^>]*value="3000"`));

    const part = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "rank-order", mode: "part_fund" } });
    const partHtml = await part.text();
    expect(partHtml).toContain("part-funded: marginal, £1,500.00 of £4,000.00 requested");
    expect(partHtml).toMatch(new RegExp(`name="award\\.${bids[3]!.id}"[^>]*value="1500"`));
    expect(await db.award.count()).toBe(0);
  });

  it("loads the optimal suggestion with its solver status and gap", async () => {
    const { round, administrator } = await createAllocationRound();
    await db.round.update({ where: { id: round.id }, data: { baseAllocationPence: 350_000, remainingPotPence: 750_000 } });
    const response = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "optimal" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Optimal suggestion loaded");
    expect(html).toContain("Solver status:");
    expect(html).toContain("MIP gap: 0.00%");
    expect(await db.award.count()).toBe(0);
  });

  it("meets an area ring-fence in the optimal suggestion and refuses a ring-fence that is not an amount", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    await db.round.update({ where: { id: round.id }, data: { baseAllocationPence: 350_000, remainingPotPence: 750_000 } });
    const darlington = round.areas.find((a) => a.name === "Darlington")!;
    await db.bidArea.create({ data: { bidId: bids[3]!.id, roundAreaId: darlington.id } });

    const bad = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "optimal", [`ringFence.${darlington.id}`]: "lots" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the Darlington ring-fence in pounds, like 20000, or leave it blank");

    // Without the ring-fence ranks 1-3 (£6,000) score most; with £4,000 for Darlington rank 4 must be in.
    const response = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "optimal", [`ringFence.${darlington.id}`]: "4000" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Optimal suggestion (Darlington ring-fence of £4,000.00) loaded");
    expect(html).toContain("counts towards the Darlington ring-fence");
    expect(html).toContain("Darlington ring-fence: £4,000.00 in 1 award (at least £4,000.00 required)");
    expect(html).toMatch(new RegExp(`name="award\\.${bids[3]!.id}"[^>]*value="4000"`));
    expect(await db.award.count()).toBe(0);
  });

  it("meets a minimum for a PCC priority in the optimal suggestion and refuses one that is not an amount", async () => {
    const { round, bids, administrator } = await createAllocationRound();
    await db.round.update({ where: { id: round.id }, data: { baseAllocationPence: 350_000, remainingPotPence: 750_000 } });
    const victims = await db.priority.create({ data: { roundId: round.id, title: "Keeping rural villages safe", position: 9 } });
    await db.bidPriority.create({ data: { bidId: bids[3]!.id, priorityId: victims.id } });

    const bad = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "optimal", [`priorityMinimum.${victims.id}`]: "-5" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the least for Keeping rural villages safe in pounds, like 20000, or leave it blank");

    // Without the minimum ranks 1-3 score most; with £4,000 for the priority rank 4 must be in.
    const response = await send(path(round.id), { cookie: administrator.cookie, form: { intent: "optimal", [`priorityMinimum.${victims.id}`]: "£4,000" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Optimal suggestion (at least £4,000.00 for Keeping rural villages safe) loaded");
    expect(html).toMatch(new RegExp(`name="award\\.${bids[3]!.id}"[^>]*value="4000"`));
    expect(await db.award.count()).toBe(0);
  });

  it("refuses the workspace and its actions to assessors and applicants, changing nothing", async () => {
    const { round, bids, applicant } = await createAllocationRound();
    const assessor = await signedInAs("assessor");
    const opcc = await signedInAs("opcc_sign_off");
    for (const who of [assessor, applicant, opcc]) {
      expect((await send(path(round.id), { cookie: who.cookie })).status).toBe(403);
      for (const intent of ["save", "approve", "release", "rank-order"]) {
        const response = await send(path(round.id), { cookie: who.cookie, form: { ...proposalForm(bids, { 0: "1000" }), intent } });
        expect(response.status).toBe(403);
      }
    }
    expect(await db.award.count()).toBe(0);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).allocationStatus).toBe("open");
  });
});
