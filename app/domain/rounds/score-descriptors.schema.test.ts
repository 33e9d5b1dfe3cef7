import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { descriptorField, descriptorValues, scoreDescriptorsSchema } from "./score-descriptors.schema";

const criteria = [{ id: "c1", title: "Need", maxScore: 2 }];

describe("the score descriptors form", () => {
  it("needs a description for every score of every criterion, trimmed", () => {
    expect(scoreDescriptorsSchema(criteria).parse({ descriptors: { c1: [" None ", "Some", "Strong"] } })).toEqual({
      descriptors: { c1: ["None", "Some", "Strong"] },
    });
  });

  it("names each missing or overlong description by its field", () => {
    const parsed = scoreDescriptorsSchema(criteria).safeParse({ descriptors: { c1: ["None", "", "x".repeat(301)] } });
    expect(parsed.success ? {} : fieldErrorsFrom(parsed.error)).toEqual({
      [descriptorField("c1", 1)]: "Enter what a score of 1 means for “Need”",
      [descriptorField("c1", 2)]: "The description of a score of 2 for “Need” must be 300 characters or fewer",
    });
  });

  it("treats a criterion left out of the post as empty descriptions", () => {
    const parsed = scoreDescriptorsSchema(criteria).safeParse({});
    expect(parsed.success ? [] : Object.keys(fieldErrorsFrom(parsed.error))).toEqual(["descriptors.c1.0", "descriptors.c1.1", "descriptors.c1.2"]);
  });

  it("gives back what was typed, keyed by field", () => {
    expect(descriptorValues(criteria, { descriptors: { c1: ["a", "b"] } })).toEqual({
      "descriptors.c1.0": "a",
      "descriptors.c1.1": "b",
      "descriptors.c1.2": "",
    });
  });
});
