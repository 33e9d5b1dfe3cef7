import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues } from "./form-values";
import { parseValues } from "./parse-form";

const schema = z.object({ name: z.string().trim().min(1, "Enter a name"), rows: z.array(z.object({ cost: z.string() })).default([]) });

function posted(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return formValues(data);
}

describe("parseValues", () => {
  it("gives the schema's data and the values as posted, nested by the dots in their names", () => {
    const parsed = parseValues(
      posted([
        ["name", " Ada "],
        ["rows.0.cost", "5"],
      ]),
      schema,
    );
    expect(parsed).toEqual({ ok: true, data: { name: "Ada", rows: [{ cost: "5" }] }, values: { name: " Ada ", rows: [{ cost: "5" }] } });
  });

  it("turns a failed parse into an invalid refusal with a message per field", () => {
    const parsed = parseValues(posted([["name", "  "]]), schema);
    expect(parsed).toEqual({ ok: false, refusal: { kind: "invalid", fieldErrors: { name: "Enter a name" } }, values: { name: "  " } });
  });
});
