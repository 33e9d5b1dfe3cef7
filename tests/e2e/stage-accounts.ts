// Set-up shared by the two-stage and proportionate-form specs: applicants of their own (so the
// demo accounts' bids stay as other specs expect them) and open rounds made for one run.
import { seedTestRound, type E2eDb, type RoundData } from "./database";

/** A new applicant (with the demo password) owning a registered charity, both named from `label`. */
export async function seedApplicant(db: E2eDb, label: string) {
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

/** A round of `fundSlug` that opened yesterday, with two areas and two priorities. */
export function seedOpenRound(db: E2eDb, fundSlug: string, label: string, extra: Partial<RoundData> = {}) {
  return seedTestRound(db, fundSlug, label, {
    opensAt: new Date(Date.now() - 86_400_000),
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
  });
}
