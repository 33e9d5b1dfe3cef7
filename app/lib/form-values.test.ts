import { describe, expect, it } from "vitest";
import { formRows, formValues, rowIntent, textAt, textValues } from "./form-values";

function form(entries: [string, string | File][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("formValues", () => {
  it("nests dotted names and numbers rows as they will be shown again", () => {
    const values = formValues(
      form([
        ["title", "A"],
        ["projectStart.day", "1"],
        ["outcomes.0.outcome", "first"],
        ["outcomes.5.outcome", "second"],
      ]),
    );
    expect(values).toEqual({ title: "A", projectStart: { day: "1" }, outcomes: [{ outcome: "first" }, { outcome: "second" }] });
  });

  it("drops NUL from names and values, whichever database is behind", () => {
    const values = formValues(
      form([
        ["ti\u0000tle", "A\u0000B"],
        ["ids", "x\u0000"],
      ]),
      ["ids"],
    );
    expect(values).toEqual({ title: "AB", ids: ["x"] });
  });

  it("keeps every value of a checkbox group, and an empty list when none is ticked", () => {
    expect(
      formValues(
        form([
          ["priorityIds", "a"],
          ["priorityIds", "b"],
        ]),
        ["priorityIds"],
      ),
    ).toEqual({ priorityIds: ["a", "b"] });
    expect(formValues(form([]), ["priorityIds"])).toEqual({ priorityIds: [] });
  });

  it("keeps the first value of a repeated single field, and ignores files and odd names", () => {
    const values = formValues(
      form([
        ["title", "first"],
        ["title", "second"],
        ["upload", new File(["x"], "x.txt")],
        ["__proto__.polluted", "yes"],
        ["rows.1000.item", "too far"],
        ["a..b", "empty segment"],
      ]),
    );
    expect(values).toEqual({ title: "first" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formRows", () => {
  it("gives each row every field as text, dropping anything that is not a row", () => {
    expect(formRows([{ item: "x" }, "junk", ["nested"]], ["item", "cost"])).toEqual([{ item: "x", cost: "" }]);
    expect(formRows("not rows", ["item"])).toEqual([]);
  });
});

describe("rowIntent", () => {
  it("reads the buttons of a repeatable section", () => {
    expect(rowIntent("add-outcome", "outcome")).toEqual({ kind: "add" });
    expect(rowIntent("remove-outcome:3", "outcome")).toEqual({ kind: "remove", index: 3 });
    expect(rowIntent("save-draft", "outcome")).toEqual({ kind: "save", mode: "draft" });
    expect(rowIntent(undefined, "outcome")).toEqual({ kind: "save", mode: "complete" });
    expect(rowIntent("remove-outcome:abc", "outcome")).toEqual({ kind: "save", mode: "complete" });
    expect(rowIntent("add-line", "outcome")).toEqual({ kind: "save", mode: "complete" });
  });
});

describe("textValues", () => {
  it("gives each named text field, empty when it is missing or not text", () => {
    const values = formValues(
      form([
        ["name", "Acme"],
        ["town", "Durham"],
        ["extra", "x"],
        ["file", new File(["x"], "a.txt")],
        ["lines.0.cost", "5"],
      ]),
      [],
    );
    expect(textValues(values, ["name", "postcode", "file", "lines"])).toEqual({ name: "Acme", postcode: "", file: "", lines: "" });
  });
});

describe("textAt", () => {
  it("reads a dotted field back out of the nested values, and nothing that was not posted as text", () => {
    const values = formValues(
      form([
        ["award.b1", "1500"],
        ["reserve", "b2"],
        ["lines.0.cost", "20"],
      ]),
      ["reserve"],
    );
    expect(textAt(values, "award.b1")).toBe("1500");
    expect(textAt(values, "lines.0.cost")).toBe("20");
    expect(textAt(values, "award.b2")).toBeUndefined();
    expect(textAt(values, "award")).toBeUndefined();
    expect(textAt(values, "reserve")).toBeUndefined();
    expect(textAt(values, "award.b1.more")).toBeUndefined();
    expect(textAt(values, "award.constructor")).toBeUndefined();
  });
});
