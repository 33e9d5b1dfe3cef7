// The demo data, made by the run command's own seed script (as scripts/demo.sh runs it) in the
// test database: a round in every phase, work waiting for every demo account on sign-in, and the
// pot of every round adding up.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { potPence } from "~/domain/rounds/pot";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { cookieFrom, send } from "../support/app";
import { emptyDatabase } from "../support/database";

function runSeed() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { env: process.env, encoding: "utf8", timeout: 240_000 });
  if (result.status !== 0) throw new Error(`the seed failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Signs in through the sign-in form with the demo password and returns the home page's text. */
async function signInAndOpenHome(email: string) {
  const signIn = await send("/sign-in", { form: { email, password: DEMO_PASSWORD, redirectTo: "" } });
  expect(signIn.status, `signing in as ${email}`).toBe(302);
  const home = signIn.headers.get("Location")!;
  const cookie = cookieFrom(signIn);
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

  it("has a round in every phase: open, closed in assessment, awaiting OPCC sign-off, released", async () => {
    const now = new Date();
    const rounds = await db.round.findMany({ include: { bids: { select: { status: true } } } });
    const open = rounds.filter((r) => r.opensAt <= now && now < r.closesAt);
    expect(open.map((r) => r.slug)).toEqual(["2025-26-round-1"]);

    const inAssessment = rounds.filter((r) => r.closesAt <= now && r.allocationStatus === "open" && r.bids.some((b) => b.status === "in_assessment"));
    expect(inAssessment).toHaveLength(1);

    const awaitingSignOff = rounds.filter((r) => r.closesAt <= now && r.opccSignOffRequired && r.allocationStatus === "approved");
    expect(awaitingSignOff).toHaveLength(1);
    expect(await db.award.count({ where: { roundId: awaitingSignOff[0]!.id, status: "approved" } })).toBeGreaterThan(0);

    const released = rounds.filter((r) => r.allocationStatus === "released");
    expect(released).toHaveLength(1);
    expect(released[0]!.outcomesReleasedAt!.getTime()).toBeLessThan(now.getTime());
    expect(new Set(released[0]!.bids.map((b) => b.status))).toEqual(new Set(["awarded", "reserve", "declined"]));
  });

  it("keeps every round's pot whole: remaining + approved and released awards = base + rolled forward + match", async () => {
    const rounds = await db.round.findMany({ include: { awards: true } });
    expect(rounds.length).toBeGreaterThanOrEqual(4);
    for (const round of rounds) {
      const awarded = round.awards.filter((a) => a.status === "approved" || a.status === "released").reduce((sum, a) => sum + a.amountPence, 0);
      expect(round.remainingPotPence, round.code).toBeGreaterThanOrEqual(0);
      expect(round.remainingPotPence + awarded, round.code).toBe(potPence(round));
    }
  });

  it("gives awards only where the workflow would, and every bid a reference in its round's format", async () => {
    const awards = await db.award.findMany({ include: { bid: { select: { status: true, roundId: true } }, round: { select: { allocationStatus: true } } } });
    expect(awards.length).toBeGreaterThan(0);
    for (const award of awards) {
      expect(award.bid.roundId).toBe(award.roundId);
      expect(award.pccFundedPence + award.matchFundedPence).toBe(award.amountPence);
      if (award.status === "approved") {
        expect(["in_assessment", "reserve"]).toContain(award.bid.status);
        expect(award.round.allocationStatus).not.toBe("released");
      } else {
        expect(award.status).toBe("released");
        expect(award.bid.status).toBe("awarded");
        expect(award.round.allocationStatus).toBe("released");
      }
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
    expect(mine.some((b) => b.status === "awarded")).toBe(true);

    const { home, text } = await signInAndOpenHome(applicant.email);
    expect(home).toBe("/applicant");
    expect(text).toContain("Friday night detached youth work");
    expect(text).toContain("Draft");
    expect(text).toContain("Being assessed");
    expect(text).toMatch(/Awarded.*Award: £12,000\.00/);
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
    for (const name of ["2025 to 2026, round 1", "2024 to 2025, round 1", "2024 to 2025, round 2", "2024 to 2025, round 3"]) expect(text).toContain(name);
    const screening = textOf(await (await send(`/administrator/rounds/${round.id}/screening`, { cookie })).text());
    for (const bid of unscreened) expect(screening).toContain(bid.reference!);
    const assignments = textOf(await (await send(`/administrator/rounds/${round.id}/assignments`, { cookie })).text());
    expect(assignments).toContain("Needs another assessor");

    const signOff = await db.round.findFirstOrThrow({ where: { allocationStatus: "approved" } });
    const allocation = textOf(await (await send(`/administrator/rounds/${signOff.id}/allocation`, { cookie })).text());
    expect(allocation).toContain("Approved, waiting for OPCC sign-off");
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

  it("the admin finds receipts, assignment and outcome emails in the outbox", async () => {
    const released = await db.round.findFirstOrThrow({ where: { allocationStatus: "released" }, include: { bids: true } });
    for (const bid of released.bids) {
      const outcome = await db.outboxEmail.findUnique({ where: { idempotencyKey: `outcome:${bid.id}:0` } });
      expect(outcome?.template, bid.reference!).toBe(
        bid.status === "awarded" ? "outcome-award" : bid.status === "reserve" ? "outcome-reserve" : "outcome-decline",
      );
    }
    const templates = (await db.outboxEmail.groupBy({ by: ["template"], _count: { _all: true } })).map((g) => g.template);
    expect(templates).toEqual(expect.arrayContaining(["submission-receipt", "assessor-assignment", "outcome-award", "outcome-reserve", "outcome-decline"]));

    // The end-to-end mailbox test picks out this address's one email, the open round's first receipt.
    const watch = await db.outboxEmail.findMany({ where: { toAddress: "bids@durham-watch.demo.csf.test" } });
    expect(watch.map((e) => e.subject)).toEqual([expect.stringContaining("CSF-2526-R1-0001")]);

    const { home, cookie } = await signInAndOpenHome("admin@demo.csf.test");
    expect(home).toBe("/admin");
    const outbox = textOf(await (await send("/admin/outbox", { cookie })).text());
    expect(outbox).toContain("We have received your bid CSF-2526-R1-0001");
    expect(outbox).toContain("Your bid CSF-2425-R1-0002 has been awarded funding");
    expect(outbox).toContain("Bid to assess: CSF-2425-R3-0001");
  });
});
