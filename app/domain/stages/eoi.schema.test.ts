import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { eoiSchema } from "./eoi.schema";

const errors = (parsed: { success: boolean; error?: unknown }) => (parsed.success ? {} : fieldErrorsFrom(parsed.error as never));
const round = { areaIds: ["a1"], priorityIds: ["p1"] };

describe("the expression of interest", () => {
  it("reads a complete answer, one box as a list", () => {
    expect(
      eoiSchema(round, "complete").parse({
        title: " Safe streets ",
        summary: "Walk home",
        areaIds: "a1",
        priorityIds: ["p1", "p1"],
        amountRequested: "12,000",
      }),
    ).toEqual({
      title: "Safe streets",
      summary: "Walk home",
      areaIds: ["a1"],
      priorityIds: ["p1"],
      amountRequestedPence: 1_200_000,
    });
  });

  it("needs every answer to submit, none to save a draft, and nothing invalid either way", () => {
    expect(errors(eoiSchema(round, "complete").safeParse({}))).toEqual({
      title: "Enter a title for your project",
      summary: "Enter what your project will do, where and for whom",
      areaIds: "Select the areas your project will serve",
      priorityIds: "Select the priorities your project will address",
      amountRequested: "Enter roughly how much you will ask for",
    });
    expect(eoiSchema(round, "draft").parse({})).toEqual({ title: "", summary: "", areaIds: [], priorityIds: [], amountRequestedPence: null });
    expect(errors(eoiSchema(round, "draft").safeParse({ title: "a\nb", areaIds: ["elsewhere"], amountRequested: "0" }))).toEqual({
      title: "Title must be on one line",
      areaIds: "Select areas from the list",
      amountRequested: "Amount must be more than £0",
    });
  });
});
