// Rounds, organisations and bids made directly in the test database, for the bid tests.
import { SECTIONS } from "~/domain/bids/sections";
import { documentStorage } from "~/domain/documents/storage.server";
import { db } from "~/lib/db.server";
import { signedInAs } from "./app";
import { docxFile, odtFile, pdfFile } from "./documents";

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

export type TestRound = Awaited<ReturnType<typeof createRound>>;

/** An open round of a fund coded CSF: £1,000 to £25,000, small bids below £5,000. */
export async function createRound(overrides: { closesAt?: Date; opensAt?: Date; maxDocumentBytes?: number; code?: string; slug?: string } = {}) {
  counter += 1;
  const fund =
    (await db.fund.findUnique({ where: { code: "CSF" } })) ??
    (await db.fund.create({ data: { slug: "community-safety-fund", code: "CSF", name: "Community Safety Fund", description: "Test fund" } }));
  const now = Date.now();
  return db.round.create({
    data: {
      fundId: fund.id,
      slug: overrides.slug ?? `round-${counter}`,
      code: overrides.code ?? `2526-R${counter}`,
      name: `2025 to 2026, round ${counter}`,
      opensAt: overrides.opensAt ?? new Date(now - 7 * DAY),
      closesAt: overrides.closesAt ?? new Date(now + 30 * DAY),
      baseAllocationPence: 10_000_000,
      remainingPotPence: 10_000_000,
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
      smallBidThresholdPence: 500_000,
      maxDocumentBytes: overrides.maxDocumentBytes ?? 10_485_760,
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
    },
    include: { areas: { orderBy: { position: "asc" } }, priorities: { orderBy: { position: "asc" } }, fund: true },
  });
}

/** A signed-in applicant who belongs to a new organisation. */
export async function applicantWithOrganisation(name = "Darlington Youth Outreach") {
  const { user, cookie } = await signedInAs("applicant");
  const organisation = await db.organisation.create({
    data: {
      name,
      type: "registered_charity",
      charityNumber: "1167432",
      addressLine1: "12 Bondgate",
      town: "Darlington",
      postcode: "DL3 7JJ",
      contactName: user.name,
      contactEmail: user.email,
      members: { create: { userId: user.id, role: "owner" } },
    },
  });
  return { user, cookie, organisation };
}

export async function createDraft(roundId: string, organisationId: string, createdById: string) {
  return db.bid.create({ data: { roundId, organisationId, createdById } });
}

/** Fills in every section of a draft as a careful applicant would, with its three documents. */
export async function completeDraft(bidId: string, round: TestRound, userId: string, overrides: { amountRequestedPence?: number } = {}) {
  const amount = overrides.amountRequestedPence ?? 1_200_000;
  const storage = documentStorage();
  const documents = await Promise.all(
    (
      [
        ["constitution", "constitution.pdf", pdfFile(), "application/pdf"],
        ["accounts", "accounts.docx", docxFile(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["safeguarding_policy", "safeguarding.odt", odtFile(), "application/vnd.oasis.opendocument.text"],
      ] as const
    ).map(async ([kind, originalName, bytes, mediaType]) => ({
      kind,
      originalName,
      mediaType,
      sizeBytes: bytes.byteLength,
      storedName: await storage.put(bytes),
      uploadedById: userId,
    })),
  );
  return db.bid.update({
    where: { id: bidId },
    data: {
      title: "Friday night detached youth work",
      summary: "Youth workers on the streets of central Darlington on Friday evenings.",
      amountRequestedPence: amount,
      projectStartDate: new Date(Date.UTC(2026, 3, 1)),
      projectEndDate: new Date(Date.UTC(2027, 2, 31)),
      beneficiaries: "Young people aged 11 to 18 in central Darlington.",
      beneficiaryCount: 120,
      safeguardingAnswer: "Enhanced DBS checks, a named safeguarding lead and yearly training.",
      equalityAnswer: "Open to all; we reach out to groups who are often missed.",
      declarationsAcceptedAt: new Date(),
      sectionProgress: JSON.stringify(Object.fromEntries(SECTIONS.map((s) => [s.key, "completed"]))),
      areas: { create: [{ roundAreaId: round.areas[1]!.id }] },
      priorities: { create: [{ priorityId: round.priorities[0]!.id }] },
      outcomes: { create: [{ position: 0, outcome: "Young people feel safer", indicator: "Survey of young people", target: "75% of 120" }] },
      budgetLines: {
        create: [
          { position: 0, item: "Two youth workers, Friday evenings", costPence: amount, otherFundingPence: 0 },
          { position: 1, item: "Venue hire", costPence: 50_000, otherFundingPence: 50_000 },
        ],
      },
      documents: { create: documents },
    },
  });
}
