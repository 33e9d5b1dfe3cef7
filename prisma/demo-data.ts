// Demo data: the demo accounts and funds, and the Community Safety Fund's 2025-26 round, open
// now, with a draft and two submitted bids. Used by the run command's seed (which adds the rounds
// in later phases, prisma/demo-phases.ts), the end-to-end tests and integration tests that need
// an open round.
import { FORM_RULES, storedBand } from "../app/domain/bids/proportionate";
import { serialiseRoundFormRules } from "../app/domain/bids/stored-form-rules";
import { hashPassword } from "../app/domain/auth/password.server";
import type { Db } from "../app/lib/db.server";
import { queueEmail } from "../app/domain/email/outbox.server";
import { emailKeys } from "../app/domain/email/idempotency-keys";
import { env } from "../app/lib/env.server";
import { renderSubmissionReceipt } from "../emails/submission-receipt";

export const DEMO_PASSWORD = "community-safety-demo";

export const DEMO_ACCOUNTS = [
  { email: "applicant@demo.csf.test", name: "Asha Patel", role: "applicant" },
  { email: "assessor@demo.csf.test", name: "Ben Morris", role: "assessor" },
  { email: "assessor2@demo.csf.test", name: "Chloe Davies", role: "assessor" },
  { email: "assessor3@demo.csf.test", name: "Isla Grant", role: "assessor" },
  { email: "administrator@demo.csf.test", name: "Dev Sharma", role: "fund_administrator" },
  { email: "opcc@demo.csf.test", name: "Elaine Hart", role: "opcc_sign_off" },
  { email: "admin@demo.csf.test", name: "Farid Khan", role: "admin" },
] as const;

/**
 * The demo staff accounts' authenticator secrets (ADR 0020): fixed and published, like the demo
 * password, so anyone trying the demo can add them to an app (or run `npm run demo:code -- <email>`).
 * 32 base32 characters (160 bits) each, as a real set-up makes.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  "administrator@demo.csf.test": "CSFDEMOFUNDADMINISTRATORTOTPKEY2",
  "opcc@demo.csf.test": "CSFDEMOOPCCSIGNOFFTOTPSECRETKEY2",
  "admin@demo.csf.test": "CSFDEMOPORTALADMINTOTPSECRETKEY2",
};

export const DAY = 24 * 60 * 60 * 1000;

/** The areas, priorities and criteria (with score descriptors) every demo round of the fund uses. */
export const CSF_ROUND_SET_UP = {
  areas: {
    create: [
      { name: "County Durham", position: 0 },
      { name: "Darlington", position: 1 },
    ],
  },
  priorities: {
    create: [
      ["Reducing anti-social behaviour", "Fewer incidents and less fear of anti-social behaviour in neighbourhoods."],
      ["Supporting victims of crime", "Practical and emotional support that helps victims cope and recover."],
      ["Reducing reoffending", "Helping people who have offended, or are at risk of offending, to change."],
      ["Tackling drug and alcohol harm", "Less crime and harm linked to drugs and alcohol."],
      ["Protecting vulnerable people", "Safeguarding people at risk of exploitation, abuse or harm."],
    ].map(([title, description], position) => ({ title: title!, description: description!, position })),
  },
  criteria: {
    create: [
      ["Supports PCC and partner objectives", "How well the project supports the Police and Crime Plan and partners' priorities.", 30],
      ["Measurable, community-based outcomes", "Whether outcomes are specific, measurable and benefit the community.", 30],
      ["Value for money", "Costs are reasonable for what will be delivered; other funding is secured.", 25],
      ["Deliverability", "The organisation can deliver the project on time, safely and well.", 15],
    ].map(([title, guidance, weightPercent], position) => ({
      title: title as string,
      guidance: guidance as string,
      weightPercent: weightPercent as number,
      maxScore: 4,
      position,
      descriptors: {
        create: [
          [0, "No evidence or unacceptable"],
          [1, "Weak: significant gaps or concerns"],
          [2, "Adequate: meets the basic requirement"],
          [3, "Good: clear and convincing"],
          [4, "Excellent: strong evidence throughout"],
        ].map(([score, description]) => ({ score: score as number, description: description as string })),
      },
    })),
  },
};

export async function seedDemo(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = Object.fromEntries(
    await Promise.all(
      [
        ...DEMO_ACCOUNTS,
        { email: "bids@durham-watch.demo.csf.test", name: "Gwen Lowe", role: "applicant" },
        { email: "hello@safe-streets.demo.csf.test", name: "Harry Ibbotson", role: "applicant" },
      ].map(async (a) => {
        const totpSecret = DEMO_TOTP_SECRETS[a.email];
        const secondFactor = totpSecret ? { totpSecret, totpEnabledAt: now } : {};
        return [a.email, await db.user.create({ data: { ...a, passwordHash, ...secondFactor } })] as const;
      }),
    ),
  );

  const csf = await db.fund.create({
    data: {
      slug: "community-safety-fund",
      code: "CSF",
      name: "Community Safety Fund",
      description:
        "Funding from the Police and Crime Commissioner for voluntary and community sector organisations whose projects support the Commissioner's and partners' priorities with measurable, community-based outcomes and value for money.",
      ineligibilityReasons: {
        create: [
          "The organisation is not a voluntary or community sector organisation",
          "The project does not work in County Durham or Darlington",
          "The project does not address a Police and Crime Commissioner priority",
          "The amount requested is outside the round's limits",
          "Required documents are missing",
        ].map((text, position) => ({ text, position })),
      },
    },
  });
  // The commissioning report's other three streams, each with who may apply (ADR 0025).
  const VOLUNTARY = ["registered_charity", "cio", "cic", "company_limited_by_guarantee", "unincorporated_group", "social_enterprise"];
  const streams: Record<string, string> = {};
  for (const [slug, code, name, description, applicantTypes] of [
    [
      "community-safety-grant",
      "CSG",
      "Community Safety Grant",
      "Money for the Community Safety Partnerships in Durham and Darlington.",
      ["community_safety_partnership"],
    ],
    ["victims-services", "VS", "Victims' Services", "Referral, assessment and specialist support for victims of crime.", VOLUNTARY],
    [
      "restorative-justice",
      "RJ",
      "Restorative Justice",
      "Restorative justice for victims who want it, across the force area.",
      [...VOLUNTARY, "community_safety_partnership"],
    ],
  ] as const) {
    streams[code] = (await db.fund.create({ data: { slug, code, name, description, applicantTypes: JSON.stringify(applicantTypes) } })).id;
  }
  // A round in a second stream, with the same code as the Community Safety Fund's: its public
  // address carries the fund's slug. Small requests there answer fewer pages and give one document.
  await db.round.create({
    data: {
      fundId: streams.CSG!,
      slug: "community-safety-grant-2526-r1",
      code: "2526-R1",
      name: "2025 to 2026, round 1",
      description: "Projects of the two Community Safety Partnerships that support the Police and Crime Commissioner's priorities.",
      // Opens soon, so its application form can still be changed by the administrator.
      opensAt: new Date(now.getTime() + 14 * DAY),
      closesAt: new Date(now.getTime() + 75 * DAY),
      baseAllocationPence: 60_655_000,
      remainingPotPence: 60_655_000,
      minAwardPence: 500_000,
      maxAwardPence: 20_000_000,
      smallBidThresholdPence: 2_500_000,
      opccSignOffRequired: true,
      formRules: serialiseRoundFormRules({
        small: { ...storedBand(FORM_RULES.small), sections: ["outcomes"], documentKinds: ["constitution"] },
        standard: storedBand(FORM_RULES.standard),
      }),
      areas: {
        create: [
          { name: "County Durham", position: 0 },
          { name: "Darlington", position: 1 },
        ],
      },
      priorities: {
        create: [
          { title: "Reducing anti-social behaviour", position: 0 },
          { title: "Tackling drug and alcohol misuse", position: 1 },
        ],
      },
    },
  });

  const base = 48_557_700;
  const rolledForward = 2_715_000;
  const matchFunding = 5_000_000;
  const round = await db.round.create({
    data: {
      fundId: csf.id,
      slug: "2025-26-round-1",
      code: "2526-R1",
      name: "2025 to 2026, round 1",
      description: "Projects that make communities in County Durham and Darlington safer, delivered by voluntary and community organisations.",
      opensAt: new Date(now.getTime() - 14 * DAY),
      closesAt: new Date(now.getTime() + 30 * DAY),
      baseAllocationPence: base,
      rolledForwardPence: rolledForward,
      matchFundingPence: matchFunding,
      remainingPotPence: base + rolledForward + matchFunding,
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
      smallBidThresholdPence: 500_000,
      qualityThresholdPercent: 50,
      assessorsPerBid: 2,
      moderationSpread: 2,
      opccSignOffRequired: true,
      ...CSF_ROUND_SET_UP,
    },
    include: { areas: true, priorities: true },
  });
  const area = (name: string) => round.areas.find((a) => a.name === name)!.id;
  const priority = (title: string) => round.priorities.find((p) => p.title === title)!.id;

  const organisations = [
    {
      owner: "applicant@demo.csf.test",
      data: {
        name: "Darlington Youth Outreach",
        type: "registered_charity",
        charityNumber: "1167432",
        addressLine1: "12 Bondgate",
        town: "Darlington",
        postcode: "DL3 7JJ",
        annualIncomePence: 18_500_000,
        contactName: "Asha Patel",
        contactEmail: "applicant@demo.csf.test",
      },
    },
    {
      owner: "bids@durham-watch.demo.csf.test",
      data: {
        name: "Durham Neighbourhood Watch Association",
        type: "unincorporated_group",
        addressLine1: "Community Centre, Front Street",
        town: "Stanley",
        postcode: "DH9 0NA",
        annualIncomePence: 2_400_000,
        contactName: "Gwen Lowe",
        contactEmail: "bids@durham-watch.demo.csf.test",
      },
    },
    {
      owner: "hello@safe-streets.demo.csf.test",
      data: {
        name: "Safe Streets CIC",
        type: "cic",
        companyNumber: "11873245",
        addressLine1: "4 Saddler Street",
        town: "Durham",
        postcode: "DH1 3NP",
        annualIncomePence: 9_600_000,
        contactName: "Harry Ibbotson",
        contactEmail: "hello@safe-streets.demo.csf.test",
      },
    },
  ];
  const orgIds: string[] = [];
  for (const o of organisations) {
    const org = await db.organisation.create({
      data: { ...o.data, members: { create: { userId: users[o.owner]!.id, role: "owner" } } },
    });
    orgIds.push(org.id);
  }

  // A draft for the demo applicant to carry on with.
  await db.bid.create({
    data: {
      roundId: round.id,
      organisationId: orgIds[0]!,
      createdById: users["applicant@demo.csf.test"]!.id,
      title: "Friday night detached youth work",
      summary: "Youth workers on the streets of central Darlington on Friday evenings, where anti-social behaviour peaks.",
      amountRequestedPence: 1_200_000,
      sectionProgress: JSON.stringify({ about: "completed" }),
      areas: { create: [{ roundAreaId: area("Darlington") }] },
      priorities: { create: [{ priorityId: priority("Reducing anti-social behaviour") }] },
    },
  });

  const submitted = [
    {
      org: 1,
      owner: "bids@durham-watch.demo.csf.test",
      title: "Street safe Stanley",
      summary: "Volunteer street patrols and a home security scheme for older residents in Stanley.",
      amount: 850_000,
      budget: [
        ["Door and window locks for 120 homes", 600_000, 0],
        ["Volunteer training and equipment", 350_000, 100_000],
      ] as const,
      areas: ["County Durham"],
      priorities: ["Reducing anti-social behaviour", "Protecting vulnerable people"],
      outcomes: [["Older residents feel safer at home", "Residents reporting they feel safe (survey)", "80% of 120 households"]] as const,
    },
    {
      org: 2,
      owner: "hello@safe-streets.demo.csf.test",
      title: "Recovery mentors",
      summary: "Peer mentors with lived experience support people leaving drug treatment to stay out of offending.",
      amount: 2_200_000,
      budget: [
        ["Two part-time peer mentors for a year", 2_000_000, 0],
        ["Travel and venue hire", 400_000, 200_000],
      ] as const,
      areas: ["County Durham", "Darlington"],
      priorities: ["Reducing reoffending", "Tackling drug and alcohol harm"],
      outcomes: [["Mentees do not reoffend", "Mentees with no new offence after 6 months", "70% of 40 mentees"]] as const,
    },
  ];
  for (const [index, bid] of submitted.entries()) {
    const sequence = index + 1;
    await db.round.update({ where: { id: round.id }, data: { referenceSequence: sequence } });
    const created = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: orgIds[bid.org]!,
        createdById: users[bid.owner]!.id,
        reference: `CSF-2526-R1-${String(sequence).padStart(4, "0")}`,
        status: "submitted",
        title: bid.title,
        summary: bid.summary,
        amountRequestedPence: bid.amount,
        projectStartDate: new Date(now.getTime() + 60 * DAY),
        projectEndDate: new Date(now.getTime() + 425 * DAY),
        beneficiaries: "Residents of the areas served.",
        beneficiaryCount: 120,
        safeguardingAnswer: "All staff and volunteers have enhanced DBS checks; we follow our safeguarding policy, reviewed yearly.",
        equalityAnswer: "The service is open to everyone; we monitor who uses it and adapt outreach to reach under-served groups.",
        declarationsAcceptedAt: new Date(now.getTime() - 2 * DAY),
        submittedAt: new Date(now.getTime() - 2 * DAY + sequence * 60_000),
        sectionProgress: JSON.stringify({}),
        areas: { create: bid.areas.map((name) => ({ roundAreaId: area(name) })) },
        priorities: { create: bid.priorities.map((title) => ({ priorityId: priority(title) })) },
        outcomes: { create: bid.outcomes.map(([outcome, indicator, target], position) => ({ outcome, indicator, target, position })) },
        budgetLines: { create: bid.budget.map(([item, costPence, otherFundingPence], position) => ({ item, costPence, otherFundingPence, position })) },
      },
    });
    // The receipt each submitter would have been sent: the demo mailbox starts with these.
    await queueEmail(db, {
      idempotencyKey: emailKeys.submissionReceipt(created.id),
      to: bid.owner,
      rendered: await renderSubmissionReceipt({
        recipientName: users[bid.owner]!.name,
        organisationName: organisations[bid.org]!.data.name,
        reference: created.reference!,
        bidTitle: created.title,
        fundName: csf.name,
        roundName: round.name,
        amountRequestedPence: bid.amount,
        submittedAt: created.submittedAt!,
        bidUrl: new URL(`/applicant/bids/${created.id}`, env().APP_URL).toString(),
      }),
    });
  }
  return { roundId: round.id, fundId: csf.id };
}
