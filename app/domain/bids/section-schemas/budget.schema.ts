// The "Budget" section's one schema, read by the browser and parsed on the server.
import { budgetMatchProblem } from "../amount-rule";
import type { FormRules } from "../proportionate";
import { checkMoney, checkText, isBlankRow, rowsOf, sectionSchema, text, type SaveMode } from "./common";

export type BudgetRow = { item: string; cost: string; otherFunding: string };
export type BudgetLineValue = { item: string; costPence: number; otherFundingPence: number };

export function budgetSchema(rules: FormRules, amountRequestedPence: number | null, mode: SaveMode) {
  return sectionSchema({ lines: rowsOf({ item: text, cost: text, otherFunding: text }) }, (raw, problems) => {
    const lines: BudgetLineValue[] = [];
    raw.lines.forEach((row, index) => {
      if (isBlankRow(row) && (mode === "draft" || raw.lines.length > 1)) return;
      const n = index + 1;
      const item = checkText(
        row.item,
        { path: ["lines", index, "item"], name: `Item ${n}`, missing: `Enter what budget line ${n} is for`, required: true, maxChars: 200, singleLine: true },
        problems,
      );
      const costPence = checkMoney(
        row.cost,
        {
          path: ["lines", index, "cost"],
          name: `Cost of budget line ${n}`,
          missing: `Enter the cost of budget line ${n}, like 1500`,
          format: `Cost of budget line ${n} must be an amount in pounds, like 1500 or 1500.50`,
          required: true,
        },
        problems,
      );
      if (costPence === 0) problems.push({ path: ["lines", index, "cost"], message: `Cost of budget line ${n} must be more than £0` });
      const otherFundingPence = checkMoney(
        row.otherFunding,
        {
          path: ["lines", index, "otherFunding"],
          name: `Other funding for budget line ${n}`,
          missing: "",
          format: `Other funding for budget line ${n} must be an amount in pounds, like 500 or 500.50`,
          required: false,
        },
        problems,
      );
      if (costPence !== null && otherFundingPence !== null && otherFundingPence > costPence) {
        problems.push({ path: ["lines", index, "otherFunding"], message: `Other funding for budget line ${n} must not be more than its cost` });
      }
      lines.push({ item, costPence: costPence ?? 0, otherFundingPence: otherFundingPence ?? 0 });
    });
    if (lines.length > rules.maxBudgetLines) {
      problems.push({ path: ["lines", rules.maxBudgetLines, "item"], message: `You can add up to ${rules.maxBudgetLines} budget lines` });
    }
    if (mode === "complete" && problems.length === 0) {
      if (lines.length === 0) problems.push({ path: ["lines", 0, "item"], message: "Enter what budget line 1 is for" });
      else if (amountRequestedPence !== null) {
        const mismatch = budgetMatchProblem(amountRequestedPence, lines);
        if (mismatch) problems.push({ path: ["budgetTotal"], message: mismatch });
      }
    }
    return lines;
  });
}
