// The round and fund dashboards: every figure agrees with what the database rows say, worked out
// here independently (plain sums over the rows, scores by hand), and eligibility checks reach the
// funnel through the real eligibility pages.
import { beforeEach, describe, expect, it } from "vitest";
import { loadFundDashboard, loadRoundDashboard } from "~/domain/reporting/dashboard.server";
import { db } from "~/lib/db.server";
import { createAllocationRound } from "../support/allocation";
import { cookieFrom, send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const HOLDING = ["approved", "released", "accepted", "closed"];

type Setup = Awaited<ReturnType<typeof seedRound>>;
let setup: Setup;

/**
 * Five scored bids (weighted 100%, 75%, 68.75%, 56.25%, 25%; threshold 50%) asking £1,000 to
 * £5,000, plus a draft, a withdrawn and a screened-out bid. Awards: bid 1 accepted £1,000 with
 * £200 returned, bid 2 released £1,500, bid 3 proposed £3,000, bid 4 declined £4,000.
 */
async function seedRound() {
  const base = await createAllocationRound({ opccSignOffRequired: false });
  const { round, bids, administrator, applicant } = base;
  const [b1, b2, b3, b4, b5] = bids as [(typeof bids)[0], (typeof bids)[0], (typeof bids)[0], (typeof bids)[0], (typeof bids)[0]];
  const [durham, darlington] = round.areas;
  const [asb, victims] = round.priorities;
  const link = async (bidId: string, priorityIds: string[], areaIds: string[]) => {
    for (const priorityId of priorityIds) await db.bidPriority.create({ data: { bidId, priorityId } });
    for (const roundAreaId of areaIds) await db.bidArea.create({ data: { bidId, roundAreaId } });
  };
  await link(b1.id, [asb!.id, victims!.id], [darlington!.id]);
  await link(b2.id, [asb!.id], [durham!.id, darlington!.id]);
  await link(b4.id, [victims!.id], [durham!.id]);
  for (const bid of bids) await db.bid.update({ where: { id: bid.id }, data: { screeningDecision: "eligible" } });
  await db.bid.updateMany({ where: { id: { in: [b1.id, b2.id, b4.id] } }, data: { status: "awarded" } });
  await db.bid.update({ where: { id: b5.id }, data: { status: "declined" } });

  const organisationId = b1.organisationId;
  const extra = (status: string, amount: number, more: object = {}) =>
    db.bid.create({
      data: { roundId: round.id, organisationId, createdById: applicant.user.id, status, title: `A ${status} bid`, amountRequestedPence: amount, ...more },
    });
  await extra("draft", 700_000);
  await extra("withdrawn", 800_000, { submittedAt: new Date(), withdrawnAt: new Date(), reference: `CSF-${round.code}-0098` });
  const screenedOut = await extra("ineligible", 200_000, { submittedAt: new Date(), screeningDecision: "ineligible", reference: `CSF-${round.code}-0099` });
  await link(screenedOut.id, [victims!.id], []);

  const award = (bidId: string, amountPence: number, status: string, returnedPence = 0) =>
    db.award.create({ data: { bidId, roundId: round.id, amountPence, pccFundedPence: amountPence, matchFundedPence: 0, status, returnedPence } });
  const accepted = await award(b1.id, 100_000, "accepted", 20_000);
  await db.awardReturn.create({
    data: { awardId: accepted.id, roundId: round.id, amountPence: 20_000, kind: "returned", reason: "Underspend", recordedById: administrator.user.id },
  });
  await award(b2.id, 150_000, "released");
  await award(b3.id, 300_000, "proposed");
  await award(b4.id, 400_000, "declined_by_applicant");
  // The ledger: £10,000 pot less £1,000 and £1,500 awarded, plus £200 returned.
  await db.round.update({ where: { id: round.id }, data: { remainingPotPence: 1_000_000 - 100_000 - 150_000 + 20_000 } });

  // A second assessor: given bid 2 (a draft assessment so far) and conflicted on bid 1.
  const second = await signedInAs("assessor", { name: "Aaron Second" });
  await db.assessorAssignment.create({ data: { bidId: b2.id, assessorId: second.user.id, assignedById: administrator.user.id } });
  await db.assessment.create({ data: { bidId: b2.id, assessorId: second.user.id } });
  await db.conflictDeclaration.create({ data: { bidId: b1.id, assessorId: second.user.id, reason: "My sister runs it" } });

  return { ...base, second, roundId: round.id, screenedOutId: screenedOut.id };
}

beforeEach(async () => {
  setup = await seedRound();
});

describe("the round dashboard's figures", () => {
  it("agree with the money, bid and award rows", async () => {
    const dashboard = (await loadRoundDashboard(setup.roundId))!;
    const round = await db.round.findUniqueOrThrow({ where: { id: setup.roundId } });
    const bids = await db.bid.findMany({ where: { roundId: setup.roundId }, include: { priorities: true, areas: true, award: true } });
    const awards = await db.award.findMany({ where: { roundId: setup.roundId } });
    const returns = await db.awardReturn.findMany({ where: { roundId: setup.roundId } });

    const sentIn = bids.filter((b) => !["draft", "withdrawn"].includes(b.status));
    const pot = round.baseAllocationPence + round.rolledForwardPence + round.matchFundingPence;
    const requested = sentIn.reduce((sum, b) => sum + (b.amountRequestedPence ?? 0), 0);
    const awarded = awards.filter((a) => HOLDING.includes(a.status)).reduce((sum, a) => sum + a.amountPence, 0);
    const returned = returns.reduce((sum, r) => sum + r.amountPence, 0);
    expect(dashboard.money).toEqual({
      potPence: pot,
      requestedPence: requested,
      proposedPence: awards.filter((a) => a.status === "proposed").reduce((sum, a) => sum + a.amountPence, 0),
      awardedPence: awarded,
      returnedPence: returned,
      remainingPotPence: round.remainingPotPence,
      oversubscriptionTenths: Math.round((requested * 10) / pot),
    });
    // The numbers themselves, so a shared mistake in both sums would still show.
    expect(dashboard.money).toMatchObject({
      potPence: 1_000_000,
      requestedPence: 1_700_000,
      proposedPence: 300_000,
      awardedPence: 250_000,
      returnedPence: 20_000,
    });
    expect(dashboard.money.oversubscriptionTenths).toBe(17);
    // The pot ledger holds: pot − awarded + returned is what is left.
    expect(pot - awarded + returned).toBe(round.remainingPotPence);

    for (const row of dashboard.bidsByStatus) expect(row.count, row.status).toBe(bids.filter((b) => b.status === row.status).length);
    expect(dashboard.bidsByStatus.reduce((sum, r) => sum + r.count, 0)).toBe(bids.length);

    const awardedFor = (b: (typeof bids)[number]) => (b.award && HOLDING.includes(b.award.status) ? b.award.amountPence : 0);
    const round2 = await db.round.findUniqueOrThrow({ where: { id: setup.roundId }, include: { priorities: true, areas: true } });
    for (const priority of round2.priorities) {
      const naming = sentIn.filter((b) => b.priorities.some((p) => p.priorityId === priority.id));
      expect(dashboard.byPriority.find((r) => r.id === priority.id)).toEqual({
        id: priority.id,
        name: priority.title,
        bids: naming.length,
        requestedPence: naming.reduce((sum, b) => sum + (b.amountRequestedPence ?? 0), 0),
        awardedBids: naming.filter((b) => awardedFor(b) > 0).length,
        awardedPence: naming.reduce((sum, b) => sum + awardedFor(b), 0),
      });
    }
    const noPriority = sentIn.filter((b) => b.priorities.length === 0);
    expect(dashboard.byPriority.find((r) => r.id === "")).toMatchObject({
      bids: noPriority.length,
      requestedPence: noPriority.reduce((s, b) => s + (b.amountRequestedPence ?? 0), 0),
    });
    for (const area of round2.areas) {
      const naming = sentIn.filter((b) => b.areas.some((a) => a.roundAreaId === area.id));
      expect(dashboard.byArea.find((r) => r.id === area.id)).toMatchObject({
        bids: naming.length,
        requestedPence: naming.reduce((sum, b) => sum + (b.amountRequestedPence ?? 0), 0),
        awardedPence: naming.reduce((sum, b) => sum + awardedFor(b), 0),
      });
    }
  });

  it("band the weighted scores as the ranking computes them, with the threshold", async () => {
    const { scoreDistribution } = (await loadRoundDashboard(setup.roundId))!;
    // 40/35/25 weights over a 0..4 scale: (4,4,4) 100%, (3,3,3) 75%, (3,3,2) 68.75%, (2,2,3) 56.25%, (1,1,1) 25%.
    expect(scoreDistribution.bands.map((b) => b.bids)).toEqual([0, 0, 1, 0, 0, 1, 1, 1, 0, 1]);
    expect(scoreDistribution).toMatchObject({ thresholdPercent: 50, meetingThreshold: 4, notScored: 0 });

    // A moderated score counts as the ranking counts it: bid 5 moderated to 4 on every criterion is 100%.
    const criteria = await db.criterion.findMany({ where: { roundId: setup.roundId } });
    for (const c of criteria)
      await db.moderatedScore.create({
        data: { bidId: setup.bids[4]!.id, criterionId: c.id, score: 4, reason: "Agreed", moderatedById: setup.administrator.user.id },
      });
    const after = (await loadRoundDashboard(setup.roundId))!.scoreDistribution;
    expect(after.bands.map((b) => b.bids)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 2]);
    expect(after.meetingThreshold).toBe(5);
  });

  it("show each assessor's assigned, sent and conflicted bids", async () => {
    const { assessors } = (await loadRoundDashboard(setup.roundId))!;
    const ids = [setup.assessors[0]!.user.id, setup.second.user.id];
    const expected = await Promise.all(
      ids.map(async (id) => ({
        id,
        assigned: await db.assessorAssignment.count({ where: { assessorId: id, bid: { roundId: setup.roundId } } }),
        scored: await db.assessment.count({ where: { assessorId: id, status: "submitted", bid: { roundId: setup.roundId } } }),
        conflicts: await db.conflictDeclaration.count({ where: { assessorId: id, bid: { roundId: setup.roundId } } }),
      })),
    );
    expect(assessors.map(({ id, assigned, scored, conflicts }) => ({ id, assigned, scored, conflicts })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(assessors.find((a) => a.id === setup.second.user.id)).toMatchObject({ name: "Aaron Second", assigned: 1, scored: 0, conflicts: 1 });
    expect(assessors.find((a) => a.id === setup.assessors[0]!.user.id)).toMatchObject({ assigned: 5, scored: 5, conflicts: 0 });
  });

  it("count the funnel from eligibility checks made through the eligibility pages to accepted awards", async () => {
    const slug = setup.round.slug;
    const check = `/rounds/${slug}/eligibility`;
    const passing = {
      organisationType: "unincorporated_group",
      areaIds: [setup.round.areas[0]!.id],
      priorityIds: [setup.round.priorities[0]!.id],
      amountRequested: "12500",
    };
    // Visitor 1: can apply, then changes an answer and checks again: still one check.
    const first = await send(check, { form: passing });
    expect(first.status).toBe(302);
    const cookie = cookieFrom(first);
    expect((await send(check, { form: { ...passing, amountRequested: "13000" }, cookie })).status).toBe(302);
    // Visitor 2: sends the form empty first (errors: no cookie, the check's id rides in the form
    // shown again), then answers as a private company.
    const checkIdIn = async (response: Response) => /<input type="hidden" name="checkId" value="([^"]+)"/.exec(await response.text())?.[1] ?? "";
    const empty = await send(check, { form: {} });
    expect(empty.status).toBe(400);
    expect(empty.headers.get("Set-Cookie")).toBeNull();
    const secondId = await checkIdIn(empty);
    expect(secondId).not.toBe("");
    expect((await send(check, { form: { ...passing, organisationType: "private_company", checkId: secondId } })).status).toBe(302);
    // Visitor 3: only ever sends the form with errors, twice.
    const bad = await send(check, { form: { amountRequested: "lots" } });
    expect(bad.status).toBe(400);
    expect((await send(check, { form: { amountRequested: "more", checkId: await checkIdIn(bad) } })).status).toBe(400);

    const rows = await db.eligibilityCheck.findMany({ where: { roundId: setup.roundId } });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.result).sort()).toEqual(["eligible", "ineligible", null].sort());
    expect(rows.filter((r) => r.result !== null).every((r) => r.completedAt !== null)).toBe(true);
    // Nothing the visitor answered is kept.
    expect(Object.keys(rows[0]!).sort()).toEqual(["completedAt", "id", "result", "roundId", "startedAt"]);

    const { funnel } = (await loadRoundDashboard(setup.roundId))!;
    const bids = await db.bid.findMany({ where: { roundId: setup.roundId } });
    const awards = await db.award.findMany({ where: { roundId: setup.roundId } });
    expect(Object.fromEntries(funnel.map((s) => [s.key, s.count]))).toEqual({
      checks_started: rows.length,
      checks_eligible: rows.filter((r) => r.result === "eligible").length,
      bids_started: bids.length,
      bids_submitted: bids.filter((b) => b.submittedAt !== null).length,
      screened_eligible: bids.filter((b) => b.screeningDecision === "eligible").length,
      awarded: awards.filter((a) => HOLDING.includes(a.status)).length,
      accepted: awards.filter((a) => ["accepted", "closed"].includes(a.status)).length,
    });
    expect(funnel.map((s) => s.count)).toEqual([3, 1, 8, 7, 5, 2, 1]);
  });
});

describe("the fund dashboard", () => {
  it("has one row per round with the same definitions", async () => {
    const dashboard = (await loadFundDashboard(setup.round.fundId))!;
    const rounds = await db.round.findMany({ where: { fundId: setup.round.fundId } });
    expect(dashboard.rounds).toHaveLength(rounds.length);
    const row = dashboard.rounds.find((r) => r.id === setup.roundId)!;
    const round = (await loadRoundDashboard(setup.roundId))!;
    expect(row).toMatchObject({
      potPence: round.money.potPence,
      requestedPence: round.money.requestedPence,
      awardedPence: round.money.awardedPence,
      returnedPence: round.money.returnedPence,
      oversubscriptionTenths: round.money.oversubscriptionTenths,
      bids: await db.bid.count({ where: { roundId: setup.roundId, status: { notIn: ["draft", "withdrawn"] } } }),
      fundedBids: await db.award.count({ where: { roundId: setup.roundId, status: { in: HOLDING } } }),
    });
    expect(row).toMatchObject({ bids: 6, fundedBids: 2 });
  });
});

describe("the dashboard pages", () => {
  it("show the fund administrator and the OPCC the charts, each with a summary and a table", async () => {
    for (const [role, path, fundPath] of [
      ["fund_administrator", `/administrator/rounds/${setup.roundId}/dashboard`, `/administrator/funds/${setup.round.fundId}/dashboard`],
      ["opcc_sign_off", `/opcc/rounds/${setup.roundId}/dashboard`, `/opcc/funds/${setup.round.fundId}/dashboard`],
    ] as const) {
      const { cookie } = await signedInAs(role);
      const response = await send(path, { cookie });
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const figures = html.match(/<figure class="app-chart">[\s\S]*?<\/figure>/g) ?? [];
      expect(figures).toHaveLength(6);
      for (const figure of figures) {
        expect(figure).toMatch(/<figcaption[^>]*>/);
        expect(figure).toMatch(/<svg [^>]*role="img" aria-label="[^"]+"/);
        expect(figure).toContain('<table class="govuk-table');
      }
      expect(html).toContain("£17,000.00 requested against a £10,000.00 pot: 1.7 times oversubscribed.");
      expect(html).toContain("Quality threshold 50%");
      expect(html).toContain("Aaron Second");
      expect(html).toContain("counted once under each one it names");

      const fund = await send(fundPath, { cookie });
      expect(fund.status, fundPath).toBe(200);
      const fundHtml = await fund.text();
      expect(fundHtml.match(/<figure class="app-chart">[\s\S]*?<svg [^>]*role="img"/g)).toHaveLength(1);
      expect(fundHtml).toContain(setup.round.name);
    }
  });

  it("refuse applicants and assessors, send anonymous visitors to sign in, and answer 404 for no such round", async () => {
    const paths = [
      `/administrator/rounds/${setup.roundId}/dashboard`,
      `/opcc/rounds/${setup.roundId}/dashboard`,
      `/administrator/funds/${setup.round.fundId}/dashboard`,
    ];
    for (const path of paths) {
      expect((await send(path, { cookie: setup.applicant.cookie })).status, path).toBe(403);
      expect((await send(path, { cookie: setup.assessors[0]!.cookie })).status, path).toBe(403);
      const anonymous = await send(path);
      expect(anonymous.status, path).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`);
    }
    expect((await send(`/opcc/rounds/${setup.roundId}/dashboard`, { cookie: setup.administrator.cookie })).status).toBe(403);
    expect((await send("/administrator/rounds/no-such-round/dashboard", { cookie: setup.administrator.cookie })).status).toBe(404);
    expect((await send("/administrator/funds/no-such-fund/dashboard", { cookie: setup.administrator.cookie })).status).toBe(404);
  });
});
