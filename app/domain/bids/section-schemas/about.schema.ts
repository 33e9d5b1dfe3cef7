// The "About the project" section's one schema, read by the browser and parsed on the server.
import { amountLimitProblem, type AwardLimits } from "../amount-rule";
import { bandRulesFor, type RoundBands } from "../proportionate";
import { charsFor, checkDate, checkMoney, checkText, dateParts, sectionSchema, text, type SaveMode } from "./common";

export type { DateParts } from "./common";

/**
 * What the checks need to know about the round: its award limits and both bands' rules, already
 * read from what it stores (`roundBands`), so the browser has no stored rules to parse (ADR 0027).
 */
export type AboutRound = AwardLimits & RoundBands;

export function aboutSchema(round: AboutRound, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ title: text, summary: text, amountRequested: text, projectStart: dateParts, projectEnd: dateParts }, (raw, problems) => {
    const title = checkText(
      raw.title,
      { path: ["title"], name: "Project title", missing: "Enter the project title", required, maxChars: 150, singleLine: true },
      problems,
    );
    const amountRequestedPence = checkMoney(
      raw.amountRequested,
      {
        path: ["amountRequested"],
        name: "Amount requested",
        missing: "Enter the amount you are requesting, like 12500",
        format: "Amount requested must be an amount in pounds, like 12500 or 12500.50",
        required,
      },
      problems,
    );
    if (amountRequestedPence !== null) {
      const limit = amountLimitProblem(amountRequestedPence, round);
      if (limit) problems.push({ path: ["amountRequested"], message: limit });
    }
    // The summary's limit follows the amount typed on this same page.
    const rules = bandRulesFor(amountRequestedPence, round);
    const summary = checkText(
      raw.summary,
      {
        path: ["summary"],
        name: "Summary",
        missing: "Enter a summary of your project",
        required,
        maxWords: rules.summaryMaxWords,
        maxChars: charsFor(rules.summaryMaxWords),
      },
      problems,
    );
    const projectStartDate = checkDate(raw.projectStart, "projectStart", "Project start date", "Enter the date your project will start", required, problems);
    const projectEndDate = checkDate(raw.projectEnd, "projectEnd", "Project end date", "Enter the date your project will end", required, problems);
    if (projectStartDate && projectEndDate && projectEndDate <= projectStartDate) {
      problems.push({ path: ["projectEnd", "day"], message: "Project end date must be after the project start date" });
    }
    return { title, summary, amountRequestedPence, projectStartDate, projectEndDate };
  });
}
