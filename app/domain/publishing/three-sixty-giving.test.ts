import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPackage,
  grantIdentifier,
  isPublishedAward,
  publicAwardStatus,
  publicAwardStatusLabel,
  publisherProblems,
  recipientIdentifier,
  type PublishableAward,
  type PublishingConfig,
} from "./three-sixty-giving";

const config: PublishingConfig = { prefix: "360G-example", funderId: "XE-EXAMPLE-PCC", funderName: "Office of the PCC", siteUrl: "https://fund.example.org" };
const round = {
  slug: "2025-26-round-1",
  name: "2025 to 2026, round 1",
  code: "2526-R1",
  fund: { name: "Community Safety Fund", code: "CSF" },
  outcomesReleasedAt: new Date("2026-03-31T23:30:00Z"),
};

function award(overrides: Partial<PublishableAward> = {}, bid: Partial<PublishableAward["bid"]> = {}): PublishableAward {
  return {
    id: "award1",
    status: "accepted",
    amountPence: 1_250_050,
    returnedPence: 0,
    offeredFromReserve: false,
    approvedAt: null,
    updatedAt: new Date("2026-04-10T10:00:00Z"),
    bid: {
      reference: "CSF-2526-R1-0007",
      status: "awarded",
      title: "Friday night youth work",
      summary: "Youth workers on the streets on Friday evenings.",
      amountRequestedPence: 1_500_000,
      projectStartDate: new Date("2026-05-01T00:00:00Z"),
      projectEndDate: new Date("2027-03-31T00:00:00Z"),
      areas: ["Darlington"],
      priorities: ["Reducing anti-social behaviour"],
      ...bid,
    },
    organisation: { id: "org1", name: "Darlington Youth Outreach", charityNumber: "1167432", companyNumber: null, postcode: "dl1 1aa" },
    ...overrides,
  };
}

describe("which awards are published", () => {
  it("publishes awards made and standing, and ones the fund withdrew after release; not declined, lapsed or never-announced ones", () => {
    for (const status of ["released", "accepted", "closed"]) expect(isPublishedAward({ status, bid: { status: "awarded" } })).toBe(true);
    for (const status of ["proposed", "approved", "declined_by_applicant", "lapsed"])
      expect(isPublishedAward({ status, bid: { status: "awarded" } })).toBe(false);
    expect(isPublishedAward({ status: "withdrawn", bid: { status: "awarded" } })).toBe(true);
    expect(isPublishedAward({ status: "withdrawn", bid: { status: "withdrawn" } })).toBe(false);
    expect(isPublishedAward({ status: "withdrawn", bid: { status: "ineligible" } })).toBe(false);
  });

  it("labels withdrawn and returned awards", () => {
    expect(publicAwardStatusLabel(publicAwardStatus({ status: "accepted", amountPence: 100_00, returnedPence: 0 }))).toBe("Awarded");
    expect(publicAwardStatusLabel(publicAwardStatus({ status: "withdrawn", amountPence: 100_00, returnedPence: 0 }))).toBe("Withdrawn");
    expect(publicAwardStatusLabel(publicAwardStatus({ status: "closed", amountPence: 100_00, returnedPence: 25_50 }))).toBe("Part returned: £25.50");
    expect(publicAwardStatusLabel(publicAwardStatus({ status: "closed", amountPence: 100_00, returnedPence: 100_00 }))).toBe("Returned in full: £100.00");
  });
});

describe("recipient organisation identifiers", () => {
  const org = (charityNumber: string | null, companyNumber: string | null) => ({ id: "ckorg123", charityNumber, companyNumber });
  it("uses the charity number, then the company number, then a local identifier", () => {
    expect(recipientIdentifier("360G-x", org("1167432", "11873245"))).toBe("GB-CHC-1167432");
    expect(recipientIdentifier("360G-x", org(" 1093318-1 ", null))).toBe("GB-CHC-1093318-1");
    expect(recipientIdentifier("360G-x", org("sc012345", null))).toBe("GB-SC-SC012345");
    expect(recipientIdentifier("360G-x", org("NIC 100002", null))).toBe("GB-NIC-100002");
    expect(recipientIdentifier("360G-x", org(null, "11873245"))).toBe("GB-COH-11873245");
    expect(recipientIdentifier("360G-x", org(null, "1234567"))).toBe("GB-COH-01234567");
    expect(recipientIdentifier("360G-x", org(null, "sc123456"))).toBe("GB-COH-SC123456");
    expect(recipientIdentifier("360G-x", org("pending", "n/a"))).toBe("360G-x-ORG-ckorg123");
    expect(recipientIdentifier("360G-x", org(null, null))).toBe("360G-x-ORG-ckorg123");
  });

  it("always gives an identifier from a known list or under the publisher's prefix, made of safe characters", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 14 })),
        fc.option(fc.string({ maxLength: 12 })),
        fc.stringMatching(/^[a-z0-9]{1,25}$/),
        (charity, company, id) => {
          const value = recipientIdentifier("360G-example", { id, charityNumber: charity, companyNumber: company });
          expect(value).toMatch(/^(GB-CHC-\d{6,8}(-\d{1,2})?|GB-SC-SC\d{6}|GB-NIC-\d{5,6}|GB-COH-[A-Z0-9]{8}|360G-example-ORG-[a-z0-9]+)$/);
        },
      ),
    );
  });
});

describe("grant identifiers", () => {
  const code = fc.stringMatching(/^[0-9]{4}-R[0-9]{1,2}$/);
  const reference = fc.stringMatching(/^[A-Z]{2,5}-[0-9]{4}-R[0-9]{1,2}-[0-9]{4}$/);
  const prefix = fc.stringMatching(/^360G-[A-Za-z0-9-]{1,20}$/);

  it("start with the prefix, pass the publisher's checks, and differ for different bids", () => {
    fc.assert(
      fc.property(prefix, code, reference, reference, (p, c, r1, r2) => {
        const a = grantIdentifier(p, c, r1);
        expect(a.startsWith(`${p}-`)).toBe(true);
        expect(a).toMatch(/^[A-Za-z0-9._-]+$/);
        if (r1 !== r2) expect(grantIdentifier(p, c, r2)).not.toBe(a);
      }),
    );
  });

  it("gives a package whose every grant id is unique and passes the publisher's checks", () => {
    fc.assert(
      fc.property(prefix, fc.uniqueArray(reference, { minLength: 1, maxLength: 8 }), (p, refs) => {
        const pkg = buildPackage(
          { ...config, prefix: p },
          round,
          refs.map((r, i) => award({ id: `a${i}` }, { reference: r })),
        );
        expect(new Set(pkg.grants.map((g) => g.id)).size).toBe(refs.length);
        expect(publisherProblems({ ...config, prefix: p }, pkg)).toEqual([]);
      }),
    );
  });
});

describe("the package", () => {
  it("carries the core fields in pounds, UK dates, the programme, planned dates and areas", () => {
    const pkg = buildPackage(config, round, [award()]);
    expect(pkg.grants).toHaveLength(1);
    const grant = pkg.grants[0]!;
    expect(grant).toMatchObject({
      id: "360G-example-2526-R1-CSF-2526-R1-0007",
      title: "Friday night youth work",
      currency: "GBP",
      amountAwarded: 12500.5,
      amountAppliedFor: 15000,
      // Released at 00:30 on 1 April in London (BST).
      awardDate: "2026-04-01",
      fromOpenCall: "Yes",
      fundingOrganization: [{ id: "XE-EXAMPLE-PCC", name: "Office of the PCC" }],
      recipientOrganization: [{ id: "GB-CHC-1167432", name: "Darlington Youth Outreach", charityNumber: "1167432", postalCode: "DL1 1AA" }],
      plannedDates: [{ startDate: "2026-05-01", endDate: "2027-03-31" }],
      beneficiaryLocation: [{ name: "Darlington", countryCode: "GB" }],
      grantProgramme: [{ code: "CSF-2526-R1", title: "Community Safety Fund: 2025 to 2026, round 1", url: "https://fund.example.org/rounds/2025-26-round-1" }],
    });
    expect(grant.description).toContain("Youth workers on the streets");
    expect(pkg.downloadURL).toBe("https://fund.example.org/awards/2025-26-round-1/360giving.json");
  });

  it("leaves out declined and lapsed awards, and notes withdrawn and returned money in the description", () => {
    const pkg = buildPackage(config, round, [
      award({ id: "a1", status: "declined_by_applicant" }, { reference: "CSF-2526-R1-0001" }),
      award({ id: "a2", status: "lapsed" }, { reference: "CSF-2526-R1-0002" }),
      award({ id: "a3", status: "withdrawn" }, { reference: "CSF-2526-R1-0003" }),
      award({ id: "a4", status: "closed", returnedPence: 50_000 }, { reference: "CSF-2526-R1-0004" }),
    ]);
    expect(pkg.grants.map((g) => g.id)).toEqual(["360G-example-2526-R1-CSF-2526-R1-0003", "360G-example-2526-R1-CSF-2526-R1-0004"]);
    expect(pkg.grants[0]!.description).toContain("The fund withdrew this award");
    expect(pkg.grants[1]!.description).toContain("£500.00 of this award was returned");
    expect(pkg.grants[1]!.amountAwarded).toBe(12500.5);
  });

  it("keeps an unregistered group's postcode out, and gives it a local identifier", () => {
    const pkg = buildPackage(config, round, [
      award({ organisation: { id: "org9", name: "Street Pastors", charityNumber: null, companyNumber: null, postcode: "DH1 1AA" } }),
    ]);
    expect(pkg.grants[0]!.recipientOrganization).toEqual([{ id: "360G-example-ORG-org9", name: "Street Pastors" }]);
  });

  it("finds the problems the schema does not: a bad prefix, an empty name, nothing to publish", () => {
    const pkg = buildPackage(config, round, [award({ organisation: { id: "org9", name: "  ", charityNumber: null, companyNumber: null, postcode: "" } })]);
    expect(publisherProblems(config, pkg)).toEqual([
      "Grant 360G-example-2526-R1-CSF-2526-R1-0007: the recipient organisation (360G-example-ORG-org9) has no name.",
    ]);
    expect(publisherProblems({ ...config, prefix: "GB-example" }, buildPackage({ ...config, prefix: "GB-example" }, round, [award()]))[0]).toMatch(
      /must start with "360G-"/,
    );
    expect(publisherProblems(config, buildPackage(config, round, []))).toContain("There are no awards to publish.");
  });
});
