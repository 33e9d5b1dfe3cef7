// The pot rule over EVERY operation that touches money or the states it depends on (ADR 0010),
// on SQLite and PostgreSQL: random sequences of approve, propose, sign off or send back, release,
// return or decline an award, offer to a reserve bid, save round details, withdraw and screen out,
// the applicant accepting or declining, an award lapsing at its deadline (two workers at once) and
// money returned on an award, fired several at a time with Promise.all. After every step:
//   awards holding money + remaining pot = pot, exactly; remaining >= 0;
//   no approved or released award on a withdrawn, ineligible or declined bid;
//   every bid and award state is one the design allows, and awards agree with their bids;
//   no award has returned more than it was given, and its returns add up to what it says.
// A failing run is shrunk by fast-check and printed as the list of steps that broke it.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { approveAwards } from "~/domain/allocation/approval.server";
import { approveAllocation, releaseOutcomes, signOffAllocation } from "~/domain/allocation/decisions.server";
import { potLedger } from "~/domain/allocation/pot-ledger.server";
import { offerAward, returnAward } from "~/domain/allocation/reserve.server";
import { loadAllocation, rankOrderSuggestion, saveProposal } from "~/domain/allocation/workspace.server";
import { screenBid } from "~/domain/assessment/screening.server";
import { AWARD_STATUSES } from "~/domain/awards/award-status";
import { lapseOverdueAwards } from "~/domain/awards/lapse.server";
import { acceptAward, declineAward } from "~/domain/awards/response.server";
import { recordAwardReturn } from "~/domain/awards/round-awards.server";
import { withdrawBid } from "~/domain/bids/submission.server";
import { updateRoundDetails } from "~/domain/rounds/round-details.server";
import { db } from "~/lib/db.server";
import { penceToInput } from "~/lib/money";
import { SCORES } from "../support/allocation";
import { emptyDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
const BIDS = 5;
// Bid i (0-based) asks for £1,000 × (i + 1) and is scored as in the allocation fixtures, so with one
// assessor bid 5 falls below the 50% line.
const NUM_RUNS = Number(process.env.POT_INVARIANT_RUNS ?? 200);

const BID_STATES = new Set(["draft", "submitted", "ineligible", "in_assessment", "awarded", "reserve", "declined", "withdrawn"]);
const AWARD_STATES = new Set<string>(AWARD_STATUSES);
/** The bid states each award state may sit on. */
const AWARD_ON_BID: Record<string, Set<string>> = {
  proposed: new Set(["submitted", "in_assessment", "reserve"]),
  approved: new Set(["in_assessment", "reserve"]),
  released: new Set(["awarded"]),
  accepted: new Set(["awarded"]),
  closed: new Set(["awarded"]),
  declined_by_applicant: new Set(["awarded"]),
  lapsed: new Set(["awarded"]),
  // Holds no money: a cancelled proposal or approval stays on whatever the bid became next.
  withdrawn: BID_STATES,
};

let fundId: string;
let organisationId: string;
let applicant: { id: string; role: "applicant" };
let administratorId: string;
let opccId: string;
let assessorId: string;
let reasonId: string;
let runNumber = 0;

beforeAll(async () => {
  await emptyDatabase();
  const fund = await db.fund.create({ data: { slug: "csf", code: "CSF", name: "Community Safety Fund", description: "Test fund" } });
  const user = (role: string, name: string) => db.user.create({ data: { email: `${name}@pot-invariant.test`, name, role, passwordHash: "x" } });
  const [applicantUser, administrator, opcc, assessor] = await Promise.all([
    user("applicant", "applicant"),
    user("fund_administrator", "administrator"),
    user("opcc_sign_off", "opcc"),
    user("assessor", "assessor"),
  ]);
  const organisation = await db.organisation.create({
    data: {
      name: "Safe Streets CIC",
      type: "cic",
      addressLine1: "4 Saddler Street",
      town: "Durham",
      postcode: "DH1 3NP",
      contactName: "Harry",
      contactEmail: "harry@pot-invariant.test",
      members: { create: { userId: applicantUser.id, role: "owner" } },
    },
  });
  const reason = await db.ineligibilityReason.create({ data: { fundId: fund.id, text: "Outside the eligible areas", position: 0 } });
  fundId = fund.id;
  organisationId = organisation.id;
  applicant = { id: applicantUser.id, role: "applicant" };
  administratorId = administrator.id;
  opccId = opcc.id;
  assessorId = assessor.id;
  reasonId = reason.id;
});

type Setup = { roundId: string; bidIds: string[]; opensInFuture: boolean };

/** A round of five scored bids in assessment; open and closed, or (for pot edits) not yet open. */
async function setUpRound(potPence: number, opccSignOffRequired: boolean, opensInFuture: boolean): Promise<Setup> {
  runNumber += 1;
  const now = Date.now();
  const base = Math.floor(potPence * 0.6);
  const rolled = Math.floor(potPence * 0.2);
  const round = await db.round.create({
    data: {
      fundId,
      slug: `inv-${runNumber}`,
      code: `2627-R${runNumber}`,
      name: `Invariant ${runNumber}`,
      opensAt: new Date(opensInFuture ? now + 10 * DAY : now - 30 * DAY),
      closesAt: new Date(opensInFuture ? now + 40 * DAY : now - DAY),
      baseAllocationPence: base,
      rolledForwardPence: rolled,
      matchFundingPence: potPence - base - rolled,
      remainingPotPence: potPence,
      minAwardPence: 10_000,
      maxAwardPence: Math.min(2_500_000, potPence),
      opccSignOffRequired,
      qualityThresholdPercent: 50,
      assessorsPerBid: 1,
      areas: { create: [{ name: "County Durham", position: 0 }] },
      priorities: { create: [{ title: "Reducing anti-social behaviour", position: 0 }] },
      criteria: { create: [40, 35, 25].map((weightPercent, position) => ({ title: `Criterion ${position + 1}`, weightPercent, maxScore: 4, position })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const bidIds: string[] = [];
  for (let i = 0; i < BIDS; i++) {
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId,
        createdById: applicant.id,
        reference: `CSF-2627-R${runNumber}-${String(i + 1).padStart(4, "0")}`,
        status: "in_assessment",
        title: `Bid ${i + 1}`,
        amountRequestedPence: 100_000 * (i + 1),
        submittedAt: new Date(now - 2 * DAY + i * 60_000),
        assessments: {
          create: {
            assessorId,
            status: "submitted",
            recommendation: "fund",
            submittedAt: new Date(),
            scores: { create: round.criteria.map((c, j) => ({ criterionId: c.id, score: SCORES[i]![j]! })) },
          },
        },
      },
      select: { id: true },
    });
    bidIds.push(bid.id);
  }
  return { roundId: round.id, bidIds, opensInFuture };
}

// ---- the operations ---------------------------------------------------------------------------

const bidIndex = fc.integer({ min: 0, max: BIDS - 1 });
/** A share of the amount requested, in tenths (so awards of 10% to 100% of the request). */
const share = fc.integer({ min: 1, max: 10 });

// Weighted so that whole journeys (propose, approve, sign off, release, then returns and offers)
// happen often, not only their refusals.
const operation = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("propose" as const), shares: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: BIDS, maxLength: BIDS }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("proposeRankOrder" as const), mode: fc.constantFrom("skip" as const, "part_fund" as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("approve" as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("approveOne" as const), bid: bidIndex, share }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("signOff" as const), decision: fc.constantFrom("approved" as const, "approved" as const, "sent_back" as const) }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("release" as const), reserve: fc.array(fc.boolean(), { minLength: BIDS, maxLength: BIDS }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant("return" as const), bid: bidIndex, as: fc.constantFrom("withdrawn" as const, "declined_by_applicant" as const) }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("offer" as const), bid: bidIndex, share }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("details" as const),
      change: fc.constantFrom("name" as const, "raisePot" as const, "cutPot" as const, "opcc" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("withdraw" as const), bid: bidIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("screenOut" as const), bid: bidIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("accept" as const), bid: bidIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("decline" as const), bid: bidIndex }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("lapse" as const), bid: bidIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("returnMoney" as const),
      bid: bidIndex,
      share,
      kind: fc.constantFrom("returned" as const, "clawed_back" as const),
    }),
  },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const requested = (i: number) => 100_000 * (i + 1);
const amountFor = (i: number, tenths: number) => Math.round((requested(i) * tenths) / 10);

const pick = <T>(items: T[], n: number): T | undefined => items[n % Math.max(1, items.length)];

/** One of the round's awards in these states (by the step's index), or any bid's award if none is. */
async function awardIn(setup: Setup, statuses: string[], n: number) {
  const awards = await db.award.findMany({
    where: { roundId: setup.roundId, status: { in: statuses } },
    orderBy: { bid: { reference: "asc" } },
    select: { id: true, bidId: true, amountPence: true },
  });
  return pick(awards, n) ?? { id: "no-such-award", bidId: setup.bidIds[n]!, amountPence: 100_000 };
}

async function allocation(roundId: string) {
  const loaded = await loadAllocation(roundId);
  if (!loaded) throw new Error("round vanished");
  return loaded;
}

/**
 * Runs one operation as the route would and says whether it was carried out; refusals are normal
 * answers, only throwing is a fault.
 */
async function perform(setup: Setup, step: Operation): Promise<boolean> {
  const { roundId, bidIds } = setup;
  switch (step.op) {
    case "proposeRankOrder": {
      const current = await allocation(roundId);
      return (await saveProposal(current, administratorId, rankOrderSuggestion(current, step.mode).values)).ok;
    }
    case "propose": {
      // Any share of each request, as typed; the bid below the quality line is left blank, as the
      // workspace would refuse it.
      const values = Object.fromEntries(
        bidIds.map((id, i) => [id, { amount: step.shares[i] && i < BIDS - 1 ? penceToInput(amountFor(i, step.shares[i]!)) : "", conditions: "" }]),
      );
      return (await saveProposal(await allocation(roundId), administratorId, values)).ok;
    }
    case "approve":
      return (await approveAllocation(await allocation(roundId), administratorId)).ok;
    case "approveOne":
      return (await approveAwards({ roundId, actorId: administratorId, awards: [{ bidId: bidIds[step.bid]!, amountPence: amountFor(step.bid, step.share) }] }))
        .ok;
    case "signOff":
      return (
        await signOffAllocation(
          roundId,
          opccId,
          step.decision === "approved" ? { decision: "approved" } : { decision: "sent_back", comment: "Please look again" },
        )
      ).ok;
    case "release": {
      // Of the bids ticked, those the release form offers as reserve choices.
      const current = await allocation(roundId);
      const choices = new Set(
        current.rows.filter((r) => r.status === "in_assessment" && r.meetsThreshold && r.award?.status !== "approved").map((r) => r.bidId),
      );
      // The first tick stands for "put every choice on the reserve list", so offers have work often.
      const reserve = bidIds.filter((id, i) => (step.reserve[0] || step.reserve[i]) && choices.has(id));
      return (await releaseOutcomes(current, administratorId, { page: { bidIds: reserve, reserve, feedback: {} } })).ok;
    }
    case "return": {
      // One of the awards the page lists as released (any bid, if there are none).
      const current = await allocation(roundId);
      const bidId =
        pick(
          current.rows.filter((r) => r.award?.status === "released").map((r) => r.bidId),
          step.bid,
        ) ?? bidIds[step.bid]!;
      return (await returnAward(current, bidId, administratorId, step.as)).ok;
    }
    case "offer": {
      // One of the bids on the reserve list (any bid, if there are none).
      const current = await allocation(roundId);
      const bidId =
        pick(
          current.rows.filter((r) => r.status === "reserve").map((r) => r.bidId),
          step.bid,
        ) ?? bidIds[step.bid]!;
      const i = bidIds.indexOf(bidId);
      return (await offerAward(current, bidId, administratorId, { amount: penceToInput(amountFor(i, step.share)), conditions: "" })).ok;
    }
    case "details": {
      const round = await db.round.findUniqueOrThrow({ where: { id: roundId } });
      const input =
        step.change === "name"
          ? { name: `Renamed ${Date.now()}` }
          : step.change === "opcc"
            ? { opccSignOffRequired: round.opccSignOffRequired ? "no" : "yes" }
            : { baseAllocation: penceToInput(Math.max(0, round.baseAllocationPence + (step.change === "raisePot" ? 50_000 : -150_000))) };
      return (await updateRoundDetails(administratorId, roundId, input, new Date())).ok;
    }
    case "withdraw":
      return (await withdrawBid(bidIds[step.bid]!, applicant, new Date())).ok;
    case "screenOut":
      return (await screenBid(administratorId, roundId, bidIds[step.bid]!, { decision: "ineligible", reasonId, note: "" }, new Date())).ok;
    case "accept":
      return (await acceptAward((await awardIn(setup, ["released"], step.bid)).bidId, applicant, new Date())).ok;
    case "decline":
      return (await declineAward((await awardIn(setup, ["released"], step.bid)).bidId, applicant, "We cannot run the project now", new Date())).ok;
    case "lapse": {
      // Time passes for one released award: its deadline is behind us, and two workers run the
      // lapse job at once (this one award, or any other whose deadline passed, lapses once).
      const award = await awardIn(setup, ["released"], step.bid);
      await db.award.updateMany({ where: { id: award.id, status: "released" }, data: { acceptBy: new Date(Date.now() - 1000) } });
      const [a, b] = await Promise.all([lapseOverdueAwards(new Date()), lapseOverdueAwards(new Date())]);
      return (await db.award.count({ where: { id: award.id, status: "lapsed" } })) === 1 && a + b >= 1;
    }
    case "returnMoney": {
      // A share of the award, which may be more than it has left: then refused.
      const award = await awardIn(setup, ["released", "accepted", "closed"], step.bid);
      const amount = penceToInput(Math.max(1, Math.round((award.amountPence * step.share) / 10)));
      return (await recordAwardReturn(roundId, administratorId, { awardId: award.id, amount, kind: step.kind, reason: "Underspent" }, new Date())).ok;
    }
  }
}

async function checkInvariants(roundId: string) {
  const ledger = await potLedger(roundId);
  expect(ledger, "pot ledger").not.toBeNull();
  expect(ledger!.remainingPotPence, "remaining pot is never negative").toBeGreaterThanOrEqual(0);
  expect(ledger!.heldPence + ledger!.remainingPotPence, "awards holding money + remaining = pot").toBe(ledger!.potPence);

  const bids = await db.bid.findMany({ where: { roundId }, select: { reference: true, status: true, award: { select: { status: true, amountPence: true } } } });
  for (const bid of bids) {
    expect(BID_STATES.has(bid.status), `${bid.reference} has a known state (${bid.status})`).toBe(true);
    if (!bid.award) continue;
    expect(AWARD_STATES.has(bid.award.status), `${bid.reference}'s award has a known state (${bid.award.status})`).toBe(true);
    expect(AWARD_ON_BID[bid.award.status]!.has(bid.status), `${bid.reference}: a ${bid.award.status} award on a ${bid.status} bid`).toBe(true);
    expect(bid.award.amountPence).toBeGreaterThan(0);
  }
  const awards = await db.award.findMany({
    where: { roundId },
    select: { id: true, amountPence: true, returnedPence: true, returns: { select: { amountPence: true } } },
  });
  for (const award of awards) {
    expect(award.returnedPence, "an award never returns more than it was given").toBeLessThanOrEqual(award.amountPence);
    expect(
      award.returns.reduce((sum, r) => sum + r.amountPence, 0),
      "an award's returns add up to its returned money",
    ).toBe(award.returnedPence);
  }
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { allocationStatus: true } });
  if (round.allocationStatus === "released") {
    expect(
      bids.filter((b) => b.award?.status === "approved" || b.award?.status === "proposed"),
      "a released round keeps no undecided awards",
    ).toEqual([]);
  }
}

describe("the pot balances after every operation, whatever runs at the same time", () => {
  it(`holds over ${NUM_RUNS} generated runs of concurrent operations`, { timeout: 1_800_000 }, async () => {
    const run = fc.record({
      potPence: fc.integer({ min: 300_000, max: 1_100_000 }),
      opccSignOffRequired: fc.boolean(),
      opensInFuture: fc.boolean(),
      steps: fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
    });
    type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;
    // One whole journey always runs first, so every kind of operation is carried out at least once
    // whatever the generated runs happen to draw: withdraw and rename at once, propose, approve one
    // award directly, approve, send back, approve again, sign off, screen out the bid holding the
    // direct award, release with a reserve bid, a declined award, and an offer to the reserve bid.
    const journey: Run = {
      potPence: 500_000,
      opccSignOffRequired: true,
      opensInFuture: false,
      steps: [
        [
          { op: "details", change: "name" },
          { op: "withdraw", bid: 4 },
        ],
        [{ op: "propose", shares: [10, 0, 0, 0, 0] }],
        [{ op: "proposeRankOrder", mode: "skip" }],
        [{ op: "approveOne", bid: 3, share: 1 }],
        [{ op: "approve" }],
        [{ op: "signOff", decision: "sent_back" }],
        [{ op: "approve" }],
        [{ op: "signOff", decision: "approved" }],
        [{ op: "screenOut", bid: 3 }],
        [{ op: "release", reserve: [true, false, false, false, false] }],
        [{ op: "return", bid: 0, as: "declined_by_applicant" }],
        [{ op: "offer", bid: 0, share: 5 }],
      ],
    };
    // And one for after the decision: four awards released, then the applicant accepts one,
    // declines one, one lapses, money is returned and clawed back, and an acceptance races a
    // decline on the last.
    const afterDecision: Run = {
      potPence: 1_100_000,
      opccSignOffRequired: false,
      opensInFuture: false,
      steps: [
        [{ op: "propose", shares: [10, 10, 10, 10, 0] }],
        [{ op: "approve" }],
        [{ op: "release", reserve: [false, false, false, false, false] }],
        [{ op: "accept", bid: 0 }],
        [{ op: "decline", bid: 0 }],
        [{ op: "lapse", bid: 0 }],
        [{ op: "returnMoney", bid: 0, share: 2, kind: "returned" }],
        [
          { op: "accept", bid: 0 },
          { op: "decline", bid: 0 },
          { op: "returnMoney", bid: 0, share: 9, kind: "clawed_back" },
        ],
      ],
    };
    const carriedOut = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(run, async ({ potPence, opccSignOffRequired, opensInFuture, steps }) => {
        const setup = await setUpRound(potPence, opccSignOffRequired, opensInFuture);
        for (const [index, batch] of steps.entries()) {
          const outcomes = await Promise.allSettled(batch.map((step) => perform(setup, step)));
          outcomes.forEach((o, i) => {
            if (o.status === "fulfilled" && o.value) carriedOut.set(batch[i]!.op, (carriedOut.get(batch[i]!.op) ?? 0) + 1);
          });
          const faults = outcomes.flatMap((o, i) => (o.status === "rejected" ? [`${JSON.stringify(batch[i])}: ${String(o.reason)}`] : []));
          expect(faults, `step ${index + 1} threw instead of answering`).toEqual([]);
          await checkInvariants(setup.roundId);
        }
      }),
      { numRuns: NUM_RUNS, verbose: 1, examples: [[journey], [afterDecision]] },
    );
    // The runs did real work: every kind of operation was carried out somewhere, not only refused.
    console.info("operations carried out (the rest were refused):", Object.fromEntries(carriedOut));
    expect([...carriedOut.keys()].sort()).toEqual([
      "accept",
      "approve",
      "approveOne",
      "decline",
      "details",
      "lapse",
      "offer",
      "propose",
      "proposeRankOrder",
      "release",
      "return",
      "returnMoney",
      "screenOut",
      "signOff",
      "withdraw",
    ]);
  });
});
