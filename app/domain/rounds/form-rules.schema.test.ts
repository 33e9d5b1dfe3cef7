import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { formRulesFormSchema, formRulesValues } from "./form-rules.schema";

const rules = {
  sections: ["outcomes"],
  documentKinds: ["accounts"],
  summaryMaxWords: 150,
  beneficiariesMaxWords: 200,
  safeguardingMaxWords: 200,
  equalityMaxWords: 200,
  maxOutcomes: 3,
  maxBudgetLines: 5,
};

describe("the proportionate-form rules form", () => {
  it("reads back the values it shows, for both bands", () => {
    const parsed = formRulesFormSchema.parse(formRulesValues({ small: rules, standard: { ...rules, sections: [] } } as never));
    expect(parsed).toEqual({ small: rules, standard: { ...rules, sections: [] } });
  });

  it("names a limit out of bounds and a section not on the list", () => {
    const values = { ...formRulesValues({ small: rules, standard: rules } as never), smallSummaryMaxWords: "5", standardSections: ["nonsense"] };
    const parsed = formRulesFormSchema.safeParse(values);
    expect(parsed.success ? {} : fieldErrorsFrom(parsed.error)).toEqual({
      smallSummaryMaxWords: "Small requests: Summary must be a whole number from 25 to 1000 words",
      standardSections: "Select sections from the list",
    });
  });
});
