import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityRound } from "./eligibility";
import { eligibilitySchema } from "./eligibility.schema";
import { VOLUNTARY_SECTOR_TYPES } from "~/domain/funds/applicant-types";

const round: EligibilityRound = {
  applicantTypes: VOLUNTARY_SECTOR_TYPES,
  opensAt: new Date("2026-01-05T09:00:00Z"),
  closesAt: new Date("2026-02-27T12:00:00Z"),
  minAwardPence: 100_000,
  maxAwardPence: 2_500_000,
  areas: [
    { id: "durham", name: "County Durham" },
    { id: "darlington", name: "Darlington" },
  ],
  priorities: [
    { id: "asb", title: "Reducing anti-social behaviour" },
    { id: "victims", title: "Supporting victims of crime" },
  ],
};
const open = new Date("2026-02-01T10:00:00Z");
const good = { organisationType: "registered_charity", areaIds: ["darlington"], priorityIds: ["asb"], amountRequestedPence: 1_200_000 };

describe("checkEligibility", () => {
  it("lets a community organisation in an eligible area, on a priority, within the limits, apply while the round is open", () => {
    expect(checkEligibility(good, round, open)).toEqual({ eligible: true, reasons: [] });
  });

  it.each(["registered_charity", "cio", "cic", "company_limited_by_guarantee", "unincorporated_group", "social_enterprise"])(
    "accepts a %s",
    (organisationType) => {
      expect(checkEligibility({ ...good, organisationType }, round, open).eligible).toBe(true);
    },
  );

  it.each(["public_body", "private_company", "individual", "community_safety_partnership", "anything-else"])("refuses a %s", (organisationType) => {
    const result = checkEligibility({ ...good, organisationType }, round, open);
    expect(result.reasons.map((r) => r.code)).toEqual(["organisation_type"]);
  });

  it("follows the fund's who-may-apply: a fund for Community Safety Partnerships refuses a charity and says who may apply", () => {
    const forPartnerships = { ...round, applicantTypes: ["community_safety_partnership" as const] };
    expect(checkEligibility({ ...good, organisationType: "community_safety_partnership" }, forPartnerships, open).eligible).toBe(true);
    expect(checkEligibility(good, forPartnerships, open).reasons).toEqual([
      { code: "organisation_type", message: "the fund only gives money to Community Safety Partnerships" },
    ]);
    const mixed = { ...round, applicantTypes: ["registered_charity" as const, "community_safety_partnership" as const] };
    expect(checkEligibility({ ...good, organisationType: "cic" }, mixed, open).reasons[0]!.message).toBe(
      "the fund only gives money to registered charities or Community Safety Partnerships",
    );
  });

  it("refuses everyone when the fund lists no type", () => {
    expect(checkEligibility(good, { ...round, applicantTypes: [] }, open).reasons.map((r) => r.code)).toEqual(["organisation_type"]);
  });

  it("lists every failing reason, not just the first", () => {
    const result = checkEligibility(
      { organisationType: "private_company", areaIds: [], priorityIds: [], amountRequestedPence: 3_000_000 },
      round,
      new Date("2026-03-01T00:00:00Z"),
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(["organisation_type", "area", "priority", "amount_above_maximum", "round_closed"]);
    expect(result.reasons.map((r) => r.message)).toEqual([
      "the fund only gives money to voluntary and community sector organisations, not to public bodies, private companies or individuals",
      "your project must work in County Durham or Darlington",
      "your project must address at least one of the Police and Crime Commissioner's priorities",
      "you are asking for £30,000.00 and the largest award in this round is £25,000.00",
      "the round closed on 27 February 2026 at midday",
    ]);
  });

  it("ignores area and priority ids that are not the round's", () => {
    const result = checkEligibility({ ...good, areaIds: ["elsewhere"], priorityIds: ["made-up"] }, round, open);
    expect(result.reasons.map((r) => r.code)).toEqual(["area", "priority"]);
  });

  it("holds the award limits inclusively", () => {
    expect(checkEligibility({ ...good, amountRequestedPence: 100_000 }, round, open).eligible).toBe(true);
    expect(checkEligibility({ ...good, amountRequestedPence: 2_500_000 }, round, open).eligible).toBe(true);
    expect(checkEligibility({ ...good, amountRequestedPence: 99_999 }, round, open).reasons).toEqual([
      { code: "amount_below_minimum", message: "you are asking for £999.99 and the smallest award in this round is £1,000.00" },
    ]);
    expect(checkEligibility({ ...good, amountRequestedPence: 2_500_001 }, round, open).reasons.map((r) => r.code)).toEqual(["amount_above_maximum"]);
  });

  it("uses the server's clock for the round being open, shown in UK time", () => {
    expect(checkEligibility(good, round, new Date("2026-01-05T08:59:59Z")).reasons).toEqual([
      { code: "round_not_open_yet", message: "the round is not open yet: it opens on 5 January 2026 at 9am" },
    ]);
    expect(checkEligibility(good, round, new Date("2026-01-05T09:00:00Z")).eligible).toBe(true);
    expect(checkEligibility(good, round, new Date("2026-02-27T11:59:59.999Z")).eligible).toBe(true);
    expect(checkEligibility(good, round, new Date("2026-02-27T12:00:00Z")).reasons.map((r) => r.code)).toEqual(["round_closed"]);
  });
});

describe("eligibility form schema", () => {
  const schema = eligibilitySchema({ areaIds: ["durham", "darlington"], priorityIds: ["asb", "victims"] });
  const errorsOf = (input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("reads the answers, with 'None of these' as no areas or priorities", () => {
    expect(schema.parse({ organisationType: "cic", areaIds: ["durham", "durham"], priorityIds: "none", amountRequested: "£12,500.50" })).toEqual({
      organisationType: "cic",
      areaIds: ["durham"],
      priorityIds: [],
      amountRequested: 1_250_050,
    });
  });

  it("names every missing answer", () => {
    expect(errorsOf({})).toEqual({
      organisationType: "Select the type of organisation that is applying",
      areaIds: "Select where your project will work, or select 'None of these'",
      priorityIds: "Select the priorities your project will address, or select 'None of these'",
      amountRequested: "Enter the amount you are requesting, like 12500",
    });
    // react-hook-form sends false for a checkbox group with nothing ticked.
    expect(errorsOf({ organisationType: "cic", areaIds: false, priorityIds: [], amountRequested: "   " })).toMatchObject({
      areaIds: "Select where your project will work, or select 'None of these'",
      amountRequested: "Enter the amount you are requesting, like 12500",
    });
  });

  it("refuses tampered choices and contradictory ticks", () => {
    expect(errorsOf({ organisationType: "government", areaIds: ["mars"], priorityIds: ["asb", "none"], amountRequested: "100" })).toEqual({
      organisationType: "Select the type of organisation that is applying",
      areaIds: "Select where your project will work, or select 'None of these'",
      priorityIds: "Select the priorities your project will address, or select 'None of these', not both",
    });
  });

  it.each([
    ["12a", "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
    ["-500", "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
    ["1.234", "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
    ["0", "Amount you are requesting must be more than £0"],
    ["99999999999", "Amount you are requesting must be £10,000,000 or less"],
    ["1".repeat(40), "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
  ])("refuses the amount %j", (amountRequested, message) => {
    expect(errorsOf({ organisationType: "cic", areaIds: ["durham"], priorityIds: ["asb"], amountRequested })).toEqual({ amountRequested: message });
  });
});
