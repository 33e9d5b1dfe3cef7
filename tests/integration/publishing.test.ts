// 360Giving publishing and the public awards pages (ADR 0015): only released rounds and grants
// the fund made are public, the file agrees with the database and validates against the official
// 1.4.3 schema, a package that does not validate is never served, and no personal data leaves.
import { beforeEach, describe, expect, it } from "vitest";
import { publishingConfig } from "~/domain/publishing/public-awards.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createRound, type TestRound } from "../support/bids";
import { emptyDatabase } from "../support/database";
import { officialSchemaProblems } from "../support/three-sixty-giving";

const RELEASED_AT = new Date("2026-03-31T23:30:00Z"); // 00:30 on 1 April in London

type Seeded = {
  key: string;
  org: string;
  charityNumber?: string;
  companyNumber?: string;
  bidStatus: string;
  award?: { status: string; amountPence: number; returnedPence?: number };
};

const BIDS: Seeded[] = [
  { key: "accepted", org: "Darlington Youth Outreach", charityNumber: "1167432", bidStatus: "awarded", award: { status: "accepted", amountPence: 1_200_050 } },
  { key: "released", org: "Safe Streets CIC", companyNumber: "11873245", bidStatus: "awarded", award: { status: "released", amountPence: 800_000 } },
  { key: "returned", org: "Stanley Street Group", bidStatus: "awarded", award: { status: "closed", amountPence: 500_000, returnedPence: 50_000 } },
  {
    key: "withdrawn",
    org: "Withdrawn After Release Trust",
    charityNumber: "SC012345",
    bidStatus: "awarded",
    award: { status: "withdrawn", amountPence: 300_000 },
  },
  { key: "declined", org: "Declining Trust", charityNumber: "1093318", bidStatus: "awarded", award: { status: "declined_by_applicant", amountPence: 400_000 } },
  { key: "lapsed", org: "Late Lapsing Group", bidStatus: "awarded", award: { status: "lapsed", amountPence: 250_000 } },
  { key: "pulled", org: "Pulled Out Before Release", bidStatus: "withdrawn", award: { status: "withdrawn", amountPence: 200_000 } },
  { key: "notFunded", org: "Not Funded Group", bidStatus: "declined" },
];

let released: TestRound;
let unreleased: TestRound;

function textOf(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function seedBids(round: TestRound, bids: Seeded[], userId: string, sequence = { n: 0 }) {
  for (const b of bids) {
    sequence.n += 1;
    const organisation = await db.organisation.create({
      data: {
        name: b.org,
        type: b.charityNumber ? "registered_charity" : b.companyNumber ? "cic" : "unincorporated_group",
        charityNumber: b.charityNumber ?? null,
        companyNumber: b.companyNumber ?? null,
        addressLine1: `${sequence.n} Private Lane`,
        town: "Durham",
        postcode: "DH1 3NP",
        contactName: `Private Person ${b.key}`,
        contactEmail: `contact-${b.key}@private-person.test`,
        contactPhone: "07700 900123",
      },
    });
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        createdById: userId,
        reference: `CSF-${round.code}-${String(sequence.n).padStart(4, "0")}`,
        status: b.bidStatus,
        title: `Project of ${b.org}`,
        summary: `What ${b.org} will do.`,
        amountRequestedPence: (b.award?.amountPence ?? 300_000) + 10_000,
        projectStartDate: new Date("2026-05-01T00:00:00Z"),
        projectEndDate: new Date("2027-03-31T00:00:00Z"),
        submittedAt: new Date("2026-01-10T10:00:00Z"),
        areas: { create: [{ roundAreaId: round.areas[sequence.n % 2]!.id }] },
        priorities: { create: [{ priorityId: round.priorities[0]!.id }] },
      },
    });
    if (b.award) {
      await db.award.create({
        data: {
          bidId: bid.id,
          roundId: round.id,
          amountPence: b.award.amountPence,
          pccFundedPence: b.award.amountPence,
          matchFundedPence: 0,
          status: b.award.status,
          returnedPence: b.award.returnedPence ?? 0,
          approvedAt: new Date("2026-03-20T10:00:00Z"),
        },
      });
    }
  }
}

beforeEach(async () => {
  await emptyDatabase();
  const { user } = await signedInAs("applicant");
  released = await createRound({
    slug: "released-round",
    code: "2526-R7",
    opensAt: new Date("2025-11-01T09:00:00Z"),
    closesAt: new Date("2026-01-31T12:00:00Z"),
  });
  await seedBids(released, BIDS, user.id);
  await db.round.update({ where: { id: released.id }, data: { allocationStatus: "released", outcomesReleasedAt: RELEASED_AT } });
  unreleased = await createRound({ slug: "unreleased-round", code: "2526-R8" });
  await seedBids(
    unreleased,
    [
      {
        key: "approved",
        org: "Approved Not Yet Announced",
        charityNumber: "1184467",
        bidStatus: "in_assessment",
        award: { status: "approved", amountPence: 900_000 },
      },
    ],
    user.id,
    { n: 100 },
  );
});

const bidOf = (key: string) =>
  db.bid.findFirstOrThrow({ where: { organisation: { name: BIDS.find((b) => b.key === key)!.org } }, include: { award: true, organisation: true } });

describe("the public awards pages", () => {
  it("list released rounds only, and a released round's grants with their status, totals and the 360Giving link", async () => {
    const index = await send("/awards");
    expect(index.status).toBe(200);
    const indexText = textOf(await index.text());
    expect(indexText).toContain(released.name);
    expect(indexText).not.toContain(unreleased.name);

    const page = await send("/awards/released-round");
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(text).toContain("Darlington Youth Outreach Project of Darlington Youth Outreach £12,000.50");
    expect(text).toContain("Safe Streets CIC");
    expect(text).toMatch(/Stanley Street Group .* Part returned: £500\.00/);
    expect(text).toMatch(/Withdrawn After Release Trust .* Withdrawn/);
    expect(text).toContain("1 April 2026");
    expect(text).toContain("Reducing anti-social behaviour");
    for (const hidden of ["Declining Trust", "Late Lapsing Group", "Pulled Out Before Release", "Not Funded Group", "Approved Not Yet Announced"])
      expect(text).not.toContain(hidden);
    // Standing awards less money returned: 12,000.50 + 8,000 + 5,000 - 500; the withdrawn one is not counted.
    expect(text).toContain("Total awarded £24,500.50 of a £100,000.00 pot");
    expect(text).toContain("Grants awarded 3");
    // Every bid decided, the withdrawn bid aside.
    expect(text).toContain("Bids considered 7");
    expect(html).toContain('href="/awards/released-round/360giving.json"');
    for (const b of BIDS) {
      expect(html).not.toContain(`contact-${b.key}@private-person.test`);
      expect(html).not.toContain(`Private Person ${b.key}`);
    }
    expect(html).not.toContain("Private Lane");
  });

  it("answer 404 for a round not released, and for no round at all", async () => {
    expect((await send("/awards/unreleased-round")).status).toBe(404);
    expect((await send("/awards/unreleased-round/360giving.json")).status).toBe(404);
    expect((await send("/awards/no-such-round")).status).toBe(404);
    expect((await send("/awards/no-such-round/360giving.json")).status).toBe(404);
  });
});

describe("the 360Giving file", () => {
  it("validates against the official schema and agrees with the database, with no personal data", async () => {
    const response = await send("/awards/released-round/360giving.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = await response.text();
    const pkg = JSON.parse(body) as { grants: Record<string, unknown>[] };
    expect(officialSchemaProblems(pkg)).toEqual([]);

    const { prefix, funderId } = publishingConfig();
    const expected = await Promise.all(["accepted", "released", "returned", "withdrawn"].map(bidOf));
    expect(pkg.grants.map((g) => g.id).sort()).toEqual(expected.map((b) => `${prefix}-2526-R7-${b.reference}`).sort());
    for (const bid of expected) {
      const grant = pkg.grants.find((g) => g.id === `${prefix}-2526-R7-${bid.reference}`)!;
      expect(grant.amountAwarded).toBe(bid.award!.amountPence / 100);
      expect(grant.amountAppliedFor).toBe(bid.amountRequestedPence! / 100);
      expect(grant.awardDate).toBe("2026-04-01");
      expect(grant.title).toBe(bid.title);
      expect(grant.currency).toBe("GBP");
      expect(grant.fromOpenCall).toBe("Yes");
      expect(grant.plannedDates).toEqual([{ startDate: "2026-05-01", endDate: "2027-03-31" }]);
      expect(grant.fundingOrganization).toEqual([{ id: funderId, name: publishingConfig().funderName }]);
      expect((grant.recipientOrganization as { name: string }[])[0]!.name).toBe(bid.organisation.name);
    }
    const recipient = (key: string) => {
      const grant = pkg.grants.find((g) => (g.recipientOrganization as { name: string }[])[0]!.name === BIDS.find((b) => b.key === key)!.org)!;
      return (grant.recipientOrganization as { id: string }[])[0]!.id;
    };
    expect(recipient("accepted")).toBe("GB-CHC-1167432");
    expect(recipient("released")).toBe("GB-COH-11873245");
    expect(recipient("withdrawn")).toBe("GB-SC-SC012345");
    expect(recipient("returned")).toBe(`${prefix}-ORG-${(await bidOf("returned")).organisationId}`);
    expect(JSON.stringify(pkg.grants.find((g) => g.id === `${prefix}-2526-R7-${expected[3]!.reference}`))).toContain("withdrew this award");
    for (const b of BIDS) {
      expect(body).not.toContain(`contact-${b.key}@private-person.test`);
      expect(body).not.toContain(`Private Person ${b.key}`);
    }
    expect(body).not.toContain("Private Lane");
    expect(body).not.toContain("07700");
  });

  it("is refused with the reasons when the package does not pass, and never served", async () => {
    const returned = await bidOf("returned");
    await db.organisation.update({ where: { id: returned.organisationId }, data: { name: " " } });

    const response = await send("/awards/released-round/360giving.json");
    expect(response.status).toBe(503);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain("not available");
    expect(body).not.toContain("grants");

    const page = textOf(await (await send("/awards/released-round")).text());
    expect(page).toContain("The 360Giving data for this round is not available at the moment.");

    const { cookie } = await signedInAs("fund_administrator");
    const staff = await send(`/administrator/rounds/${released.id}/publishing`, { cookie });
    expect(staff.status).toBe(200);
    const staffText = textOf(await staff.text());
    expect(staffText).toContain("does not pass validation");
    expect(staffText).toMatch(/the recipient organisation \(.*-ORG-.*\) has no name/);
  });

  it("is refused when the standard's own schema fails: a round with nothing to publish", async () => {
    await db.award.updateMany({ where: { roundId: released.id }, data: { status: "lapsed" } });
    expect((await send("/awards/released-round/360giving.json")).status).toBe(503);
    const { cookie } = await signedInAs("fund_administrator");
    const staffText = textOf(await (await send(`/administrator/rounds/${released.id}/publishing`, { cookie })).text());
    expect(staffText).toContain("/grants: must NOT have fewer than 1 items");
    expect(staffText).toContain("There are no awards to publish.");
  });

  it("shows staff a valid package as published, and says nothing is published before release", async () => {
    const { cookie } = await signedInAs("fund_administrator");
    const valid = textOf(await (await send(`/administrator/rounds/${released.id}/publishing`, { cookie })).text());
    expect(valid).toContain("Published 4 grants, valid against the 360Giving Data Standard");
    const before = textOf(await (await send(`/administrator/rounds/${unreleased.id}/publishing`, { cookie })).text());
    expect(before).toContain("Nothing is published until the round's outcomes are released.");
  });
});
