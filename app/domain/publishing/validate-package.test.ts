import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildPackage, type PublishableAward } from "./three-sixty-giving";
import { checkPackage, schemaProblems } from "./validate-package";

// The originals beside the repository (ThreeSixtyGiving/standard, schema/), when they are there.
const SHARED = resolve(process.env.THREESIXTYGIVING_SCHEMA_DIR ?? "../shared/data/360giving");
const FILES = ["360-giving-package-schema.json", "360-giving-schema.json"];

const config = { prefix: "360G-example", funderId: "XE-EXAMPLE-PCC", funderName: "Office of the PCC", siteUrl: "https://fund.example.org" };
const round = {
  slug: "r1",
  name: "Round 1",
  code: "2526-R1",
  fund: { name: "Community Safety Fund", code: "CSF" },
  outcomesReleasedAt: new Date("2026-03-01T12:00:00Z"),
};
const award: PublishableAward = {
  id: "a1",
  status: "accepted",
  amountPence: 500_000,
  returnedPence: 0,
  offeredFromReserve: false,
  approvedAt: null,
  updatedAt: new Date("2026-03-02T12:00:00Z"),
  bid: {
    reference: "CSF-2526-R1-0001",
    status: "awarded",
    title: "Safer parks",
    summary: "Wardens in parks.",
    amountRequestedPence: 600_000,
    projectStartDate: new Date("2026-04-01T00:00:00Z"),
    projectEndDate: null,
    areas: ["County Durham", "Darlington"],
    priorities: [],
  },
  organisation: { id: "o1", name: "Safe Streets CIC", charityNumber: null, companyNumber: "11873245", postcode: "DH1 3NP" },
};

describe("the official 360Giving schemas", () => {
  it.skipIf(!existsSync(SHARED))("are kept byte for byte as published", () => {
    for (const file of FILES) {
      const copy = readFileSync(fileURLToPath(new URL(`./schemas/${file}`, import.meta.url)));
      expect(copy.equals(readFileSync(`${SHARED}/${file}`)), file).toBe(true);
    }
  });

  it("accept a package the builder makes", () => {
    const pkg = buildPackage(config, round, [award]);
    expect(schemaProblems(pkg)).toEqual([]);
    expect(checkPackage(config, pkg)).toEqual({ valid: true });
  });

  it("refuse a package that breaks the standard, with the reasons", () => {
    const pkg = buildPackage(config, round, [award]);
    const broken = { ...pkg, grants: [{ ...pkg.grants[0]!, amountAwarded: "5000", currency: "POUNDS", awardDate: "1 March 2026" }] };
    const problems = schemaProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "/grants/0/amountAwarded: must be number",
        expect.stringMatching(/^\/grants\/0\/currency: must be equal to one of the allowed values/),
      ]),
    );
    expect(problems.some((p) => p.startsWith("/grants/0/awardDate"))).toBe(true);
    expect(schemaProblems({ grants: [] })).toEqual(["/grants: must NOT have fewer than 1 items"]);
    const check = checkPackage(config, { ...pkg, grants: [] });
    expect(check.valid).toBe(false);
  });

  it("refuse a grant without a recipient", () => {
    const pkg = buildPackage(config, round, [award]);
    const { recipientOrganization: _recipient, ...grant } = pkg.grants[0]!;
    expect(schemaProblems({ ...pkg, grants: [grant] }).length).toBeGreaterThan(0);
  });
});
