import { describe, expect, it } from "vitest";
import { fieldErrorsFrom, FORM_ERROR } from "~/lib/form-errors";
import { invalid, refusalErrors } from "~/lib/refusal";
import {
  addCriterion,
  BLANK_CRITERION,
  checkCriteria,
  criteriaIntent,
  criteriaSchema,
  MAX_CRITERIA,
  removeCriterion,
  weightsTotal,
  wholeNumber,
  type CriterionRow,
} from "./criteria";

function row(overrides: Partial<CriterionRow> = {}): CriterionRow {
  return { id: "", title: "Value for money", guidance: "", weightPercent: "100", maxScore: "4", ...overrides };
}

describe("checking a round's criteria", () => {
  it("accepts criteria whose weights add up to 100, tidied and numbered in order", () => {
    const result = checkCriteria([
      row({ id: " c1 ", title: "  Supports   PCC objectives ", guidance: "Look for\r\nevidence. ", weightPercent: "40", maxScore: "4" }),
      row({ title: "Value for money", weightPercent: " 35% ", maxScore: "10" }),
      row({ title: "Deliverability", weightPercent: "25", maxScore: "1" }),
    ]);
    expect(result).toEqual({
      ok: true,
      criteria: [
        { id: "c1", title: "Supports PCC objectives", guidance: "Look for\nevidence.", weightPercent: 40, maxScore: 4, position: 0 },
        { id: null, title: "Value for money", guidance: "", weightPercent: 35, maxScore: 10, position: 1 },
        { id: null, title: "Deliverability", guidance: "", weightPercent: 25, maxScore: 1, position: 2 },
      ],
    });
  });

  it("needs at least one criterion, and no more than the limit", () => {
    expect(checkCriteria([])).toEqual(invalid({ [FORM_ERROR]: "Add at least one scoring criterion" }));
    const many = Array.from({ length: MAX_CRITERIA + 1 }, (_, i) => row({ title: `Criterion ${i}`, weightPercent: "0" }));
    expect(checkCriteria(many)).toEqual(invalid({ [FORM_ERROR]: `A round can have up to ${MAX_CRITERIA} criteria` }));
  });

  it("says what is wrong with each field, in GOV.UK wording and in page order", () => {
    const result = checkCriteria([
      row({ title: "Value for money", weightPercent: "50" }),
      row({ title: " ", guidance: "x".repeat(1001), weightPercent: "", maxScore: "" }),
      row({ title: "x".repeat(121), weightPercent: "12.5", maxScore: "0" }),
      row({ title: "VALUE FOR  money", weightPercent: "101", maxScore: "11" }),
      row({ title: "Deliverability", weightPercent: "-1", maxScore: "four" }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.entries(refusalErrors(result.refusal))).toEqual([
      ["criteria.1.title", "Enter the title of criterion 2"],
      ["criteria.1.guidance", "The guidance for criterion 2 must be 1000 characters or fewer"],
      ["criteria.1.weightPercent", "Enter the weight of criterion 2, in per cent"],
      ["criteria.1.maxScore", "Enter the highest score for criterion 2"],
      ["criteria.2.title", "The title of criterion 3 must be 120 characters or fewer"],
      ["criteria.2.weightPercent", "The weight of criterion 3 must be a whole number from 0 to 100"],
      ["criteria.2.maxScore", "The highest score for criterion 3 must be a whole number from 1 to 10"],
      ["criteria.3.title", "Criterion 4 has the same title as criterion 1; give each criterion a different title"],
      ["criteria.3.weightPercent", "The weight of criterion 4 must be a whole number from 0 to 100"],
      ["criteria.3.maxScore", "The highest score for criterion 4 must be a whole number from 1 to 10"],
      ["criteria.4.weightPercent", "The weight of criterion 5 must be a whole number from 0 to 100"],
      ["criteria.4.maxScore", "The highest score for criterion 5 must be a whole number from 1 to 10"],
    ]);
  });

  it("counts a title and guidance at their limits, and guidance line breaks once", () => {
    const result = checkCriteria([row({ title: "t".repeat(120), guidance: `${"g".repeat(499)}\r\n${"g".repeat(500)}` })]);
    expect(result.ok).toBe(true);
  });

  it("refuses weights that do not add up to 100 with the scoring rule's message, on the first weight", () => {
    const result = checkCriteria([row({ title: "A", weightPercent: "60" }), row({ title: "B", weightPercent: "50" })]);
    expect(result).toEqual(invalid({ "criteria.0.weightPercent": "The criteria weights add up to 110%; they must add up to 100%" }));
    expect(checkCriteria([row({ title: "A", weightPercent: "0" })])).toEqual(
      invalid({ "criteria.0.weightPercent": "The criteria weights add up to 0%; they must add up to 100%" }),
    );
  });

  it("does not judge the total while a weight is not a number", () => {
    const result = checkCriteria([row({ title: "A", weightPercent: "60" }), row({ title: "B", weightPercent: "lots" })]);
    expect(result).toEqual(invalid({ "criteria.1.weightPercent": "The weight of criterion 2 must be a whole number from 0 to 100" }));
  });
});

describe("the buttons of the criteria form", () => {
  it("reads add, remove (counting from 1) and anything else as save", () => {
    expect(criteriaIntent("add")).toEqual({ kind: "add" });
    expect(criteriaIntent("remove:1")).toEqual({ kind: "remove", index: 0 });
    expect(criteriaIntent("remove:12")).toEqual({ kind: "remove", index: 11 });
    expect(criteriaIntent("remove:0")).toEqual({ kind: "save" });
    expect(criteriaIntent("remove:x")).toEqual({ kind: "save" });
    expect(criteriaIntent("save")).toEqual({ kind: "save" });
    expect(criteriaIntent(undefined)).toEqual({ kind: "save" });
  });

  it("adds a blank row up to the limit, and removes only the row asked for", () => {
    const rows = [row({ title: "A" }), row({ title: "B" })];
    expect(addCriterion(rows)).toEqual({ rows: [...rows, BLANK_CRITERION], errors: {} });
    const full = Array.from({ length: MAX_CRITERIA }, () => row());
    expect(addCriterion(full)).toEqual({ rows: full, errors: { [FORM_ERROR]: `A round can have up to ${MAX_CRITERIA} criteria` } });
    expect(removeCriterion(rows, 0)).toEqual([rows[1]]);
    expect(removeCriterion(rows, 5)).toEqual(rows);
  });

  it("totals the weights typed so far, ignoring those that are not whole numbers from 0 to 100", () => {
    expect(
      weightsTotal([
        row({ weightPercent: "40" }),
        row({ weightPercent: "50%" }),
        row({ weightPercent: "" }),
        row({ weightPercent: "abc" }),
        row({ weightPercent: "200" }),
      ]),
    ).toBe(90);
  });

  it("reads whole numbers strictly", () => {
    expect(wholeNumber(" 7 ", 0, 10)).toBe(7);
    expect(wholeNumber("7%", 0, 10)).toBe(7);
    for (const bad of ["", "7.0", "1e1", "+7", "-1", "11", "0x7", "٧"]) expect(wholeNumber(bad, 0, 10)).toBeNull();
  });
});

describe("the criteria form's schema", () => {
  it("gives the checked criteria for rows as posted", () => {
    const parsed = criteriaSchema.parse({ criteria: [{ id: "", title: " Need ", guidance: "", weightPercent: "100", maxScore: "4" }] });
    expect(parsed).toEqual([{ id: null, title: "Need", guidance: "", weightPercent: 100, maxScore: 4, position: 0 }]);
  });

  it("puts each problem on its field, and a problem with the whole list on the form", () => {
    const rows = [
      { title: "Need", weightPercent: "60", maxScore: "4" },
      { title: "need", weightPercent: "", maxScore: "11" },
    ];
    const parsed = criteriaSchema.safeParse({ criteria: rows });
    expect(parsed.success ? {} : fieldErrorsFrom(parsed.error)).toEqual({
      "criteria.1.title": "Criterion 2 has the same title as criterion 1; give each criterion a different title",
      "criteria.1.weightPercent": "Enter the weight of criterion 2, in per cent",
      "criteria.1.maxScore": "The highest score for criterion 2 must be a whole number from 1 to 10",
    });
    const none = criteriaSchema.safeParse({});
    expect(none.success ? {} : Object.keys(fieldErrorsFrom(none.error))).toEqual(["form"]);
  });
});
