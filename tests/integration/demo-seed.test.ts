// The demo data, made by the run command's own seed script (as scripts/demo.sh runs it) in the
// test database: a round in every phase, work waiting for every demo account on sign-in, and the
// pot of every round adding up.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { potLedger } from "~/domain/allocation/pot-ledger.server";
import { heldByAward } from "~/domain/awards/award-status";
import { potPence } from "~/domain/rounds/pot";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { cookieFrom, send } from "../support/app";
import { currentCode } from "../support/second-factor";
import { emptyDatabase } from "../support/database";
import { officialSchemaProblems } from "../support/three-sixty-giving";

function runSeed() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env: process.env, encoding: "utf8", timeout: 240_000 });
  if (result.status !== 0) throw new Error(`the seed failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Signs in through the sign-in form with the demo password and returns the home page's text. */
async function signInAndOpenHome(email: string) {
  const signIn = await send("/sign-in", { form: { email, password: DEMO_PASSWORD, redirectTo: "" } });
  expect(signIn.status, `signing in as ${email}`).toBe(302);
  let home = signIn.headers.get("Location")!;
  const cookie = cookieFrom(signIn);
  // The demo staff accounts have the published authenticator secrets (ADR 0020).
  if (home.startsWith("/sign-in/code")) {
    const { id } = await db.user.findUniqueOrThrow({ where: { email } });
    const code = await send("/sign-in/code", { cookie, form: { code: await currentCode(id), redirectTo: "" } });
    expect(code.status, `the code step for ${email}`).toBe(302);
    home = code.headers.get("Location")!;
  }
  const response = await send(home, { cookie });
  expect(response.status).toBe(200);
  return { home, cookie, text: textOf(await response.text()) };
}

function textOf(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });

const DAY = 24 * 60 * 60 * 1000;

/** Reports not yet in: due, being drafted, or sent back for changes. */
const OUTSTANDING_REPORT = ["due", "draft", "changes_requested"];

beforeAll(async () => {
  await emptyDatabase();
  expect(runSeed()).toContain("Demo data created.");
}, 300_000);

describe("the demo seed", () => {
  it("is safe to run again: a second run leaves the data as it is", async () => {
    const before = { bids: await db.bid.count(), rounds: await db.round.count(), emails: await db.outboxEmail.count() };
    expect(runSeed()).toContain("Demo data already present: left as it is.");
    expect({ bids: await db.bid.count(), rounds: await db.round.count(), emails: await db.outboxEmail.count() }).toEqual(before);
  }, 120_000);

  it("carries the four funding streams as funds, each with who may apply, and a round in a second stream with its own address", async () => {
    const funds = await db.fund.findMany({ orderBy: { code: "asc" }, include: { rounds: { select: { slug: true, code: true } } } });
    expect(funds.map((f) => f.code)).toEqual(["CSF", "CSG", "RJ", "VS"]);
    const csg = funds.find((f) => f.code === "CSG")!;
    expect(JSON.parse(csg.applicantTypes)).toEqual(["community_safety_partnership"]);
    expect(csg.rounds).toEqual([{ slug: "community-safety-grant-2526-r1", code: "2526-R1" }]);
    expect(funds.find((f) => f.code === "CSF")!.rounds.map((r) => r.code)).toContain("2526-R1");
    expect(await (await send("/rounds/community-safety-grant-2526-r1")).text()).toContain("Community Safety Grant");
  });

  it("has a round in every phase: open, taking expressions of interest, closed in assessment, awaiting OPCC sign-off, released a year ago and released last week", async () => {
    const now = new Date();
    const rounds = await db.round.findMany({ include: { bids: { select: { status: true } }, fund: true } });
    const open = rounds.filter((r) => r.opensAt <= now && now < r.closesAt);
    // One round open for full bids, and one two-stage round in its first stage, in a second stream.
    expect(open.filter((r) => !r.twoStage).map((r) => r.slug)).toEqual(["2025-26-round-1"]);
    const takingEois = open.filter((r) => r.twoStage);
    expect(takingEois.map((r) => [r.slug, r.fund.code])).toEqual([["victims-services-2526-r1", "VS"]]);
    expect(takingEois[0]!.eoiClosesAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(takingEois[0]!.invitationsSentAt).toBeNull();

    const inAssessment = rounds.filter((r) => r.closesAt <= now && r.allocationStatus === "open" && r.bids.some((b) => b.status === "in_assessment"));
    expect(inAssessment).toHaveLength(1);

    const awaitingSignOff = rounds.filter((r) => r.closesAt <= now && r.opccSignOffRequired && r.allocationStatus === "approved");
    expect(awaitingSignOff).toHaveLength(1);
    expect(await db.award.count({ where: { roundId: awaitingSignOff[0]!.id, status: "approved" } })).toBeGreaterThan(0);

    const released = rounds.filter((r) => r.allocationStatus === "released").sort((a, b) => a.outcomesReleasedAt!.getTime() - b.outcomesReleasedAt!.getTime());
    expect(released.map((r) => r.slug)).toEqual(["2024-25-round-1", "2025-26-small-grants"]);
    const [yearAgo, lastWeek] = released as [(typeof released)[number], (typeof released)[number]];
    expect(yearAgo.outcomesReleasedAt!.getTime()).toBeLessThan(now.getTime() - 300 * DAY);
    expect(new Set(yearAgo.bids.map((b) => b.status))).toEqual(new Set(["awarded", "reserve", "declined"]));
    expect(lastWeek.outcomesReleasedAt!.getTime()).toBeGreaterThan(now.getTime() - 14 * DAY);
    expect(lastWeek.outcomesReleasedAt!.getTime()).toBeLessThan(now.getTime());
    expect(new Set(lastWeek.bids.map((b) => b.status))).toEqual(new Set(["awarded", "reserve", "declined", "ineligible"]));
  });

  it("keeps every round's pot whole: remaining + what the awards hold (amount less returned money) = base + rolled forward + match", async () => {
    const rounds = await db.round.findMany({ include: { awards: true } });
    expect(rounds.length).toBeGreaterThanOrEqual(5);
    for (const round of rounds) {
      const held = round.awards.reduce((sum, a) => sum + heldByAward(a), 0);
      expect(round.remainingPotPence, round.code).toBeGreaterThanOrEqual(0);
      expect(round.remainingPotPence + held, round.code).toBe(potPence(round));
      expect(await potLedger(round.id), round.code).toEqual({
        potPence: potPence(round),
        remainingPotPence: round.remainingPotPence,
        heldPence: held,
        balanced: true,
      });
    }
    // Money has come back to the pots: an award turned down and money returned unspent.
    const heldByReleasedRounds = rounds.filter((r) => r.allocationStatus === "released").flatMap((r) => r.awards);
    expect(heldByReleasedRounds.some((a) => a.status === "declined_by_applicant" || a.status === "lapsed")).toBe(true);
    expect(heldByReleasedRounds.some((a) => a.status === "accepted" && a.returnedPence > 0)).toBe(true);
  });

  it("gives awards only where the workflow would, and every bid a reference in its round's format", async () => {
    const now = new Date();
    const awards = await db.award.findMany({
      include: {
        bid: { select: { status: true, roundId: true } },
        round: { select: { allocationStatus: true, outcomesReleasedAt: true, _count: { select: { reportStages: true } } } },
        returns: true,
        _count: { select: { reports: true } },
      },
    });
    expect(awards.length).toBeGreaterThan(0);
    for (const award of awards) {
      expect(award.bid.roundId).toBe(award.roundId);
      expect(award.pccFundedPence + award.matchFundedPence).toBe(award.amountPence);
      expect(award.returnedPence).toBe(award.returns.reduce((sum, r) => sum + r.amountPence, 0));
      expect(award.returnedPence).toBeLessThanOrEqual(award.amountPence);
      if (award.status === "approved") {
        expect(["in_assessment", "reserve"]).toContain(award.bid.status);
        expect(award.round.allocationStatus).not.toBe("released");
        continue;
      }
      expect(["released", "accepted", "declined_by_applicant"]).toContain(award.status);
      expect(award.bid.status).toBe("awarded");
      expect(award.round.allocationStatus).toBe("released");
      expect(award.acceptBy!.getTime()).toBeGreaterThan(award.round.outcomesReleasedAt!.getTime());
      if (award.status === "released") {
        expect(award.acceptBy!.getTime()).toBeGreaterThan(now.getTime());
        expect(award.respondedAt).toBeNull();
      } else {
        // Answered in time, by someone, and only accepted awards owe reports (one per stage).
        expect(award.respondedAt!.getTime()).toBeLessThanOrEqual(award.acceptBy!.getTime());
        expect(award.respondedById).not.toBeNull();
        expect(award._count.reports).toBe(award.status === "accepted" ? award.round._count.reportStages : 0);
      }
      if (award.status === "declined_by_applicant") expect(award.declineReason).not.toBe("");
      if (award.returns.length > 0) expect(award.status).toBe("accepted");
    }
    const bids = await db.bid.findMany({ include: { round: { include: { fund: true } } } });
    for (const bid of bids) {
      if (bid.status === "draft") continue;
      expect(bid.reference).toMatch(new RegExp(`^${bid.round.fund.code}-${bid.round.code}-\\d{4}$`));
      expect(bid.submittedSnapshot === null || JSON.parse(bid.submittedSnapshot).reference === bid.reference).toBe(true);
    }
  });

  it("the applicant finds a draft to carry on with, a bid being assessed and released outcomes", async () => {
    const applicant = await user("applicant@demo.csf.test");
    const mine = await db.bid.findMany({ where: { organisation: { members: { some: { userId: applicant.id } } } }, include: { round: true } });
    const draft = mine.find((b) => b.status === "draft");
    expect(draft?.round.slug).toBe("2025-26-round-1");
    expect(mine.filter((b) => b.status === "awarded").map((b) => b.title)).toEqual(
      expect.arrayContaining(["Summer holiday activities", "Safer parks after dark"]),
    );

    const { home, text } = await signInAndOpenHome(applicant.email);
    expect(home).toBe("/applicant");
    expect(text).toContain("Friday night detached youth work");
    expect(text).toContain("Draft");
    expect(text).toContain("Being assessed");
    expect(text).toMatch(/Safer parks after dark.*Awarded.*Award: £4,800\.00/);
  });

  it("the applicant has an award to accept, with its conditions and funding split, and a monitoring report due within two weeks", async () => {
    const now = new Date();
    const applicant = await user("applicant@demo.csf.test");
    const ours = { bid: { organisation: { members: { some: { userId: applicant.id } } } } };

    const toAccept = await db.award.findMany({ where: { ...ours, status: "released" }, include: { bid: true } });
    expect(toAccept).toHaveLength(1);
    const award = toAccept[0]!;
    expect(award.bid.title).toBe("Safer parks after dark");
    // About three weeks left: the round's 28 days from last week's release.
    expect(award.acceptBy!.getTime()).toBeGreaterThan(now.getTime() + 14 * DAY);
    expect(award.acceptBy!.getTime()).toBeLessThan(now.getTime() + 28 * DAY);
    expect(award.conditions).toContain("Police and Crime Commissioner");
    expect(award.pccFundedPence).toBeGreaterThan(0);
    expect(award.matchFundedPence).toBeGreaterThan(0);

    const reports = await db.monitoringReport.findMany({ where: { award: { ...ours, status: "accepted" } }, orderBy: { dueAt: "asc" } });
    const dueSoon = reports.filter((r) => r.status === "due" && r.dueAt > now && r.dueAt.getTime() < now.getTime() + 14 * DAY);
    expect(dueSoon.map((r) => r.title)).toEqual(["Mid-point report"]);
    expect(reports.some((r) => r.status === "due" && r.dueAt.getTime() > now.getTime() + 14 * DAY)).toBe(true);
    // No report of the applicant's is overdue: what waits is the one coming up.
    expect(reports.filter((r) => OUTSTANDING_REPORT.includes(r.status) && r.dueAt < now)).toEqual([]);
  });

  it("the fund administrator has a submitted monitoring report to review and an overdue report to chase", async () => {
    const now = new Date();
    const applicant = await user("applicant@demo.csf.test");
    const others = { award: { status: "accepted", bid: { organisation: { members: { none: { userId: applicant.id } } } } } };

    const submitted = await db.monitoringReport.findMany({
      where: { ...others, status: "submitted" },
      include: { outcomes: true, budgetLines: true, award: { include: { bid: { include: { outcomes: true, budgetLines: true } } } } },
    });
    expect(submitted.length).toBeGreaterThan(0);
    for (const report of submitted) {
      expect(report.submittedAt!.getTime()).toBeLessThan(now.getTime());
      expect(report.submittedById).not.toBeNull();
      expect(report.reviewedAt).toBeNull();
      expect(report.progress).not.toBe("");
      // Reported against the bid's own outcomes and budget lines, each once.
      expect(report.outcomes.map((o) => o.bidOutcomeId).sort()).toEqual(report.award.bid.outcomes.map((o) => o.id).sort());
      expect(report.budgetLines.map((l) => l.budgetLineId).sort()).toEqual(report.award.bid.budgetLines.map((l) => l.id).sort());
      for (const line of report.budgetLines) expect(line.spentPence).toBeGreaterThan(0);
    }

    const overdue = await db.monitoringReport.findMany({ where: { ...others, status: { in: OUTSTANDING_REPORT }, dueAt: { lt: now } } });
    expect(overdue.length).toBeGreaterThan(0);
  });

  it("money came back: an award declined by its applicant and money returned unspent on an accepted award", async () => {
    const declined = await db.award.findMany({ where: { status: { in: ["declined_by_applicant", "lapsed"] } } });
    expect(declined.length).toBeGreaterThan(0);
    const returns = await db.awardReturn.findMany({ include: { award: true } });
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) {
      expect(r.kind).toBe("returned");
      expect(r.roundId).toBe(r.award.roundId);
      expect(r.reason).not.toBe("");
      expect(r.award.status).toBe("accepted");
    }
    // The freed money is enough to offer the bid on the reserve list its request.
    const smallGrants = await db.round.findFirstOrThrow({ where: { slug: "2025-26-small-grants" }, include: { bids: { where: { status: "reserve" } } } });
    expect(smallGrants.bids).toHaveLength(1);
    expect(smallGrants.remainingPotPence).toBeGreaterThanOrEqual(smallGrants.bids[0]!.amountRequestedPence!);
  });

  it("each assessor has an assigned bid still to score, and one has declared a conflict", async () => {
    for (const email of ["assessor@demo.csf.test", "assessor2@demo.csf.test", "assessor3@demo.csf.test"]) {
      const assessor = await user(email);
      const waiting = await db.bid.findMany({
        where: {
          assignments: { some: { assessorId: assessor.id } },
          conflicts: { none: { assessorId: assessor.id } },
          assessments: { none: { assessorId: assessor.id, status: "submitted" } },
        },
      });
      expect(waiting.length, email).toBeGreaterThan(0);
      const { home, text } = await signInAndOpenHome(email);
      expect(home).toBe("/assessor");
      for (const bid of waiting) expect(text).toContain(bid.reference!);
      expect(text).toMatch(/Not started|In progress/);
    }
    const conflicts = await db.conflictDeclaration.findMany({ include: { bid: { select: { needsReassignment: true, status: true } } } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.bid).toEqual({ needsReassignment: true, status: "in_assessment" });
    const { text } = await signInAndOpenHome("assessor@demo.csf.test");
    expect(text).toContain("Conflict of interest");
  });

  it("the assessment round has submitted assessments, and one bid's assessors disagree enough to need moderation", async () => {
    const round = await db.round.findFirstOrThrow({ where: { slug: "2024-25-round-3" } });
    expect(await db.assessment.count({ where: { status: "submitted", bid: { roundId: round.id } } })).toBeGreaterThan(0);
    const administrator = await signInAndOpenHome("administrator@demo.csf.test");
    const results = textOf(await (await send(`/administrator/rounds/${round.id}/results`, { cookie: administrator.cookie })).text());
    expect(results).toContain("Needs moderation");
  });

  it("the fund administrator has bids to screen, a bid that needs another assessor, and an allocation waiting on the OPCC", async () => {
    const round = await db.round.findFirstOrThrow({ where: { slug: "2024-25-round-3" } });
    const unscreened = await db.bid.findMany({ where: { roundId: round.id, status: "submitted", screeningDecision: null } });
    expect(unscreened.length).toBeGreaterThan(0);

    const { home, cookie, text } = await signInAndOpenHome("administrator@demo.csf.test");
    expect(home).toBe("/administrator");
    for (const name of ["2025 to 2026, round 1", "2025 to 2026, small grants", "2024 to 2025, round 1", "2024 to 2025, round 2", "2024 to 2025, round 3"])
      expect(text).toContain(name);
    const screening = textOf(await (await send(`/administrator/rounds/${round.id}/screening`, { cookie })).text());
    for (const bid of unscreened) expect(screening).toContain(bid.reference!);
    const assignments = textOf(await (await send(`/administrator/rounds/${round.id}/assignments`, { cookie })).text());
    expect(assignments).toContain("Needs another assessor");

    const signOff = await db.round.findFirstOrThrow({ where: { allocationStatus: "approved" } });
    const allocation = textOf(await (await send(`/administrator/rounds/${signOff.id}/allocation`, { cookie })).text());
    expect(allocation).toContain("Approved, waiting for OPCC sign-off");
  });

  it("the two-stage round shows its stage dates, the fund administrator has expressions of interest to review and the applicant can start one", async () => {
    const round = await db.round.findFirstOrThrow({ where: { slug: "victims-services-2526-r1" } });
    const eois = await db.expressionOfInterest.findMany({ where: { roundId: round.id }, include: { organisation: true } });
    expect(eois.map((e) => e.status)).toEqual(["submitted", "submitted", "submitted"]);
    expect(eois.filter((e) => e.reviewDecision === null)).toHaveLength(2);
    // Not the demo applicant's organisation: they start their own.
    expect(eois.map((e) => e.organisation.name)).not.toContain("Darlington Youth Outreach");
    expect(await db.outboxEmail.count({ where: { template: "eoi-receipt" } })).toBe(3);

    const publicPage = textOf(await (await send(`/rounds/${round.slug}`)).text());
    expect(publicPage).toContain("Expressions of interest close");
    expect(publicPage).toContain("Full bids from invited organisations close");

    const administrator = await signInAndOpenHome("administrator@demo.csf.test");
    expect(administrator.text).toContain("Victims' Services: 2025 to 2026, round 1");
    expect(administrator.text).toContain("Expressions of interest for Victims' Services: 2025 to 2026, round 1");
    const list = textOf(await (await send(`/administrator/rounds/${round.id}/expressions-of-interest`, { cookie: administrator.cookie })).text());
    for (const eoi of eois) expect(list).toContain(eoi.title);
    expect(list).toContain("2 still to review");

    const applicant = await signInAndOpenHome("applicant@demo.csf.test");
    const start = await send(`/applicant/expressions-of-interest/new?round=${round.id}`, { cookie: applicant.cookie });
    expect(start.status).toBe(200);
    const startPage = textOf(await start.text());
    expect(startPage).toContain("Start an expression of interest");
    expect(startPage).not.toContain("not taking expressions of interest");
  });

  it("the OPCC has an approved allocation to sign off", async () => {
    const round = await db.round.findFirstOrThrow({ where: { allocationStatus: "approved", opccSignOffRequired: true } });
    const { home, cookie, text } = await signInAndOpenHome("opcc@demo.csf.test");
    expect(home).toBe("/opcc");
    expect(text).toContain(`Community Safety Fund: ${round.name}`);
    expect(text).not.toContain("No allocations are waiting for your sign-off");
    const page = await send(`/opcc/rounds/${round.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain("Sign off allocation");
  });

  it("the admin finds receipts, assignment and outcome emails in the outbox, the outcomes delivered to the mailbox", async () => {
    const released = await db.round.findMany({ where: { allocationStatus: "released" }, include: { bids: { include: { organisation: true } } } });
    const decided = released.flatMap((r) => r.bids);
    expect(new Set(decided.map((b) => b.status))).toEqual(new Set(["awarded", "reserve", "declined", "ineligible"]));
    for (const bid of decided) {
      expect(bid.decidedAt, bid.reference!).not.toBeNull();
      if (bid.status === "declined" || bid.status === "reserve") expect(bid.feedback, bid.reference!).toBeTruthy();
      if (bid.status === "ineligible") expect([bid.screeningReason, bid.screeningNote].every(Boolean), bid.reference!).toBe(true);
      const outcome = await db.outboxEmail.findUnique({ where: { idempotencyKey: `outcome:${bid.id}:0` } });
      expect(outcome?.toAddress, bid.reference!).toBe(bid.organisation.contactEmail);
      expect({ status: outcome?.status, deliveredVia: outcome?.deliveredVia }, bid.reference!).toEqual({ status: "sent", deliveredVia: "mailbox" });
      expect(outcome!.sentAt!.getTime()).toBeGreaterThanOrEqual(bid.decidedAt!.getTime());
      const template = { awarded: "outcome-award", reserve: "outcome-reserve", declined: "outcome-decline", ineligible: "outcome-ineligible" }[bid.status];
      expect(outcome!.template, bid.reference!).toBe(template);
    }
    const templates = (await db.outboxEmail.groupBy({ by: ["template"], _count: { _all: true } })).map((g) => g.template);
    expect(templates).toEqual(
      expect.arrayContaining(["submission-receipt", "assessor-assignment", "outcome-award", "outcome-reserve", "outcome-decline", "outcome-ineligible"]),
    );

    // The end-to-end mailbox test picks out this address's one email, the open round's first receipt.
    const watch = await db.outboxEmail.findMany({ where: { toAddress: "bids@durham-watch.demo.csf.test" } });
    expect(watch.map((e) => e.subject)).toEqual([expect.stringContaining("CSF-2526-R1-0001")]);

    const { home, cookie } = await signInAndOpenHome("admin@demo.csf.test");
    expect(home).toBe("/admin");
    // The outbox pages 50 at a time, newest first: the admin reads every page.
    let outbox = "";
    for (let page = 1; page <= 20; page++) {
      const html = await (await send(`/admin/outbox?page=${page}`, { cookie })).text();
      outbox += textOf(html);
      if (!html.includes(`page=${page + 1}`)) break;
    }
    expect(outbox).toContain("We have received your bid CSF-2526-R1-0001");
    expect(outbox).toContain("Your bid CSF-2425-R1-0002 has been awarded funding");
    expect(outbox).toContain("Bid to assess: CSF-2425-R3-0001");
    const mailbox = textOf(await (await send("/admin/mailbox", { cookie })).text());
    expect(mailbox).toContain("Your bid CSF-2526-SG-0001 has been awarded funding");
    expect(mailbox).toContain("Your bid CSF-2526-SG-0004 is on the reserve list");
    expect(mailbox).toContain("CSF-2526-SG-0006");
  });

  it("publishes each released round's grants: a public page and a 360Giving file valid against the official schema, with registered ids", async () => {
    const released = await db.round.findMany({ where: { outcomesReleasedAt: { not: null } }, select: { slug: true } });
    expect(released.length).toBeGreaterThanOrEqual(2);
    const recipientIds: string[] = [];
    for (const { slug } of released) {
      expect((await send(`/awards/${slug}`)).status).toBe(200);
      const response = await send(`/awards/${slug}/360giving.json`);
      expect(response.status, slug).toBe(200);
      const pkg = (await response.json()) as { grants: { recipientOrganization: { id: string }[] }[] };
      expect(officialSchemaProblems(pkg), slug).toEqual([]);
      recipientIds.push(...pkg.grants.map((g) => g.recipientOrganization[0]!.id));
    }
    expect(recipientIds).toEqual(expect.arrayContaining([expect.stringMatching(/^GB-CHC-\d+$/), expect.stringMatching(/^GB-COH-\d{8}$/)]));
  });
});
