// Demo rounds in the later phases of a round's life, so that every demo account has work waiting
// on sign-in: a closed round in assessment, a round whose allocation waits for OPCC sign-off, a
// round released last week (awards to accept, one declined) and a round released a year ago
// (accepted awards with monitoring reports due, submitted and overdue, and money returned).
// Added by the run command's seed beside the open round of `seedDemo`.
//
// Bids arrive as the existing seed makes them (a complete, submitted bid with its snapshot and
// receipt); from then on every step goes through the portal's own domain functions (screening,
// assignment, the conflict question, scoring, the proposal, approval, sign-off, release), which
// write to the application's database client: `db` must be that client (`~/lib/db.server`).
// Those functions stamp what they write with the present time, so each step is run "as of" a
// day in the past and its timestamps are moved back to that day afterwards. What happens after
// release (acceptance, monitoring reports, returned money) is written directly, dated as given.
import { approveAllocation, releaseOutcomes, signOffAllocation } from "../app/domain/allocation/decisions.server";
import { returnAward } from "../app/domain/allocation/reserve.server";
import { loadAllocation, saveProposal } from "../app/domain/allocation/workspace.server";
import { answerConflictQuestion, findAssignedBid, loadCriteriaForBid, saveAssessment } from "../app/domain/assessment/assessor-bids.server";
import type { Recommendation } from "../app/domain/assessment/assessment-form";
import { assignAutomatically, assignByHand } from "../app/domain/assessment/assignment.server";
import { screenBid } from "../app/domain/assessment/screening.server";
import { formatBidReference } from "../app/domain/bids/reference";
import { acceptanceDeadline } from "../app/domain/awards/acceptance";
import { buildSubmittedSnapshot } from "../app/domain/bids/snapshot";
import { emailKeys } from "../app/domain/email/idempotency-keys";
import { queueEmail } from "../app/domain/email/outbox.server";
import type { Db } from "../app/lib/db.server";
import { createMonitoringReports } from "../app/domain/monitoring/schedule.server";
import { env } from "../app/lib/env.server";
import { renderSubmissionReceipt } from "../emails/submission-receipt";
import { CSF_ROUND_SET_UP, DAY } from "./demo-data";

/** More organisations bidding to the fund, each with its owner (an applicant account). */
const MORE_ORGANISATIONS = [
  {
    owner: { email: "team@auckland-refuge.demo.csf.test", name: "Nadia Hussain" },
    data: {
      name: "Bishop Auckland Women's Refuge",
      type: "registered_charity",
      charityNumber: "1093318",
      addressLine1: "7 Newgate Street",
      town: "Bishop Auckland",
      postcode: "DL14 7EG",
      annualIncomePence: 42_000_000,
    },
  },
  {
    owner: { email: "info@consett-shed.demo.csf.test", name: "Tom Wardle" },
    data: {
      name: "Consett Community Shed",
      type: "cio",
      charityNumber: "1184467",
      addressLine1: "Unit 3, Berry Edge Road",
      town: "Consett",
      postcode: "DH8 5EU",
      annualIncomePence: 3_100_000,
    },
  },
  {
    owner: { email: "office@stanley-partnership.demo.csf.test", name: "Joan Hetherington" },
    data: {
      name: "Stanley Community Partnership",
      type: "unincorporated_group",
      addressLine1: "Civic Hall, Front Street",
      town: "Stanley",
      postcode: "DH9 0NA",
      annualIncomePence: 1_900_000,
    },
  },
  {
    owner: { email: "coach@seaham-boxing.demo.csf.test", name: "Lee Raine" },
    data: {
      name: "Seaham Boxing Academy",
      type: "cic",
      companyNumber: "12544301",
      addressLine1: "North Road",
      town: "Seaham",
      postcode: "SR7 7AA",
      annualIncomePence: 6_800_000,
    },
  },
] as const;

/**
 * Who bids: the demo applicant, Safe Streets CIC (seeded with the open round) and the four above.
 * Not the Durham Neighbourhood Watch Association: the end-to-end mailbox test finds its one email,
 * the receipt for the open round's first bid.
 */
type Bidder = "applicant" | "safe-streets" | "stanley-partnership" | "auckland-refuge" | "consett-shed" | "seaham-boxing";

const BIDDER_EMAIL: Record<Bidder, string> = {
  applicant: "applicant@demo.csf.test",
  "stanley-partnership": "office@stanley-partnership.demo.csf.test",
  "safe-streets": "hello@safe-streets.demo.csf.test",
  "auckland-refuge": "team@auckland-refuge.demo.csf.test",
  "consett-shed": "info@consett-shed.demo.csf.test",
  "seaham-boxing": "coach@seaham-boxing.demo.csf.test",
};

/**
 * Scores on the four criteria (out of 4), weighted 30, 30, 25 and 15 per cent:
 * strong 88.75%, good 75%, fair 68.75%, adequate 63.75%, weak 36.25% (the threshold is 50%).
 */
const PROFILES = {
  strong: [4, 3, 4, 3],
  good: [3, 3, 3, 3],
  fair: [3, 3, 2, 3],
  adequate: [3, 2, 3, 2],
  weak: [1, 2, 1, 2],
} as const;
type Profile = keyof typeof PROFILES;

type BidSpec = {
  by: Bidder;
  title: string;
  summary: string;
  amountPence: number;
  areas: readonly string[];
  priorities: readonly string[];
  outcome: readonly [string, string, string];
  /** What most of the money pays for, and a smaller line part paid from other funding. */
  items: readonly [string, string];
  profile: Profile;
  /** The project's start and end, in days after the round closes (default 60 and 424: a year). */
  project?: { startDays: number; endDays: number };
};

type RoundSpec = {
  slug: string;
  code: string;
  name: string;
  description: string;
  opensInDays: number;
  closesInDays: number;
  baseAllocationPence: number;
  rolledForwardPence: number;
  matchFundingPence: number;
  /** The largest award (default £15,000). */
  maxAwardPence?: number;
  bids: readonly BidSpec[];
};

const CONDITIONS =
  "Send a monitoring report at the project's mid-point and at its end.\nSay in your publicity that the Police and Crime Commissioner funds the project.";

/** The monitoring reports every award of a round owes, dated from the bid's own project dates. */
const REPORT_STAGES = [
  { position: 0, title: "Mid-point report", relativeTo: "midpoint", offsetDays: 14 },
  { position: 1, title: "Final report", relativeTo: "end", offsetDays: 28 },
] as const;

/** Adds the four rounds. Returns their ids by phase. */
export async function seedDemoPhases(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const ctx = await loadContext(db);
  await addOrganisations(db, ctx);
  const released = await seedReleasedRound(db, ctx, now);
  const recentlyReleased = await seedSmallGrantsRound(db, ctx, now);
  const awaitingSignOff = await seedSignOffRound(db, ctx, now);
  const inAssessment = await seedAssessmentRound(db, ctx, now);
  return { releasedRoundId: released, recentlyReleasedRoundId: recentlyReleased, signOffRoundId: awaitingSignOff, assessmentRoundId: inAssessment };
}

type Context = Awaited<ReturnType<typeof loadContext>>;

async function loadContext(db: Db) {
  const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
  const user = async (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const [administrator, opcc, ben, chloe, isla, applicant] = await Promise.all(
    [
      "administrator@demo.csf.test",
      "opcc@demo.csf.test",
      "assessor@demo.csf.test",
      "assessor2@demo.csf.test",
      "assessor3@demo.csf.test",
      "applicant@demo.csf.test",
    ].map(user),
  );
  return { fund, administrator: administrator!, opcc: opcc!, assessors: { ben: ben!, chloe: chloe!, isla: isla! }, applicant: applicant! };
}

async function addOrganisations(db: Db, ctx: Context) {
  const { passwordHash } = ctx.applicant;
  for (const o of MORE_ORGANISATIONS) {
    const owner = await db.user.create({ data: { ...o.owner, role: "applicant", passwordHash } });
    await db.organisation.create({
      data: { ...o.data, contactName: o.owner.name, contactEmail: o.owner.email, members: { create: { userId: owner.id, role: "owner" } } },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The released round: three awards, one bid on the reserve list, one not funded, and what is
// left of the pot (£2,000) rolled forward into the next round. A year on, the three awards were
// accepted and their projects are under way: each owes a mid-point and a final report. The demo
// applicant's mid-point report falls due within two weeks; Seaham Boxing Academy's is submitted
// and waits for the administrator's review; Stanley Community Partnership's is overdue, and it
// has returned money it did not need.

const RELEASED: RoundSpec = {
  slug: "2024-25-round-1",
  code: "2425-R1",
  name: "2024 to 2025, round 1",
  description: "Projects that make communities in County Durham and Darlington safer. Outcomes have been released.",
  opensInDays: -420,
  closesInDays: -360,
  baseAllocationPence: 3_000_000,
  rolledForwardPence: 0,
  matchFundingPence: 500_000,
  bids: [
    {
      by: "seaham-boxing",
      title: "Boxing clean",
      summary: "Evening boxing sessions with mentoring for young people at risk of being drawn into county lines.",
      amountPence: 1_500_000,
      areas: ["County Durham"],
      priorities: ["Reducing reoffending", "Protecting vulnerable people"],
      outcome: ["Young people stay out of the justice system", "Participants with no new police contact after a year", "85% of 60 participants"],
      items: ["Coaches and a youth mentor, two evenings a week", "Kit, gym hire and travel"],
      profile: "strong",
      // Started eight months ago: the mid-point report fell due five days ago.
      project: { startDays: 120, endDays: 562 },
    },
    {
      by: "applicant",
      title: "Summer holiday activities",
      summary: "Six weeks of sport, art and trips for young people in Darlington during the summer holidays.",
      amountPence: 1_200_000,
      areas: ["Darlington"],
      priorities: ["Reducing anti-social behaviour"],
      outcome: ["Less anti-social behaviour in the summer holidays", "Reports of youth anti-social behaviour in the town centre", "20% fewer than last summer"],
      items: ["Sessional youth workers for six weeks", "Trips, materials and venue hire"],
      profile: "good",
      // Half-way through now: the mid-point report falls due in about eight days.
      project: { startDays: 180, endDays: 528 },
    },
    {
      by: "stanley-partnership",
      title: "Neighbourhood watch signs and starter packs",
      summary: "New street signs and a starter pack for every household that joins a watch scheme in Stanley.",
      amountPence: 600_000,
      areas: ["County Durham"],
      priorities: ["Reducing anti-social behaviour"],
      outcome: ["More households in a watch scheme", "Households signed up", "300 new households"],
      items: ["Street signs and posts", "Starter packs and printing"],
      profile: "fair",
      // The mid-point report fell due five weeks ago and has not come in.
      project: { startDays: 200, endDays: 420 },
    },
    {
      by: "safe-streets",
      title: "Pubwatch radio link",
      summary: "Radios linking Durham city centre pubs and bars with door staff and the police control room.",
      amountPence: 900_000,
      areas: ["County Durham"],
      priorities: ["Tackling drug and alcohol harm"],
      outcome: ["Incidents in the night-time economy dealt with sooner", "Violent incidents reported in the city centre at night", "15% fewer in a year"],
      items: ["Thirty radios and a base station", "Licence, training and maintenance"],
      profile: "adequate",
    },
    {
      by: "consett-shed",
      title: "Shed open days",
      summary: "Monthly open days at the shed for men who are isolated, with talks from the neighbourhood police team.",
      amountPence: 400_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people"],
      outcome: ["Fewer isolated older men", "Regular attenders", "25 men"],
      items: ["Tools, timber and materials", "Refreshments and publicity"],
      profile: "weak",
    },
  ],
};

async function seedReleasedRound(db: Db, ctx: Context, now: Date) {
  const round = await createRound(db, ctx, RELEASED, now);
  const bids = await receiveBids(db, round, RELEASED.bids);
  await screenAll(db, ctx, round, bids, daysFrom(now, -355));
  await asOf(db, daysFrom(now, -354), () => assignAutomatically(round.id, ctx.administrator.id));
  await scoreAll(db, bids, daysFrom(now, -340));
  // The first three in rank order (£33,000 of £35,000); the fourth does not fit and is kept on
  // the reserve list; the fifth is below the quality threshold.
  await proposeAndApprove(db, ctx, round.id, bids.slice(0, 3), daysFrom(now, -330));
  await asOf(db, daysFrom(now, -325), () => expectOk(signOffAllocation(round.id, ctx.opcc.id, { decision: "approved" }), "sign-off"));
  const releasedAt = daysFrom(now, -320);
  await asOf(db, releasedAt, async () => {
    const allocation = (await loadAllocation(round.id))!;
    await expectOk(releaseOutcomes(allocation, ctx.administrator.id, { page: reserveChoice(bids[3]!.id), shareAssessorComments: true }), "release");
  });
  await afterRelease(db, round, releasedAt);

  const [boxing, summer, signs] = bids as [SeededBid, SeededBid, SeededBid];
  await acceptAward(db, boxing, daysFrom(now, -312));
  await acceptAward(db, summer, daysFrom(now, -309));
  await acceptAward(db, signs, daysFrom(now, -300));

  await submitReport(db, boxing, "Mid-point report", daysFrom(now, -4), {
    progress:
      "Two evening sessions a week since the spring, each with a coach and the youth mentor. 58 young people have taken part; 31 come every week. Four schools and the youth offending team now refer to us.",
    challenges:
      "Sessions stopped for three weeks when the gym roof leaked. We moved to the leisure centre and lost some regulars, most of whom have come back.",
    achieved: [{ value: 52, commentary: "52 of the 58 who have taken part so far have had no new police contact (90%)." }],
    spentFraction: [0.48, 0.42],
  });

  await recordReturn(
    db,
    ctx,
    signs,
    45_000,
    "The street signs cost less than the quote in the bid; the organisation returned what it did not need.",
    daysFrom(now, -40),
  );
  return round.id;
}

// ---------------------------------------------------------------------------------------------
// The small grants round, released a week ago: the demo applicant has an award to accept by
// three weeks from now; Seaham Boxing Academy has accepted theirs; Bishop Auckland Women's Refuge
// declined theirs (another funder paid) and its money went back to the pot, now enough to offer
// the bid on the reserve list; one bid not funded, and one screened out as ineligible.

const SMALL_GRANTS: RoundSpec = {
  slug: "2025-26-small-grants",
  code: "2526-SG",
  name: "2025 to 2026, small grants",
  description: "Grants of up to £5,000 for small projects that make a neighbourhood in County Durham or Darlington safer.",
  opensInDays: -100,
  closesInDays: -40,
  baseAllocationPence: 1_100_000,
  rolledForwardPence: 0,
  matchFundingPence: 200_000,
  maxAwardPence: 500_000,
  bids: [
    {
      by: "applicant",
      title: "Safer parks after dark",
      summary: "Youth workers and floodlit football in two Darlington parks on winter evenings, where young people gather and trouble starts.",
      amountPence: 480_000,
      areas: ["Darlington"],
      priorities: ["Reducing anti-social behaviour"],
      outcome: ["Less anti-social behaviour in the parks", "Reports of anti-social behaviour in the two parks", "30% fewer than last winter"],
      items: ["Two youth workers, three evenings a week", "Pitch hire and floodlights"],
      profile: "strong",
      project: { startDays: 75, endDays: 255 },
    },
    {
      by: "auckland-refuge",
      title: "Safety packs for women leaving the refuge",
      summary: "Door alarms, a mobile phone and a safety plan for every woman moving on from the refuge to a home of her own.",
      amountPence: 400_000,
      areas: ["County Durham"],
      priorities: ["Supporting victims of crime", "Protecting vulnerable people"],
      outcome: ["Women feel safe in their new homes", "Women who say they feel safe after three months", "40 of 50 women"],
      items: ["Fifty safety packs", "Fitting and follow-up visits"],
      profile: "good",
    },
    {
      by: "seaham-boxing",
      title: "Girls' boxing night",
      summary: "A weekly boxing and confidence session for girls aged 12 to 16 in Seaham, with talks on staying safe online and at night.",
      amountPence: 350_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people"],
      outcome: ["Girls are more confident about staying safe", "Girls who say they know how to stay safe (survey)", "80% of 30 girls"],
      items: ["A female coach, one evening a week", "Kit and guest speakers"],
      profile: "fair",
      project: { startDays: 50, endDays: 230 },
    },
    {
      by: "stanley-partnership",
      title: "Community speedwatch kit",
      summary: "Speed detection devices and training for residents' speedwatch groups in three Stanley villages.",
      amountPence: 300_000,
      areas: ["County Durham"],
      priorities: ["Reducing anti-social behaviour"],
      outcome: ["Fewer drivers speeding through the villages", "Drivers recorded over the limit per hour", "A quarter fewer"],
      items: ["Three speed detection devices", "Training and signs"],
      profile: "adequate",
    },
    {
      by: "consett-shed",
      title: "Bike marking days",
      summary: "Monthly days at the shed where people can have their bikes security marked and registered.",
      amountPence: 200_000,
      areas: ["County Durham"],
      priorities: ["Reducing anti-social behaviour"],
      outcome: ["Fewer bikes stolen", "Bikes marked and registered", "300 bikes"],
      items: ["Marking kits and registration", "Publicity"],
      profile: "weak",
    },
    {
      by: "safe-streets",
      title: "Door staff welfare training",
      summary: "Welfare and vulnerability training for door staff at Durham city centre venues.",
      amountPence: 750_000,
      areas: ["County Durham"],
      priorities: ["Tackling drug and alcohol harm", "Protecting vulnerable people"],
      outcome: ["Vulnerable people in the night-time economy are kept safe", "Door staff trained", "120 door staff"],
      items: ["Trainer's fees for twelve sessions", "Venue hire and materials"],
      profile: "good",
    },
  ],
};

async function seedSmallGrantsRound(db: Db, ctx: Context, now: Date) {
  const round = await createRound(db, ctx, SMALL_GRANTS, now);
  const bids = await receiveBids(db, round, SMALL_GRANTS.bids);
  const [parks, packs, girls, speedwatch, bikes, doorStaff] = bids as [SeededBid, SeededBid, SeededBid, SeededBid, SeededBid, SeededBid];
  const screenedAt = daysFrom(now, -38);
  await screenAll(db, ctx, round, [parks, packs, girls, speedwatch, bikes], screenedAt);
  const reason = await db.ineligibilityReason.findFirstOrThrow({ where: { fundId: ctx.fund.id, text: "The amount requested is outside the round's limits" } });
  await asOf(db, screenedAt, () =>
    expectOk(
      screenBid(
        ctx.administrator.id,
        round.id,
        doorStaff.id,
        {
          decision: "ineligible",
          reasonId: reason.id,
          note: "The largest grant in this round is £5,000 and the bid asks for £7,500. The project would suit the fund's main round.",
        },
        screenedAt,
      ),
      "screening",
    ),
  );
  await asOf(db, daysFrom(now, -37), () => assignAutomatically(round.id, ctx.administrator.id));
  await scoreAll(db, [parks, packs, girls, speedwatch, bikes], daysFrom(now, -25));
  // £12,300 of the £13,000 pot to the first three; the speedwatch bid (£3,000) does not fit and is
  // kept on the reserve list; the bike marking bid is below the quality threshold.
  await proposeAndApprove(db, ctx, round.id, [parks, packs, girls], daysFrom(now, -16));
  await asOf(db, daysFrom(now, -12), () => expectOk(signOffAllocation(round.id, ctx.opcc.id, { decision: "approved" }), "sign-off"));
  const releasedAt = daysFrom(now, -7);
  await asOf(db, releasedAt, async () => {
    const allocation = (await loadAllocation(round.id))!;
    await expectOk(releaseOutcomes(allocation, ctx.administrator.id, { page: reserveChoice(speedwatch.id), shareAssessorComments: true }), "release");
  });
  await afterRelease(db, round, releasedAt);

  await acceptAward(db, girls, daysFrom(now, -3));
  await declineAward(db, packs, "Another funder has paid for the safety packs since we bid, so we no longer need this grant.", daysFrom(now, -2));
  return round.id;
}

// ---------------------------------------------------------------------------------------------
// The round awaiting OPCC sign-off: scored, ranked, and its allocation approved by the fund
// administrator. Its rolled-forward money is what the released round left.

const SIGN_OFF: RoundSpec = {
  slug: "2024-25-round-2",
  code: "2425-R2",
  name: "2024 to 2025, round 2",
  description: "Projects that help victims and protect vulnerable people in County Durham and Darlington.",
  opensInDays: -150,
  closesInDays: -90,
  baseAllocationPence: 2_500_000,
  rolledForwardPence: 200_000,
  matchFundingPence: 300_000,
  bids: [
    {
      by: "stanley-partnership",
      title: "Safer walk home",
      summary: "Trained volunteers walk people home from Stanley's bus station and high street on weekend nights.",
      amountPence: 1_000_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people", "Reducing anti-social behaviour"],
      outcome: ["People feel safe walking home at night", "Users who say they felt safe (survey)", "90% of 400 walks"],
      items: ["Volunteer co-ordinator, part time", "Hi-vis jackets, radios and training"],
      profile: "strong",
    },
    {
      by: "auckland-refuge",
      title: "Domestic abuse drop-in",
      summary: "A weekly drop-in at Bishop Auckland library where victims of domestic abuse can get advice and safety planning.",
      amountPence: 1_100_000,
      areas: ["County Durham"],
      priorities: ["Supporting victims of crime", "Protecting vulnerable people"],
      outcome: ["Victims have a safety plan", "Drop-in users with a safety plan", "120 people"],
      items: ["An independent domestic violence adviser, one day a week", "Room hire and leaflets"],
      profile: "good",
    },
    {
      by: "safe-streets",
      title: "Shop theft prevention",
      summary: "Training and radios for independent shops in Durham city centre to prevent and report shop theft.",
      amountPence: 800_000,
      areas: ["County Durham"],
      priorities: ["Reducing reoffending"],
      outcome: ["Less shop theft in the city centre", "Shop thefts reported by member shops", "25% fewer in a year"],
      items: ["Radios and a year's airtime for 40 shops", "Training sessions for shop staff"],
      profile: "fair",
    },
    {
      by: "applicant",
      title: "Youth mentoring pilot",
      summary: "One-to-one mentors for young people in Darlington who have been excluded from school.",
      amountPence: 700_000,
      areas: ["Darlington"],
      priorities: ["Reducing reoffending"],
      outcome: ["Young people return to education", "Mentees back in education or training", "15 of 20 mentees"],
      items: ["Two volunteer mentor co-ordinators", "Training and expenses"],
      profile: "weak",
    },
  ],
};

async function seedSignOffRound(db: Db, ctx: Context, now: Date) {
  const round = await createRound(db, ctx, SIGN_OFF, now);
  const bids = await receiveBids(db, round, SIGN_OFF.bids);
  await screenAll(db, ctx, round, bids, daysFrom(now, -85));
  await asOf(db, daysFrom(now, -84), () => assignAutomatically(round.id, ctx.administrator.id));
  await scoreAll(db, bids, daysFrom(now, -60));
  // £29,000 of the £30,000 pot to the three bids above the threshold.
  await proposeAndApprove(db, ctx, round.id, bids.slice(0, 3), daysFrom(now, -3));
  return round.id;
}

// ---------------------------------------------------------------------------------------------
// The closed round in assessment: each assessor has bids to score, one has declared a conflict,
// some assessments are in (one bid's assessors disagree, so it needs moderation), one bid is not
// screened yet and one has been screened out.

const IN_ASSESSMENT: RoundSpec = {
  slug: "2024-25-round-3",
  code: "2425-R3",
  name: "2024 to 2025, round 3",
  description: "Projects that tackle anti-social behaviour and drug and alcohol harm in County Durham and Darlington.",
  opensInDays: -75,
  closesInDays: -14,
  baseAllocationPence: 4_000_000,
  rolledForwardPence: 0,
  matchFundingPence: 0,
  bids: [
    {
      by: "applicant",
      title: "Safer routes to school",
      summary: "Walking buses and street-safety sessions for pupils at four Darlington primary schools.",
      amountPence: 900_000,
      areas: ["Darlington"],
      priorities: ["Protecting vulnerable people"],
      outcome: ["Children feel safe on the way to school", "Pupils who say they feel safe (survey)", "80% of 300 pupils"],
      items: ["Walking bus co-ordinator, term time", "High-visibility kit and training"],
      profile: "good",
    },
    {
      by: "stanley-partnership",
      title: "Cold-caller alarms",
      summary: "Doorstep alarms and advice for older residents in Stanley targeted by rogue traders.",
      amountPence: 400_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people", "Supporting victims of crime"],
      outcome: ["Fewer older residents lose money to doorstep crime", "Reported doorstep crimes among members", "Half of last year's"],
      items: ["200 doorstep alarms", "Fitting and advice visits"],
      profile: "fair",
    },
    {
      by: "safe-streets",
      title: "Night-time economy marshals",
      summary: "Marshals in Durham city centre on Friday and Saturday nights to calm trouble and help people get home.",
      amountPence: 1_500_000,
      areas: ["County Durham"],
      priorities: ["Reducing anti-social behaviour", "Tackling drug and alcohol harm"],
      outcome: ["Less violence in the night-time economy", "Violent incidents in the city centre at night", "15% fewer"],
      items: ["Four marshals, two nights a week for a year", "Training, radios and uniforms"],
      profile: "adequate",
    },
    {
      by: "auckland-refuge",
      title: "Hate crime reporting centre",
      summary: "A third-party hate crime reporting centre with trained volunteers in Bishop Auckland.",
      amountPence: 1_200_000,
      areas: ["County Durham"],
      priorities: ["Supporting victims of crime"],
      outcome: ["More hate crimes reported", "Reports made through the centre", "60 in a year"],
      items: ["Centre co-ordinator, part time", "Volunteer training and publicity"],
      profile: "good",
    },
    {
      by: "consett-shed",
      title: "Scam awareness roadshow",
      summary: "Scam awareness talks at community centres across Northumberland and Tyne and Wear.",
      amountPence: 300_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people"],
      outcome: ["People recognise scams", "Attendees who can name three warning signs", "200 people"],
      items: ["Presenter's time", "Venue hire and leaflets"],
      profile: "adequate",
    },
    {
      by: "seaham-boxing",
      title: "Knife crime education",
      summary: "Knife crime workshops led by coaches and a paramedic for secondary school pupils in Seaham.",
      amountPence: 800_000,
      areas: ["County Durham"],
      priorities: ["Protecting vulnerable people", "Reducing reoffending"],
      outcome: ["Young people understand the risks of carrying a knife", "Pupils reached", "1,200 pupils"],
      items: ["Workshop leaders and a paramedic", "Materials and travel"],
      profile: "good",
    },
  ],
};

async function seedAssessmentRound(db: Db, ctx: Context, now: Date) {
  const round = await createRound(db, ctx, IN_ASSESSMENT, now);
  const bids = await receiveBids(db, round, IN_ASSESSMENT.bids);
  const [routes, alarms, marshals, hateCrime, scams] = bids as [SeededBid, SeededBid, SeededBid, SeededBid, SeededBid, SeededBid];
  const screenedAt = daysFrom(now, -12);
  await screenAll(db, ctx, round, [routes, alarms, marshals, hateCrime], screenedAt);
  const reason = await db.ineligibilityReason.findFirstOrThrow({
    where: { fundId: ctx.fund.id, text: "The project does not work in County Durham or Darlington" },
  });
  await asOf(db, screenedAt, () =>
    expectOk(
      screenBid(
        ctx.administrator.id,
        round.id,
        scams.id,
        { decision: "ineligible", reasonId: reason.id, note: "The talks are outside the force area." },
        screenedAt,
      ),
      "screening",
    ),
  );
  // The sixth bid (knife crime education) is left for the administrator to screen.

  const { ben, chloe, isla } = ctx.assessors;
  const plan: [SeededBid, typeof ben][] = [
    [routes, ben],
    [routes, chloe],
    [alarms, ben],
    [alarms, isla],
    [marshals, ben],
    [marshals, chloe],
    [hateCrime, chloe],
    [hateCrime, isla],
  ];
  await asOf(db, daysFrom(now, -11), async () => {
    for (const [bid, assessor] of plan) await expectOk(assignByHand(round.id, ctx.administrator.id, bid.id, assessor.id), "assignment");
  });

  // Ben Morris knows the organisation behind the marshals bid: the bid needs another assessor.
  await asOf(db, daysFrom(now, -10), () => declareConflict(ben.id, marshals.id, "I am a trustee of Safe Streets CIC."));
  // Both assessments of the school routes bid are in, and far apart on the first criterion.
  await asOf(db, daysFrom(now, -8), async () => {
    await score(ben.id, routes, [4, 3, 3, 3], "submit");
    await score(chloe.id, routes, [1, 3, 3, 3], "submit");
    await score(isla.id, alarms, PROFILES.fair, "submit");
  });
  // Chloe Davies has started on the marshals bid and saved a draft.
  await asOf(db, daysFrom(now, -2), () => score(chloe.id, marshals, [3, 2, null, null], "save"));
  return round.id;
}

// ---------------------------------------------------------------------------------------------
// Steps shared by the rounds.

type SeededRound = Awaited<ReturnType<typeof createRound>>;
type SeededBid = { id: string; reference: string; spec: BidSpec };

async function createRound(db: Db, ctx: Context, spec: RoundSpec, now: Date) {
  const pot = spec.baseAllocationPence + spec.rolledForwardPence + spec.matchFundingPence;
  return db.round.create({
    data: {
      fundId: ctx.fund.id,
      slug: spec.slug,
      code: spec.code,
      name: spec.name,
      description: spec.description,
      opensAt: londonTime(now, spec.opensInDays, 9),
      closesAt: londonTime(now, spec.closesInDays, 12),
      baseAllocationPence: spec.baseAllocationPence,
      rolledForwardPence: spec.rolledForwardPence,
      matchFundingPence: spec.matchFundingPence,
      remainingPotPence: pot,
      minAwardPence: 100_000,
      maxAwardPence: spec.maxAwardPence ?? 1_500_000,
      smallBidThresholdPence: 500_000,
      qualityThresholdPercent: 50,
      assessorsPerBid: 2,
      moderationSpread: 2,
      opccSignOffRequired: true,
      ...CSF_ROUND_SET_UP,
      reportStages: { create: REPORT_STAGES.map((stage) => ({ ...stage })) },
    },
    include: { areas: true, priorities: true, criteria: { orderBy: { position: "asc" } }, fund: true },
  });
}

/** Each bid as the applicant completed and submitted it while the round was open, with its receipt. */
async function receiveBids(db: Db, round: SeededRound, specs: readonly BidSpec[]): Promise<SeededBid[]> {
  const seeded: SeededBid[] = [];
  const open = round.opensAt.getTime();
  const span = round.closesAt.getTime() - open;
  for (const [index, spec] of specs.entries()) {
    const owner = await db.user.findUniqueOrThrow({ where: { email: BIDDER_EMAIL[spec.by] }, include: { memberships: { include: { organisation: true } } } });
    const organisation = owner.memberships[0]!.organisation;
    const sequence = index + 1;
    const reference = formatBidReference(round.fund.code, round.code, sequence);
    // Spread through the second half of the round, a few minutes apart.
    const submittedAt = new Date(open + span * (0.5 + (0.4 * index) / specs.length) + index * 7 * 60_000);
    const extraPence = 50_000;
    const mainPence = Math.round((spec.amountPence * 0.75) / 100) * 100;
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        createdById: owner.id,
        reference,
        status: "submitted",
        title: spec.title,
        summary: spec.summary,
        amountRequestedPence: spec.amountPence,
        projectStartDate: londonTime(round.closesAt, spec.project?.startDays ?? 60, 0),
        projectEndDate: londonTime(round.closesAt, spec.project?.endDays ?? 424, 0),
        beneficiaries: "People who live and work in the areas the project serves.",
        beneficiaryCount: 120,
        safeguardingAnswer: "All staff and volunteers have enhanced DBS checks; we follow our safeguarding policy, reviewed yearly.",
        equalityAnswer: "The project is open to everyone; we monitor who takes part and adapt our outreach to reach under-served groups.",
        declarationsAcceptedAt: submittedAt,
        submittedAt,
        sectionProgress: JSON.stringify({}),
        createdAt: new Date(submittedAt.getTime() - 3 * DAY),
        areas: { create: spec.areas.map((name) => ({ roundAreaId: round.areas.find((a) => a.name === name)!.id })) },
        priorities: { create: spec.priorities.map((title) => ({ priorityId: round.priorities.find((p) => p.title === title)!.id })) },
        outcomes: { create: [{ outcome: spec.outcome[0], indicator: spec.outcome[1], target: spec.outcome[2], position: 0 }] },
        budgetLines: {
          create: [
            { item: spec.items[0], costPence: mainPence, otherFundingPence: 0, position: 0 },
            { item: spec.items[1], costPence: spec.amountPence - mainPence + extraPence, otherFundingPence: extraPence, position: 1 },
          ],
        },
      },
      include: {
        organisation: { select: { id: true, name: true } },
        round: { select: { id: true, name: true, code: true, smallBidThresholdPence: true, fund: { select: { code: true, name: true } } } },
        areas: { select: { area: { select: { id: true, name: true } } } },
        priorities: { select: { priority: { select: { id: true, title: true } } } },
        outcomes: true,
        budgetLines: true,
        documents: true,
      },
    });
    // What the assessors read: the bid as submitted, built by the submission's own code.
    await db.bid.update({ where: { id: bid.id }, data: { submittedSnapshot: JSON.stringify(buildSubmittedSnapshot(bid, reference, submittedAt)) } });
    await db.round.update({ where: { id: round.id }, data: { referenceSequence: sequence } });
    await queueEmail(db, {
      idempotencyKey: emailKeys.submissionReceipt(bid.id),
      to: owner.email,
      rendered: await renderSubmissionReceipt({
        recipientName: owner.name,
        organisationName: organisation.name,
        reference,
        bidTitle: spec.title,
        fundName: round.fund.name,
        roundName: round.name,
        amountRequestedPence: spec.amountPence,
        submittedAt,
        bidUrl: new URL(`/applicant/bids/${bid.id}`, env().APP_URL).toString(),
      }),
    });
    await db.outboxEmail.updateMany({
      where: { idempotencyKey: emailKeys.submissionReceipt(bid.id) },
      data: { createdAt: submittedAt, nextAttemptAt: submittedAt },
    });
    seeded.push({ id: bid.id, reference, spec });
  }
  await recordEligibilityChecks(db, round, specs.length);
  return seeded;
}

/**
 * The eligibility checks behind the round's bids, for the dashboard's funnel: one that ended
 * eligible for each bid, and as many again that ended not eligible or were left unfinished, in the
 * proportions a public round sees.
 */
async function recordEligibilityChecks(db: Db, round: SeededRound, bids: number) {
  const open = round.opensAt.getTime();
  const span = round.closesAt.getTime() - open;
  const results = [...Array<string>(bids + 1).fill("eligible"), ...Array<string>(Math.ceil(bids / 2)).fill("ineligible"), ...Array<null>(bids).fill(null)];
  await db.eligibilityCheck.createMany({
    data: results.map((result, index) => {
      const startedAt = new Date(open + (span * 0.45 * index) / results.length);
      return { roundId: round.id, result, startedAt, completedAt: result ? new Date(startedAt.getTime() + 4 * 60_000) : null };
    }),
  });
}

async function screenAll(db: Db, ctx: Context, round: SeededRound, bids: readonly SeededBid[], at: Date) {
  await asOf(db, at, async () => {
    for (const bid of bids) await expectOk(screenBid(ctx.administrator.id, round.id, bid.id, { decision: "eligible" }, at), "screening");
  });
}

/** Every assigned assessor answers "no conflict" and submits scores from the bid's profile. */
async function scoreAll(db: Db, bids: readonly SeededBid[], at: Date) {
  await asOf(db, at, async () => {
    for (const bid of bids) {
      const assignments = await db.assessorAssignment.findMany({ where: { bidId: bid.id }, orderBy: { assessorId: "asc" } });
      for (const [i, { assessorId }] of assignments.entries()) {
        // The second assessor is a point more generous on deliverability, as people are.
        const scores = PROFILES[bid.spec.profile].map((s, c) => (i === 1 && c === 3 ? Math.min(4, s + 1) : s));
        await score(assessorId, bid, scores, "submit");
      }
    }
  });
}

const RECOMMENDATION: Record<Profile, Recommendation> = { strong: "fund", good: "fund", fair: "fund_in_part", adequate: "reserve", weak: "do_not_fund" };

const COMMENTS = [
  [
    "Clearly tied to the Police and Crime Plan.",
    "Fits the Plan's priorities well.",
    "Some link to the Plan's priorities.",
    "Little link to the Police and Crime Plan.",
  ],
  ["Outcomes are specific and measurable.", "Outcomes are clear but targets could be sharper.", "Outcomes are broad.", "Outcomes are hard to measure."],
  ["Good value; other funding is secured.", "Costs are reasonable.", "Some costs seem high.", "Costs are not explained."],
  ["An experienced organisation with a clear plan.", "A realistic timetable.", "Delivery depends on recruiting volunteers.", "No plan for delivery."],
];

/** One assessor's answer to the conflict question ("no") and their scores, saved or submitted. */
async function score(assessorId: string, bid: SeededBid, scores: readonly (number | null)[], intent: "save" | "submit") {
  const assigned = await findAssignedBid(assessorId, bid.id);
  if (!assigned) throw new Error(`demo seed: ${bid.reference} is not assigned to ${assessorId}`);
  await expectOk(answerConflictQuestion(assessorId, assigned, { conflict: "no" }), "conflict question");
  const criteria = await loadCriteriaForBid(bid.id);
  const opened = (await findAssignedBid(assessorId, bid.id))!;
  const given = (i: number) => scores[i] ?? null;
  // The comment that goes with the score: the first for a 4, the last for a 1 or 0.
  const comment = (i: number, s: number) => COMMENTS[i]![Math.min(3, Math.max(0, 4 - s))]!;
  const values = {
    scores: Object.fromEntries(criteria.map((c, i) => [c.id, given(i) === null ? "" : String(given(i))])),
    comments: Object.fromEntries(criteria.map((c, i) => [c.id, given(i) === null ? "" : comment(i, given(i)!)])),
    recommendation: intent === "submit" ? RECOMMENDATION[bid.spec.profile] : "",
    overallComment:
      intent === "submit"
        ? `${bid.spec.title}: ${RECOMMENDATION[bid.spec.profile] === "do_not_fund" ? "not strong enough to fund this time." : "a sound project that meets the fund's aims."}`
        : "",
  };
  await expectOk(saveAssessment(assessorId, opened, values, intent), "assessment");
}

async function declareConflict(assessorId: string, bidId: string, reason: string) {
  const assigned = await findAssignedBid(assessorId, bidId);
  if (!assigned) throw new Error(`demo seed: bid ${bidId} is not assigned to ${assessorId}`);
  await expectOk(answerConflictQuestion(assessorId, assigned, { conflict: "yes", reason }), "conflict declaration");
}

/** The administrator proposes each given bid its full request, with conditions, and approves. */
async function proposeAndApprove(db: Db, ctx: Context, roundId: string, funded: readonly SeededBid[], at: Date) {
  await asOf(db, at, async () => {
    const allocation = (await loadAllocation(roundId))!;
    const values = Object.fromEntries(
      allocation.rows.map((r) => {
        const bid = funded.find((b) => b.id === r.bidId);
        return [r.bidId, bid ? { amount: String(bid.spec.amountPence / 100), conditions: CONDITIONS } : { amount: "", conditions: "" }];
      }),
    );
    await expectOk(saveProposal(allocation, ctx.administrator.id, values), "proposal");
    await expectOk(approveAllocation((await loadAllocation(roundId))!, ctx.administrator.id), "approval");
  });
}

// ---------------------------------------------------------------------------------------------
// After the decision. The acceptance, monitoring and returns steps are written straight to the
// database as those features record them, with the pot moved by exactly the money that changed
// (ADR 0010): the round row first, then the award, in one transaction.

/** What release leaves behind: each released award's deadline to accept, and the outcome emails delivered. */
async function afterRelease(db: Db, round: SeededRound, releasedAt: Date) {
  await db.award.updateMany({ where: { roundId: round.id, status: "released" }, data: { acceptBy: acceptanceDeadline(releasedAt, round.acceptanceDays) } });
  const decided = await db.bid.findMany({ where: { roundId: round.id, decidedAt: { not: null } }, select: { id: true, decisionVersion: true } });
  // Sent long ago into the portal's own mailbox, as the outbox worker does when no SMTP server is set.
  await db.outboxEmail.updateMany({
    where: { idempotencyKey: { in: decided.map((b) => emailKeys.outcome(b.id, b.decisionVersion)) }, status: "pending" },
    data: { status: "sent", attempts: 1, sentAt: new Date(releasedAt.getTime() + 5 * 60_000), deliveredVia: "mailbox" },
  });
}

async function ownerOf(db: Db, bid: SeededBid) {
  return db.user.findUniqueOrThrow({ where: { email: BIDDER_EMAIL[bid.spec.by] } });
}

/** The organisation accepts its released award; the reports it owes are scheduled from the bid's project dates. */
async function acceptAward(db: Db, bid: SeededBid, at: Date) {
  const owner = await ownerOf(db, bid);
  const award = await db.$transaction(async (tx) => {
    const accepted = await tx.award.update({
      where: { bidId: bid.id, status: "released" },
      data: { status: "accepted", respondedAt: at, respondedById: owner.id },
      select: { id: true },
    });
    await createMonitoringReports(tx, accepted.id, at);
    return accepted;
  });
  await db.monitoringReport.updateMany({ where: { awardId: award.id }, data: { createdAt: at } });
}

/** The organisation turns its released award down; exactly its amount goes back to the pot. */
async function declineAward(db: Db, bid: SeededBid, reason: string, at: Date) {
  const owner = await ownerOf(db, bid);
  const roundId = (await db.bid.findUniqueOrThrow({ where: { id: bid.id }, select: { roundId: true } })).roundId;
  await asOf(db, at, async () => expectOk(returnAward((await loadAllocation(roundId))!, bid.id, owner.id, "declined_by_applicant"), "decline"));
  await db.award.update({
    where: { bidId: bid.id, status: "declined_by_applicant" },
    data: { respondedAt: at, respondedById: owner.id, declineReason: reason },
  });
}

type ReportAnswers = {
  progress: string;
  challenges: string;
  /** Against each of the bid's outcomes, in order. */
  achieved: readonly { value: number; commentary: string }[];
  /** Share of each budget line spent so far, in order. */
  spentFraction: readonly number[];
};

/** The organisation fills in and submits one of its monitoring reports. */
async function submitReport(db: Db, bid: SeededBid, title: string, at: Date, answers: ReportAnswers) {
  const owner = await ownerOf(db, bid);
  const report = await db.monitoringReport.findFirstOrThrow({
    where: { award: { bidId: bid.id }, title },
    include: { award: { select: { bid: { select: { outcomes: { orderBy: { position: "asc" } }, budgetLines: { orderBy: { position: "asc" } } } } } } },
  });
  const { outcomes, budgetLines } = report.award.bid;
  await db.monitoringReport.update({
    where: { id: report.id, status: "due" },
    data: {
      status: "submitted",
      progress: answers.progress,
      challenges: answers.challenges,
      submittedAt: at,
      submittedById: owner.id,
      outcomes: {
        create: outcomes.map((o, i) => ({ bidOutcomeId: o.id, achievedValue: answers.achieved[i]!.value, commentary: answers.achieved[i]!.commentary })),
      },
      budgetLines: {
        create: budgetLines.map((line, i) => ({ budgetLineId: line.id, spentPence: Math.round((line.costPence * answers.spentFraction[i]!) / 100) * 100 })),
      },
    },
  });
}

/** The administrator records money an accepted award returned unspent; it goes back to the pot. */
async function recordReturn(db: Db, ctx: Context, bid: SeededBid, amountPence: number, reason: string, at: Date) {
  const award = await db.award.findUniqueOrThrow({ where: { bidId: bid.id }, select: { id: true, roundId: true, amountPence: true, returnedPence: true } });
  if (award.returnedPence + amountPence > award.amountPence) throw new Error("demo seed: a return larger than the award");
  await db.$transaction([
    db.round.update({ where: { id: award.roundId }, data: { remainingPotPence: { increment: amountPence } }, select: { id: true } }),
    db.award.update({
      where: { id: award.id, status: "accepted", returnedPence: award.returnedPence },
      data: { returnedPence: { increment: amountPence } },
      select: { id: true },
    }),
    db.awardReturn.create({
      data: { awardId: award.id, roundId: award.roundId, amountPence, kind: "returned", reason, recordedById: ctx.administrator.id, createdAt: at },
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Time.

/** `days` from `from`, at `hour`:00 on that day in London (GMT or BST). */
export function londonTime(from: Date, days: number, hour: number): Date {
  const day = new Date(from.getTime() + days * DAY);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(day)
      .map((p) => [p.type, p.value]),
  );
  const guess = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour);
  // London is UTC+0 or UTC+1: the offset at that moment, read from the formatted hour.
  const londonHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(new Date(guess)));
  return new Date(guess - ((londonHour - hour + 24) % 24) * 60 * 60 * 1000);
}

function daysFrom(now: Date, days: number) {
  return londonTime(now, days, 11);
}

/**
 * Runs a step of the workflow, then moves what it stamped with the present time back to `at`:
 * the seed is the only writer, so everything stamped since the step began is the step's.
 */
async function asOf<T>(db: Db, at: Date, step: () => Promise<T>): Promise<T> {
  const started = new Date(Date.now() - 1);
  const result = await step();
  await restampSince(db, started, at);
  return result;
}

async function restampSince(db: Db, since: Date, at: Date) {
  const gte = { gte: since };
  await db.auditEvent.updateMany({ where: { createdAt: gte }, data: { createdAt: at } });
  await db.outboxEmail.updateMany({ where: { createdAt: gte }, data: { createdAt: at, nextAttemptAt: at } });
  await db.assessorAssignment.updateMany({ where: { assignedAt: gte }, data: { assignedAt: at } });
  await db.conflictDeclaration.updateMany({ where: { declaredAt: gte }, data: { declaredAt: at } });
  await db.assessment.updateMany({ where: { createdAt: gte }, data: { createdAt: at } });
  await db.assessment.updateMany({ where: { submittedAt: gte }, data: { submittedAt: at } });
  await db.award.updateMany({ where: { createdAt: gte }, data: { createdAt: at } });
  await db.award.updateMany({ where: { approvedAt: gte }, data: { approvedAt: at } });
  await db.allocationSignOff.updateMany({ where: { createdAt: gte }, data: { createdAt: at } });
  await db.round.updateMany({ where: { allocationApprovedAt: gte }, data: { allocationApprovedAt: at } });
  await db.round.updateMany({ where: { outcomesReleasedAt: gte }, data: { outcomesReleasedAt: at } });
  await db.bid.updateMany({ where: { decidedAt: gte }, data: { decidedAt: at } });
}

/** A refusal from the domain would make a demo that is not what it says: stop the seed. */
async function expectOk<T>(result: Promise<T>, what: string): Promise<T> {
  const value = await result;
  if (typeof value === "object" && value !== null && "ok" in value && value.ok === false) {
    throw new Error(`demo seed: the ${what} was refused: ${JSON.stringify(value)}`);
  }
  return value;
}

/** The release form's choice for one bid: on the reserve list, feedback left to the assessors' comments. */
function reserveChoice(bidId: string) {
  return { bidIds: [bidId], reserve: [bidId], feedback: {} };
}
