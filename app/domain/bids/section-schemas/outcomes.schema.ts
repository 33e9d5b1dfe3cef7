// The "Outcomes" section's one schema, read by the browser and parsed on the server.
import type { FormRules } from "../proportionate";
import { checkText, isBlankRow, rowsOf, sectionSchema, text, type SaveMode } from "./common";

export type OutcomeRow = { outcome: string; indicator: string; target: string };

export function outcomesSchema(rules: FormRules, mode: SaveMode) {
  return sectionSchema({ outcomes: rowsOf({ outcome: text, indicator: text, target: text }) }, (raw, problems) => {
    const outcomes: OutcomeRow[] = [];
    raw.outcomes.forEach((row, index) => {
      // Blank rows are left out, except a lone row on "Save and continue", which must be filled in.
      if (isBlankRow(row) && (mode === "draft" || raw.outcomes.length > 1)) return;
      const n = index + 1;
      outcomes.push({
        outcome: checkText(
          row.outcome,
          { path: ["outcomes", index, "outcome"], name: `Outcome ${n}`, missing: `Enter outcome ${n}`, required: true, maxChars: 300 },
          problems,
        ),
        indicator: checkText(
          row.indicator,
          {
            path: ["outcomes", index, "indicator"],
            name: `Indicator for outcome ${n}`,
            missing: `Enter how you will measure outcome ${n}`,
            required: true,
            maxChars: 300,
          },
          problems,
        ),
        target: checkText(
          row.target,
          { path: ["outcomes", index, "target"], name: `Target for outcome ${n}`, missing: `Enter the target for outcome ${n}`, required: true, maxChars: 200 },
          problems,
        ),
      });
    });
    if (mode === "complete" && outcomes.length === 0 && problems.length === 0) problems.push({ path: ["outcomes", 0, "outcome"], message: "Enter outcome 1" });
    if (outcomes.length > rules.maxOutcomes)
      problems.push({ path: ["outcomes", rules.maxOutcomes, "outcome"], message: `You can add up to ${rules.maxOutcomes} outcomes` });
    return outcomes;
  });
}
