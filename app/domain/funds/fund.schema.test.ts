import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { fundSchema } from "./fund.schema";

const errors = (input: unknown) => {
  const parsed = fundSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the fund form", () => {
  it("upper-cases the code and keeps who may apply in the question's order, whether one box or several are posted", () => {
    expect(fundSchema.parse({ name: " Victims ", code: " vs1 ", description: "For victims", applicantTypes: ["cic", "registered_charity"] })).toEqual({
      name: "Victims",
      code: "VS1",
      description: "For victims",
      applicantTypes: ["registered_charity", "cic"],
    });
    expect(fundSchema.parse({ name: "V", code: "VS", description: "D", applicantTypes: "cio" }).applicantTypes).toEqual(["cio"]);
  });

  it("names each problem", () => {
    expect(errors({})).toEqual({
      name: "Enter the fund's name",
      code: "Enter the fund's code",
      description: "Enter what the fund is for",
      applicantTypes: "Select who may apply to the fund",
    });
    expect(errors({ name: "x".repeat(101), code: "1AB", description: "D", applicantTypes: ["martians"] })).toEqual({
      name: "Fund name must be 100 characters or fewer",
      code: "Fund code must be 2 to 8 letters or numbers, starting with a letter, like CSF",
      applicantTypes: "Select who may apply to the fund",
    });
  });
});
