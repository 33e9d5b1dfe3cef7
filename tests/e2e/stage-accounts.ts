// Set-up shared by the two-stage and proportionate-form specs: applicants of their own (so the
// demo accounts' bids stay as other specs expect them) and open rounds made for one run.
import { e2eDb } from "./database";

export type Db = Awaited<ReturnType<typeof e2eDb>>;

/** Runs `step` with the e2e database open, closing it afterwards. */
export async function withE2eDb<T>(step: (db: Db) => Promise<T>): Promise<T> {
  const db = await e2eDb();
  try {
    return await step(db);
  } finally {
    await db.$disconnect();
  }
}

/** A new applicant (with the demo password) owning a registered charity, both named from `label`. */
export async function seedApplicant(db: Db, label: string) {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.csf.test" } });
  const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now()}@example.org`;
  const user = await db.user.create({ data: { email, name: `Applicant ${label}`, role: "applicant", passwordHash } });
  const organisation = await db.organisation.create({
    data: {
      name: `${label} Trust ${Date.now()}`,
      type: "registered_charity",
      charityNumber: "1100001",
      addressLine1: "1 High Street",
      town: "Durham",
      postcode: "DH1 3NP",
      annualIncomePence: 5_000_000,
      contactName: user.name,
      contactEmail: email,
      members: { create: { userId: user.id, role: "owner" } },
    },
  });
  return { email, userId: user.id, organisationId: organisation.id, organisationName: organisation.name };
}

type RoundData = Parameters<Db["round"]["create"]>[0]["data"];

/** A round of `fundSlug` that opened yesterday, with two areas and two priorities. */
export async function seedOpenRound(db: Db, fundSlug: string, label: string, extra: Partial<RoundData> = {}) {
  const fund = await db.fund.findUniqueOrThrow({ where: { slug: fundSlug } });
  const stamp = `${label}-${Date.now()}`;
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: `e2e-${stamp}`.toLowerCase(),
      code: `E2E-${stamp}`.toUpperCase(),
      name: `Test round ${stamp}`,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      baseAllocationPence: 1_000_000,
      remainingPotPence: 1_000_000,
      minAwardPence: 100_000,
      maxAwardPence: 3_000_000,
      areas: {
        create: [
          { name: "County Durham", position: 0 },
          { name: "Darlington", position: 1 },
        ],
      },
      priorities: {
        create: [
          { title: "Reducing anti-social behaviour", position: 0 },
          { title: "Supporting victims of crime", position: 1 },
        ],
      },
      ...extra,
    } as RoundData,
    include: { areas: true, priorities: true },
  });
  return { round, roundName: `${fund.name}: ${round.name}` };
}
