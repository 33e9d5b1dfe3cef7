// After release: the applicant accepts (monitoring reports created) or declines (exactly the
// award's money back to the pot, once, however many answers race), awards lapse at their
// deadline once whatever number of workers run the job, reminders are sent once per click that
// counts, and money returned on an award never passes what was awarded (ADR 0010).
import { describe, expect, it } from "vitest";
import { potLedger } from "~/domain/allocation/pot-ledger.server";
import { acceptanceDeadline } from "~/domain/awards/acceptance";
import { lapseOverdueAwards } from "~/domain/awards/lapse.server";
import { acceptAward, declineAward } from "~/domain/awards/response.server";
import { recordAwardReturn, sendAcceptanceReminder } from "~/domain/awards/round-awards.server";
import { db } from "~/lib/db.server";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 24 * 60 * 60 * 1000;
const workspace = (roundId: string) => `/administrator/rounds/${roundId}/allocation`;
const awardsPage = (roundId: string) => `/administrator/rounds/${roundId}/awards`;
const awardPage = (bidId: string) => `/applicant/bids/${bidId}/award`;

async function remaining(roundId: string) {
  return (await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { remainingPotPence: true } })).remainingPotPence;
}

async function expectBalanced(roundId: string) {
  const ledger = await potLedger(roundId);
  expect(ledger!.heldPence + ledger!.remainingPotPence).toBe(ledger!.potPence);
  expect(ledger!.balanced).toBe(true);
}

/**
 * A £7,000.00 pot, released: bids 1, 2 and 4 awarded £1,000, £2,000 and £4,000 (the whole pot),
 * bid 3 on the reserve list. The applicant is a member of every bid's organisation; the round asks
 * for a mid-point and a final report.
 */
async function releasedRound() {
  const setup = await createAllocationRound({ opccSignOffRequired: false });
  const { round, bids, administrator, applicant } = setup;
  await db.round.update({
    where: { id: round.id },
    data: {
      baseAllocationPence: 500_000,
      rolledForwardPence: 100_000,
      matchFundingPence: 100_000,
      remainingPotPence: 700_000,
      reportStages: {
        create: [
          { position: 0, title: "Mid-point report", relativeTo: "midpoint", offsetDays: 0 },
          { position: 1, title: "Final report", relativeTo: "end", offsetDays: 30 },
        ],
      },
    },
  });
  for (const bid of bids) {
    await db.membership.create({ data: { organisationId: bid.organisationId, userId: applicant.user.id, role: "owner" } });
    await db.bid.update({
      where: { id: bid.id },
      data: { projectStartDate: new Date(Date.now() + 30 * DAY), projectEndDate: new Date(Date.now() + 395 * DAY) },
    });
  }
  const admin = administrator.cookie;
  const form = proposalForm(bids, { 0: "1000", 1: "2000", 3: "4000" }, { 3: "Report the number of young people reached.\nCredit the PCC's funding." });
  expect((await send(workspace(round.id), { cookie: admin, form })).status).toBe(200);
  expect((await send(workspace(round.id), { cookie: admin, form: { intent: "approve" } })).status).toBe(200);
  expect((await send(workspace(round.id), { cookie: admin, form: { intent: "release", reserve: [bids[2]!.id] } })).status).toBe(200);
  // Release sets each award's accept-by date from the round's acceptance days.
  await db.award.updateMany({ where: { roundId: round.id, status: "released", acceptBy: null }, data: { acceptBy: acceptanceDeadline(new Date(), 28) } });
  expect(await remaining(round.id)).toBe(0);
  const viewer = { id: applicant.user.id, role: "applicant" as const };
  return { ...setup, viewer };
}

describe("accepting an award", () => {
  it("needs both declarations, then accepts, creates the monitoring reports and emails the contact; a second answer changes nothing", async () => {
    const { round, bids, applicant } = await releasedRound();
    const bid = bids[3]!;
    const page = await send(awardPage(bid.id), { cookie: applicant.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Accept or decline your award");
    expect(html).toContain("Report the number of young people reached.");
    expect(html).toContain("We do not ask for or keep bank details on this website");

    const unticked = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "accept", acceptConditions: "yes" } });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain("Confirm that the fund administrator holds your organisation&#x27;s bank details");
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).status).toBe("released");

    const accepted = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "accept", acceptConditions: "yes", bankDetailsHeld: "yes" } });
    expect(accepted.status).toBe(302);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bid.id }, include: { reports: { orderBy: { dueAt: "asc" } } } });
    expect(award).toMatchObject({ status: "accepted", respondedById: applicant.user.id });
    expect(award.respondedAt).not.toBeNull();
    expect(award.reports.map((r) => r.title)).toEqual(["Mid-point report", "Final report"]);
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `award-response:${award.id}` } });
    expect(email).toMatchObject({ template: "award-response", toAddress: "contact@example.org" });
    expect(email.text).toContain("You have accepted your award");
    expect(email.text).toContain("Mid-point report, due");
    expect(await db.auditEvent.count({ where: { action: "award.accept", outcome: "allowed", subjectId: bid.id } })).toBe(1);
    expect(await (await send(`${awardPage(bid.id)}?answered=accepted`, { cookie: applicant.cookie })).text()).toContain("You have accepted the award");

    const again = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "decline", declineReason: "Changed our minds" } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already accepted this award");
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).status).toBe("accepted");
    expect(await remaining(round.id)).toBe(0);
    expect(await db.monitoringReport.count({ where: { awardId: award.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "award.decline", outcome: "refused", subjectId: bid.id } })).toBe(1);
    await expectBalanced(round.id);
  });

  it("refuses an answer after the deadline and changes nothing", async () => {
    const { round, bids, applicant } = await releasedRound();
    const bid = bids[0]!;
    await db.award.update({ where: { bidId: bid.id }, data: { acceptBy: new Date(Date.now() - 60_000) } });
    const late = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "accept", acceptConditions: "yes", bankDetailsHeld: "yes" } });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("can no longer be accepted or declined");
    const lateDecline = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "decline", declineReason: "Too late" } });
    expect(lateDecline.status).toBe(409);
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).status).toBe("released");
    expect(await remaining(round.id)).toBe(0);
    expect(await db.outboxEmail.count({ where: { template: "award-response" } })).toBe(0);
  });
});

describe("declining an award", () => {
  it("needs a reason of limited length, then returns exactly the award's money and emails the contact and the fund administrators", async () => {
    const { round, bids, applicant, administrator } = await releasedRound();
    // A second fund administrator is told too; one whose account is disabled is not.
    const colleague = await db.user.create({ data: { email: "colleague@example.org", name: "Rae Colleague", role: "fund_administrator", passwordHash: "x" } });
    await db.user.create({ data: { email: "left@example.org", name: "Lee Left", role: "fund_administrator", passwordHash: "x", disabledAt: new Date() } });
    const bid = bids[1]!;
    const empty = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "decline", declineReason: "  " } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Enter why your organisation is declining the award");
    const long = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "decline", declineReason: "x".repeat(1001) } });
    expect(long.status).toBe(400);
    expect(await remaining(round.id)).toBe(0);

    const declined = await send(awardPage(bid.id), { cookie: applicant.cookie, form: { intent: "decline", declineReason: "Our venue has closed." } });
    expect(declined.status).toBe(302);
    expect(await remaining(round.id)).toBe(200_000);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bid.id } });
    expect(award).toMatchObject({ status: "declined_by_applicant", declineReason: "Our venue has closed.", respondedById: applicant.user.id });
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `award-response:${award.id}` } });
    expect(email.text).toContain("You have declined your award");
    expect(email.text).toContain("Our venue has closed.");
    const notices = await db.outboxEmail.findMany({ where: { template: "award-money-back" }, orderBy: { toAddress: "asc" } });
    expect(notices.map((n) => n.toAddress)).toEqual([administrator.user.email, colleague.email].sort());
    for (const notice of notices) {
      expect(notice.text).toContain("£2,000.00 is back in the pot");
      expect(notice.text).toContain("Their reason: Our venue has closed.");
      expect(notice.text).toContain(`/administrator/rounds/${round.id}/awards`);
    }
    expect(await db.monitoringReport.count({ where: { awardId: award.id } })).toBe(0);
    await expectBalanced(round.id);
  });

  it("returns the money once when two declines race", async () => {
    const { round, bids, viewer } = await releasedRound();
    const bid = bids[3]!;
    const results = await Promise.all([declineAward(bid.id, viewer, "First", new Date()), declineAward(bid.id, viewer, "Second", new Date())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.refusal.kind).toBe("conflict");
    expect(await remaining(round.id)).toBe(400_000);
    expect(await db.outboxEmail.count({ where: { template: "award-response" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: "award-money-back" } })).toBe(1);
    await expectBalanced(round.id);
  });

  it("lets exactly one of a decline and an acceptance racing win", async () => {
    const { round, bids, viewer } = await releasedRound();
    const bid = bids[3]!;
    const [declined, accepted] = await Promise.all([declineAward(bid.id, viewer, "No", new Date()), acceptAward(bid.id, viewer, new Date())]);
    expect([declined.ok, accepted.ok].filter(Boolean)).toHaveLength(1);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bid.id } });
    const reports = await db.monitoringReport.count({ where: { awardId: award.id } });
    if (declined.ok) {
      expect(award.status).toBe("declined_by_applicant");
      expect(await remaining(round.id)).toBe(400_000);
      expect(reports).toBe(0);
      expect(await db.outboxEmail.count({ where: { template: "award-money-back" } })).toBe(1);
    } else {
      expect(award.status).toBe("accepted");
      expect(await remaining(round.id)).toBe(0);
      expect(reports).toBe(2);
      expect(await db.outboxEmail.count({ where: { template: "award-money-back" } })).toBe(0);
    }
    expect(await db.outboxEmail.count({ where: { template: "award-response" } })).toBe(1);
    await expectBalanced(round.id);
  });
});

describe("lapsing", () => {
  it("lapses unanswered awards after their deadline once, however many workers run at once", async () => {
    const { round, bids, viewer, administrator } = await releasedRound();
    expect(await lapseOverdueAwards(new Date())).toBe(0);
    // Bid 2 answers in time; bids 1 and 4 do not.
    expect((await acceptAward(bids[1]!.id, viewer, new Date())).ok).toBe(true);
    const past = new Date(Date.now() - 1000);
    await db.award.updateMany({ where: { roundId: round.id }, data: { acceptBy: past } });

    const runs = await Promise.all([lapseOverdueAwards(new Date()), lapseOverdueAwards(new Date())]);
    expect(runs[0]! + runs[1]!).toBe(2);
    expect(await lapseOverdueAwards(new Date())).toBe(0);
    expect(await remaining(round.id)).toBe(500_000);
    const statuses = await db.award.findMany({ where: { roundId: round.id }, select: { bidId: true, status: true } });
    expect(Object.fromEntries(statuses.map((a) => [a.bidId, a.status]))).toEqual({
      [bids[0]!.id]: "lapsed",
      [bids[1]!.id]: "accepted",
      [bids[3]!.id]: "lapsed",
    });
    const emails = await db.outboxEmail.findMany({ where: { template: "award-response" }, select: { text: true } });
    expect(emails).toHaveLength(3);
    expect(emails.filter((e) => e.text.includes("Your award has lapsed"))).toHaveLength(2);
    const notices = await db.outboxEmail.findMany({ where: { template: "award-money-back" }, select: { toAddress: true, text: true } });
    expect(notices.map((n) => n.toAddress)).toEqual([administrator.user.email, administrator.user.email]);
    expect(notices.every((n) => n.text.includes("did not accept its award by") && n.text.includes("the offer has lapsed"))).toBe(true);
    expect(notices.map((n) => n.text.match(/£[\d,.]+ is back in the pot/)![0]).sort()).toEqual([
      "£1,000.00 is back in the pot",
      "£4,000.00 is back in the pot",
    ]);
    expect(await db.auditEvent.count({ where: { action: "award.lapsed" } })).toBe(2);
    await expectBalanced(round.id);

    // The administrator sees them, with the money they freed.
    const page = await (await send(`${awardsPage(round.id)}?filter=declined_or_lapsed`, { cookie: administrator.cookie })).text();
    expect(page).toContain("Lapsed (not accepted in time)");
    expect(page).toContain("£5,000.00");
  });
});

describe("reminders to accept", () => {
  it("sends one reminder for a double-click, and another for a later click", async () => {
    const { round, bids, administrator } = await releasedRound();
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bids[0]!.id } });
    const click = () => send(awardsPage(round.id), { cookie: administrator.cookie, form: { intent: "remind", awardId: award.id } });
    const statuses = (await Promise.all([click(), click()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect((await db.award.findUniqueOrThrow({ where: { id: award.id } })).acceptanceReminders).toBe(1);
    const first = await db.outboxEmail.findMany({ where: { template: "acceptance-reminder" } });
    expect(first.map((e) => e.idempotencyKey)).toEqual([`acceptance-reminder:${award.id}:1`]);
    expect(first[0]!.text).toContain(`/applicant/bids/${bids[0]!.id}/award`);

    expect((await click()).status).toBe(200);
    expect(await db.outboxEmail.count({ where: { template: "acceptance-reminder" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "award.acceptance_reminder", outcome: "allowed" } })).toBe(2);

    // Answered awards get no reminder.
    await db.award.update({ where: { id: award.id }, data: { status: "accepted" } });
    const result = await sendAcceptanceReminder(round.id, award.id, administrator.user.id, new Date());
    expect(result.ok).toBe(false);
    expect(await db.outboxEmail.count({ where: { template: "acceptance-reminder" } })).toBe(2);
  });
});

describe("money returned on an award", () => {
  it("never returns more than was awarded, even when two returns race, and the freed money can be offered to the reserve bid", async () => {
    const { round, bids, viewer, administrator } = await releasedRound();
    const bid = bids[3]!;
    expect((await acceptAward(bid.id, viewer, new Date())).ok).toBe(true);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bid.id } });
    const input = (amount: string) => ({ awardId: award.id, amount, kind: "returned" as const, reason: "Underspent" });

    // Over the award: refused clearly before anything is written.
    const over = await send(awardsPage(round.id), { cookie: administrator.cookie, form: { intent: "return", ...input("4000.01") } });
    expect(over.status).toBe(400);
    expect(await over.text()).toContain("You can record at most £4,000.00");

    // Two returns that together pass the award: one is refused.
    const results = await Promise.all([
      recordAwardReturn(round.id, administrator.user.id, input("3000"), new Date()),
      recordAwardReturn(round.id, administrator.user.id, input("2000"), new Date()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const after = await db.award.findUniqueOrThrow({ where: { id: award.id } });
    expect([300_000, 200_000]).toContain(after.returnedPence);
    expect(await remaining(round.id)).toBe(after.returnedPence);
    expect(await db.awardReturn.count({ where: { awardId: award.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: "award-return" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "award.money_returned", outcome: "refused" } })).toBe(2);
    await expectBalanced(round.id);

    // The rest of the award, through the page.
    const rest = (400_000 - after.returnedPence) / 100;
    const ok = await send(awardsPage(round.id), {
      cookie: administrator.cookie,
      form: { intent: "return", awardId: award.id, amount: String(rest), kind: "clawed_back", reason: "Project stopped early" },
    });
    expect(ok.status).toBe(200);
    expect((await db.award.findUniqueOrThrow({ where: { id: award.id } })).returnedPence).toBe(400_000);
    expect(await remaining(round.id)).toBe(400_000);
    const none = await recordAwardReturn(round.id, administrator.user.id, input("0.01"), new Date());
    expect(none.ok).toBe(false);
    await expectBalanced(round.id);

    // The freed money goes to the reserve bid: an offer with its own deadline, marked as re-offered.
    const reserveBid = bids[2]!;
    const offered = await send(workspace(round.id), {
      cookie: administrator.cookie,
      form: { intent: "offer", bidId: reserveBid.id, [`offer.${reserveBid.id}`]: "3000" },
    });
    expect(offered.status).toBe(200);
    const offer = await db.award.findUniqueOrThrow({ where: { bidId: reserveBid.id } });
    expect(offer).toMatchObject({ status: "released", offeredFromReserve: true });
    expect(offer.acceptBy!.getTime()).toBeGreaterThan(Date.now() + 27 * DAY);
    const offerEmail = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `outcome:${reserveBid.id}:1` } });
    expect(offerEmail.text).toContain(`/applicant/bids/${reserveBid.id}/outcome`);
    await expectBalanced(round.id);

    const page = await (await send(awardsPage(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain("Re-offered to reserve bids");
    expect(page).toMatch(/Returned unspent or clawed back<\/dt><dd class="govuk-summary-list__value">£4,000.00/);
    expect(page).toMatch(/Re-offered to reserve bids<\/dt><dd class="govuk-summary-list__value">£3,000.00/);
    const allocationPage = await (await send(workspace(round.id), { cookie: administrator.cookie })).text();
    expect(allocationPage).toMatch(/Returned unspent or clawed back<\/dt><dd class="govuk-summary-list__value">£4,000.00/);
    expect(allocationPage).toMatch(/Re-offered to reserve bids<\/dt><dd class="govuk-summary-list__value">£3,000.00/);
    expect(allocationPage).toContain("Awards: who has accepted, reminders and money returned");
  });

  it("recording a released award as withdrawn returns only what it still holds", async () => {
    const { round, bids, administrator } = await releasedRound();
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bids[1]!.id } });
    const returned = await recordAwardReturn(
      round.id,
      administrator.user.id,
      { awardId: award.id, amount: "500", kind: "returned", reason: "Cheaper venue" },
      new Date(),
    );
    expect(returned.ok).toBe(true);
    expect(await remaining(round.id)).toBe(50_000);
    const withdrawn = await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "award-withdrawn", bidId: bids[1]!.id } });
    expect(withdrawn.status).toBe(200);
    expect(await remaining(round.id)).toBe(200_000);
    await expectBalanced(round.id);
  });
});

describe("who may see and answer awards", () => {
  it("refuses another organisation's applicant, assessors and the OPCC", async () => {
    const { round, bids, administrator } = await releasedRound();
    const bid = bids[0]!;
    const stranger = await signedInAs("applicant");
    expect((await send(awardPage(bid.id), { cookie: stranger.cookie })).status).toBe(404);
    const post = await send(awardPage(bid.id), { cookie: stranger.cookie, form: { intent: "decline", declineReason: "Not ours" } });
    expect(post.status).toBe(404);
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bid.id } })).status).toBe("released");
    expect(await remaining(round.id)).toBe(0);

    const assessor = await signedInAs("assessor");
    expect((await send(awardPage(bid.id), { cookie: assessor.cookie })).status).toBe(403);
    expect((await send(awardsPage(round.id), { cookie: assessor.cookie })).status).toBe(403);
    const opcc = await signedInAs("opcc_sign_off");
    expect((await send(awardsPage(round.id), { cookie: opcc.cookie })).status).toBe(403);
    expect((await send(awardsPage(round.id), { cookie: stranger.cookie })).status).toBe(403);

    const page = await send(`${awardsPage(round.id)}?filter=not_accepted`, { cookie: administrator.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("3 of 3 awards have not been accepted yet");
    expect(html).toContain(bids[2]!.reference);
  });
});
