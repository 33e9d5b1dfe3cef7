import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { EMPTY_ROUND_DETAILS, roundDetailsSchema } from "./round-details.schema";

const good = {
  ...EMPTY_ROUND_DETAILS,
  name: " Spring round ",
  code: " 2627-r1 ",
  opensAt: { day: "1", month: "4", year: "2026", time: "09:00" },
  closesAt: { day: "1", month: "6", year: "2026", time: "17:00" },
  baseAllocation: "100000",
  minAward: "1000",
  maxAward: "20000",
  areas: "North\nnorth\n South ",
  priorities: "Safer streets",
  opccSignOffRequired: "yes",
};

describe("the round details form", () => {
  it("reads the round: upper-case code, London times as instants, pence, one of each area", () => {
    const round = roundDetailsSchema.parse(good);
    expect(round).toMatchObject({
      name: "Spring round",
      code: "2627-R1",
      opensAt: new Date("2026-04-01T08:00:00Z"),
      closesAt: new Date("2026-06-01T16:00:00Z"),
      baseAllocation: 10_000_000,
      rolledForward: 0,
      areas: ["North", "South"],
      opccSignOffRequired: true,
      maxDocumentMegabytes: 10 * 1024 * 1024,
      acceptanceDays: 28,
      shareScoresWithApplicants: false,
    });
  });

  it("names each problem, across fields too", () => {
    const parsed = roundDetailsSchema.safeParse({
      ...good,
      code: "spring",
      closesAt: { day: "31", month: "2", year: "2026", time: "17:00" },
      areas: " ",
      opccSignOffRequired: "",
    });
    expect(parsed.success ? {} : fieldErrorsFrom(parsed.error)).toEqual({
      code: "The round code must be the years and round number, like 2627-R1",
      "closesAt.day": "The closing date must be a real date",
      areas: "Enter at least one eligible area",
      opccSignOffRequired: "Select yes if the OPCC must sign off the allocation",
    });
    const across = roundDetailsSchema.safeParse({ ...good, minAward: "30000" });
    expect(across.success ? {} : fieldErrorsFrom(across.error)).toEqual({ minAward: "The minimum award must be the same as or less than the maximum award" });
  });
});
