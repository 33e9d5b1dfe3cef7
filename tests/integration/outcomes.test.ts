// Every bid gets an outcome at release (awarded, reserve, not funded, not eligible), each with one
// email that links to its outcome page; a bid never assessed stops the release; and the outcome
// page shows each kind of decision only to the bid's own organisation, only once released.
import { describe, expect, it } from "vitest";
import { acceptanceDeadline } from "~/domain/awards/acceptance";
import { formatAcceptBy } from "~/domain/outcomes/dates";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const workspace = (roundId: string) => `/administrator/rounds/${roundId}/allocation`;
const outcomePage = (bidId: string) => `/applicant/bids/${bidId}/outcome`;
const outcomeUrl = (bidId: string) => new URL(outcomePage(bidId), env().APP_URL).href;

/**
 * The allocation round, plus a bid screened out with a reason and a note, a withdrawn bid and a
 * draft; bids 1 and 2 get approved awards (the first with conditions). Signed off (no OPCC step).
 */
async function roundReadyToRelease() {
  const setup = await createAllocationRound({ opccSignOffRequired: false });
  const { round, bids, administrator } = setup;
  await db.round.update({ where: { id: round.id }, data: { acceptanceDays: 10 } });
  // The screened-out bid's organisation has its own signed-in member.
  const shed = await applicantWithOrganisation("Consett Men's Shed");
  const other = async (n: number, organisationId: string, data: { status: string; screeningReason?: string; screeningNote?: string }) =>
    db.bid.create({
      data: {
        roundId: round.id,
        organisationId,
        createdById: bids[0]!.createdById,
        reference: `CSF-${round.code}-${String(10 + n).padStart(4, "0")}`,
        title: `Other bid ${n}`,
        amountRequestedPence: 150_000,
        submittedAt: new Date(),
        ...data,
      },
    });
  const ineligible = await other(0, shed.organisation.id, {
    status: "ineligible",
    screeningReason: "The project is outside the eligible areas",
    screeningNote: "The sessions would run in Gateshead.",
  });
  const withdrawn = await other(1, bids[1]!.organisationId, { status: "withdrawn" });
  const draft = await db.bid.create({ data: { roundId: round.id, organisationId: bids[2]!.organisationId, createdById: bids[0]!.createdById } });
  const form = proposalForm(bids, { 0: "1000", 1: "1500" }, { 0: "Report quarterly\nCredit the PCC" });
  expect((await send(workspace(round.id), { cookie: administrator.cookie, form })).status).toBe(200);
  expect((await send(workspace(round.id), { cookie: administrator.cookie, form: { intent: "approve" } })).status).toBe(200);
  return { ...setup, ineligible, ineligibleCookie: shed.cookie, withdrawn, draft };
}

async function release(roundId: string, cookie: string, reserve: string[], feedback: Record<string, string> = {}) {
  const form: Record<string, string | string[]> = { intent: "release", reserve };
  for (const [bidId, text] of Object.entries(feedback)) form[`feedback.${bidId}`] = text;
  return send(workspace(roundId), { cookie, form });
}

describe("releasing the outcomes", () => {
  it("gives each kind of outcome exactly one email, with its template and a link to its outcome page", async () => {
    const { round, bids, administrator, ineligible, withdrawn, draft } = await roundReadyToRelease();
    const response = await release(round.id, administrator.cookie, [bids[2]!.id]);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Outcomes released: 2 awarded, 1 on the reserve list, 2 not funded, 1 not eligible.");

    const emails = await db.outboxEmail.findMany();
    const byKey = new Map(emails.map((e) => [e.idempotencyKey, e]));
    const expected: [string, string][] = [
      [bids[0]!.id, "outcome-award"],
      [bids[1]!.id, "outcome-award"],
      [bids[2]!.id, "outcome-reserve"],
      [bids[3]!.id, "outcome-decline"],
      [bids[4]!.id, "outcome-decline"],
      [ineligible.id, "outcome-ineligible"],
    ];
    expect(emails).toHaveLength(expected.length);
    for (const [bidId, template] of expected) {
      const email = byKey.get(`outcome:${bidId}:0`);
      expect(email, bidId).toBeDefined();
      expect(email!.template).toBe(template);
      expect(email!.text).toContain(outcomeUrl(bidId));
      expect(email!.html).toContain(`href="${outcomeUrl(bidId)}"`);
    }
    // Withdrawn bids and drafts are not decided and get nothing.
    for (const bid of [withdrawn, draft]) expect(emails.some((e) => e.idempotencyKey.includes(bid.id))).toBe(false);

    // The award: amount, conditions, split, deadline and the link to respond.
    const released = await db.round.findUniqueOrThrow({ where: { id: round.id } });
    const acceptBy = acceptanceDeadline(released.outcomesReleasedAt!, 10);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bids[0]!.id } });
    expect(award).toMatchObject({ status: "released", acceptBy });
    expect(await db.award.findUniqueOrThrow({ where: { bidId: bids[1]!.id } })).toMatchObject({ status: "released", acceptBy });
    const awardEmail = byKey.get(`outcome:${bids[0]!.id}:0`)!;
    expect(awardEmail.text).toContain("Amount awarded: £1,000.00");
    expect(awardEmail.text).toContain("Credit the PCC");
    expect(awardEmail.text).toContain(`Funded by the Police and Crime Commissioner: £${(award.pccFundedPence / 100).toFixed(2)}`);
    expect(awardEmail.text).toContain(`Match funding from the fund administrator: £${(award.matchFundedPence / 100).toFixed(2)}`);
    expect(award.matchFundedPence).toBeGreaterThan(0);
    expect(awardEmail.text).toContain(`Accept by: ${formatAcceptBy(acceptBy)}`);
    expect(awardEmail.html).toContain(`href="${new URL(`/applicant/bids/${bids[0]!.id}/award`, env().APP_URL).href}"`);

    // The screened-out bid: its reason and the administrator's note, decided with the others.
    const ineligibleEmail = byKey.get(`outcome:${ineligible.id}:0`)!;
    expect(ineligibleEmail.text).toContain("Why the bid is not eligible: The project is outside the eligible areas");
    expect(ineligibleEmail.text).toContain("The sessions would run in Gateshead.");
    expect(await db.bid.findUniqueOrThrow({ where: { id: ineligible.id } })).toMatchObject({ status: "ineligible", decidedAt: released.outcomesReleasedAt });
    expect(await db.bid.findUniqueOrThrow({ where: { id: withdrawn.id } })).toMatchObject({ status: "withdrawn", decidedAt: null });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "allocation.release", outcome: "allowed" } });
    expect(JSON.parse(audit.after!).outcomes).toContainEqual({ bidId: ineligible.id, outcome: "ineligible", decisionVersion: 0 });
  });

  it("refuses, with the list, while a bid was never assessed, and changes nothing", async () => {
    const { round, bids, administrator } = await roundReadyToRelease();
    // One bid never screened (still submitted), one whose only assessment went back to draft (no score).
    const unscreened = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: bids[0]!.organisationId,
        createdById: bids[0]!.createdById,
        reference: `CSF-${round.code}-0042`,
        title: "Never screened",
        status: "submitted",
        amountRequestedPence: 120_000,
        submittedAt: new Date(),
      },
    });
    await db.assessment.updateMany({ where: { bidId: bids[3]!.id }, data: { status: "draft", submittedAt: null } });
    // Written here straight to the database, not through the portal: the bid's stored score is
    // marked out of date, as any write from outside must (ADR 0028), and recorded before ranking.
    await db.bid.update({ where: { id: bids[3]!.id }, data: { scoreCurrent: false } });
    const before = await db.bid.findMany({ where: { roundId: round.id }, orderBy: { id: "asc" }, select: { id: true, status: true, decidedAt: true } });

    const response = await release(round.id, administrator.cookie, []);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain('href="#release"');
    expect(html).toContain(`2 bids have not been assessed, so they have no outcome yet: `);
    expect(html).toContain("Nothing was released.");
    const list = html.slice(html.indexOf('data-testid="unassessed-bids"'));
    expect(list).toContain(`${unscreened.reference}: Never screened`);
    expect(list).toContain(`${bids[3]!.reference}: ${bids[3]!.title}`);
    expect(list).toContain(`/administrator/rounds/${round.id}/bids/${unscreened.id}`);
    expect(list.slice(0, list.indexOf("</ul>"))).not.toContain(bids[0]!.reference!);

    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ allocationStatus: "signed_off", outcomesReleasedAt: null });
    expect(await db.bid.findMany({ where: { roundId: round.id }, orderBy: { id: "asc" }, select: { id: true, status: true, decidedAt: true } })).toEqual(
      before,
    );
    expect(await db.award.count({ where: { roundId: round.id, status: "approved", acceptBy: null } })).toBe(2);
    expect(await db.outboxEmail.count()).toBe(0);
    const refused = await db.auditEvent.findFirstOrThrow({ where: { action: "allocation.release", outcome: "refused" } });
    expect(JSON.parse(refused.details!).unassessed).toEqual(
      expect.arrayContaining([
        { bidId: unscreened.id, why: "not_screened" },
        { bidId: bids[3]!.id, why: "not_scored" },
      ]),
    );

    // Screened out and scored again, the round releases.
    await db.bid.update({ where: { id: unscreened.id }, data: { status: "ineligible", screeningReason: "Late", screeningDecision: "ineligible" } });
    await db.assessment.updateMany({ where: { bidId: bids[3]!.id }, data: { status: "submitted", submittedAt: new Date() } });
    await db.bid.update({ where: { id: bids[3]!.id }, data: { scoreCurrent: false } });
    expect((await release(round.id, administrator.cookie, [])).status).toBe(200);
    expect(await db.outboxEmail.count()).toBe(7);
  });
});

describe("the outcome page", () => {
  async function releasedRound({ shareScores = false } = {}) {
    const setup = await roundReadyToRelease();
    const { round, bids } = setup;
    if (shareScores) await db.round.update({ where: { id: round.id }, data: { shareScoresWithApplicants: true } });
    // Members of the awarded, reserve, declined and screened-out bids' organisations.
    const member = async (organisationId: string) => {
      const who = await signedInAs("applicant");
      await db.membership.create({ data: { organisationId, userId: who.user.id } });
      return who.cookie;
    };
    const cookies = {
      awarded: await member(bids[0]!.organisationId),
      reserve: await member(bids[2]!.organisationId),
      declined: await member(bids[3]!.organisationId),
      ineligible: setup.ineligibleCookie,
    };
    return { ...setup, cookies };
  }

  it("is not there before release: members go back to the bid page, the bid page does not link to it", async () => {
    const { bids, cookies } = await releasedRound();
    const response = await send(outcomePage(bids[0]!.id), { cookie: cookies.awarded });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/applicant/bids/${bids[0]!.id}`);
    const bidPage = await (await send(`/applicant/bids/${bids[0]!.id}`, { cookie: cookies.awarded })).text();
    expect(bidPage).not.toContain(outcomePage(bids[0]!.id));
    const home = await (await send("/applicant", { cookie: cookies.awarded })).text();
    expect(home).not.toContain(outcomePage(bids[0]!.id));
    // Nothing of the approved award leaks (bid 1 asks for £1,000.00 and its award would be the same).
    expect(bidPage).not.toContain("Awarded");
    expect(bidPage).not.toContain("Report quarterly");
  });

  it("shows each kind of decision to the bid's organisation, and nothing to anyone else", async () => {
    const { round, bids, administrator, ineligible, cookies } = await releasedRound({ shareScores: false });
    expect(
      (
        await release(round.id, administrator.cookie, [bids[2]!.id], {
          [bids[2]!.id]: "A strong bid that narrowly missed out.",
          [bids[3]!.id]: "Say how many people you will reach.",
        })
      ).status,
    ).toBe(200);
    const acceptBy = formatAcceptBy((await db.award.findUniqueOrThrow({ where: { bidId: bids[0]!.id } })).acceptBy!);

    const awarded = await send(outcomePage(bids[0]!.id), { cookie: cookies.awarded });
    expect(awarded.status).toBe(200);
    const awardHtml = await awarded.text();
    expect(awardHtml).toContain("Your bid has been awarded funding");
    expect(awardHtml).toContain("£1,000.00");
    expect(awardHtml).toContain("Report quarterly");
    expect(awardHtml).toContain("Credit the PCC");
    expect(awardHtml).toContain("Funded by the Police and Crime Commissioner");
    expect(awardHtml).toContain("Match funding from the fund administrator");
    expect(awardHtml).toContain("Waiting for you to accept");
    expect(awardHtml).toContain(`${acceptBy} (end of the day)`);
    expect(awardHtml).toContain(`href="/applicant/bids/${bids[0]!.id}/award"`);
    expect(awardHtml).toContain("Respond to your award");
    expect(awardHtml).not.toContain("Monitoring reports");
    // Scores are not shared in this round.
    expect(awardHtml).not.toContain("Your bid&#x27;s scores");

    const reserve = await (await send(outcomePage(bids[2]!.id), { cookie: cookies.reserve })).text();
    expect(reserve).toContain("Your bid is on the reserve list");
    expect(reserve).toContain("A strong bid that narrowly missed out.");
    expect(reserve).toContain("we offer it to bids on the reserve list in score order");
    expect(reserve).not.toContain("Respond to your award");

    const declined = await (await send(outcomePage(bids[3]!.id), { cookie: cookies.declined })).text();
    expect(declined).toContain("Your bid has not been funded");
    expect(declined).toContain("Say how many people you will reach.");
    expect(declined).toContain("You can bid again in a future round.");

    const notEligible = await (await send(outcomePage(ineligible.id), { cookie: cookies.ineligible })).text();
    expect(notEligible).toContain("Your bid is not eligible for this round");
    expect(notEligible).toContain("The project is outside the eligible areas");
    expect(notEligible).toContain("The sessions would run in Gateshead.");

    // Links from the bid page and the applicant's list, now the decision is out.
    expect(await (await send(`/applicant/bids/${bids[0]!.id}`, { cookie: cookies.awarded })).text()).toContain(`href="${outcomePage(bids[0]!.id)}"`);
    expect(await (await send("/applicant", { cookie: cookies.declined })).text()).toContain(`href="${outcomePage(bids[3]!.id)}"`);

    // Another organisation's member gets a 404 that says nothing, and the attempt is audited.
    const stranger = await applicantWithOrganisation("Someone Else CIC");
    for (const bidId of [bids[0]!.id, ineligible.id, "no-such-bid"]) {
      const response = await send(outcomePage(bidId), { cookie: stranger.cookie });
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain("£1,000.00");
      expect(text).not.toContain("Gateshead");
    }
    expect(await db.auditEvent.count({ where: { action: "bid.access_refused", actorId: stranger.user.id } })).toBe(3);
    // Staff roles have no applicant pages at all.
    for (const role of ["assessor", "fund_administrator", "opcc_sign_off", "admin"] as const) {
      expect((await send(outcomePage(bids[0]!.id), { cookie: (await signedInAs(role)).cookie })).status).toBe(403);
    }
    expect((await send(outcomePage(bids[0]!.id))).status).toBe(302);
  });

  it("lists monitoring reports once the award is accepted, and shows money returned", async () => {
    const { round, bids, administrator, cookies } = await releasedRound();
    expect((await release(round.id, administrator.cookie, [])).status).toBe(200);
    const award = await db.award.findUniqueOrThrow({ where: { bidId: bids[0]!.id } });
    const report = await db.monitoringReport.create({ data: { awardId: award.id, title: "Mid-point report", dueAt: new Date("2027-03-31T12:00:00Z") } });
    // Still waiting for acceptance: no reports yet.
    expect(await (await send(outcomePage(bids[0]!.id), { cookie: cookies.awarded })).text()).not.toContain("Mid-point report");

    await db.award.update({ where: { id: award.id }, data: { status: "accepted", respondedAt: new Date(), returnedPence: 25_000 } });
    await db.awardReturn.create({
      data: { awardId: award.id, roundId: round.id, amountPence: 25_000, kind: "returned", reason: "Underspend", recordedById: administrator.user.id },
    });
    const html = await (await send(outcomePage(bids[0]!.id), { cookie: cookies.awarded })).text();
    expect(html).toContain("Accepted");
    expect(html).not.toContain("Respond to your award");
    expect(html).toContain("Monitoring reports");
    expect(html).toContain(`href="/applicant/bids/${bids[0]!.id}/reports/${report.id}"`);
    expect(html).toContain("Mid-point report");
    expect(html).toContain("31 March 2027");
    expect(html).toContain("Not started");
    expect(html).toContain("Money returned");
    expect(html).toContain("£250.00");
  });

  it("shares the bid's score per criterion when the round says so, never who scored or their own scores", async () => {
    const { round, bids, administrator, criteria, cookies } = await releasedRound({ shareScores: true });
    // A second assessor on the declined bid, and a moderated score: the page shows what the ranking used.
    const second = await signedInAs("assessor", { name: "Priya Second-Assessor" });
    await db.assessment.create({
      data: {
        bidId: bids[3]!.id,
        assessorId: second.user.id,
        status: "submitted",
        submittedAt: new Date(),
        scores: { create: criteria.map((c, j) => ({ criterionId: c.id, score: [3, 3, 4][j]! })) },
      },
    });
    await db.moderatedScore.create({
      data: { bidId: bids[3]!.id, criterionId: criteria[2]!.id, score: 1, reason: "Agreed at panel", moderatedById: administrator.user.id },
    });
    expect((await release(round.id, administrator.cookie, [])).status).toBe(200);

    const html = await (await send(outcomePage(bids[3]!.id), { cookie: cookies.declined })).text();
    expect(html).toContain("Your bid&#x27;s scores");
    // Bid 4 scored [2, 2, 3] by the first assessor: means 2.5 and 2.5; the third is moderated to 1.
    const table = html.slice(html.indexOf("Your bid&#x27;s scores"), html.indexOf("</table>", html.indexOf("Your bid&#x27;s scores")));
    expect(table).toContain("2.5 out of 4");
    expect(table).toContain("1.0 out of 4");
    expect(table).not.toContain("3.5 out of 4");
    // 40 × 2.5/4 + 35 × 2.5/4 + 25 × 1/4 = 25 + 21.875 + 6.25 = 53.125
    expect(html).toContain("53.1%");
    expect(html).not.toContain("Priya Second-Assessor");
    expect(html).not.toContain("Agreed at panel");
  });
});
