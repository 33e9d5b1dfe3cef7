// The "Beneficiaries" section's one schema, read by the browser and parsed on the server.
import type { FormRules } from "../proportionate";
import { charsFor, checkText, sectionSchema, text, type SaveMode } from "./common";

export function beneficiariesSchema(rules: FormRules, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ beneficiaries: text, beneficiaryCount: text }, (raw, problems) => {
    const beneficiaries = checkText(
      raw.beneficiaries,
      {
        path: ["beneficiaries"],
        name: "Who will benefit",
        missing: "Describe who will benefit from your project",
        required,
        maxWords: rules.beneficiariesMaxWords,
        maxChars: charsFor(rules.beneficiariesMaxWords),
      },
      problems,
    );
    const count = raw.beneficiaryCount.trim().replaceAll(",", "");
    let beneficiaryCount: number | null = null;
    if (count === "") {
      if (required) problems.push({ path: ["beneficiaryCount"], message: "Enter how many people will benefit, like 120" });
    } else if (!/^\d+$/.test(count)) {
      problems.push({ path: ["beneficiaryCount"], message: "Number of people who will benefit must be a whole number, like 120" });
    } else if (count.length > 7 || Number(count) < 1 || Number(count) > 1_000_000) {
      problems.push({ path: ["beneficiaryCount"], message: "Number of people who will benefit must be between 1 and 1,000,000" });
    } else beneficiaryCount = Number(count);
    return { beneficiaries, beneficiaryCount };
  });
}
