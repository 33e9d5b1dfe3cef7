// CSV injection: a spreadsheet opening an export reads a cell that starts with one of these
// characters as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1-2`, `-2+3`), and tab or carriage return
// can hide such a start. Every text cell of every export goes through `neutraliseCell`; numbers are
// written as numbers (never as text), so they need no quote and stay numbers in the spreadsheet
// (docs/decisions/0017-csv-exports-and-audit-log.md).

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet could take this text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text with a single quote in front when it could be read as a formula; otherwise unchanged. */
export function neutraliseCell(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
