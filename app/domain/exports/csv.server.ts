// Writing a CSV export as a stream: rows are read from the database a page at a time by keyset
// (never the whole table in memory), stringified by csv-stringify as the reader asks for more,
// and every text cell is neutralised against CSV injection (docs/decisions/0017-csv-exports-and-audit-log.md).
import { stringify } from "csv-stringify";
import { Readable } from "node:stream";
import { neutraliseCell } from "~/lib/csv-cell";

/** Rows read per database query. */
export const EXPORT_PAGE_SIZE = 500;

export type Cell = string | number | null;

export type Column<T> = { header: string; value: (row: T) => Cell };

/**
 * Reads pages by keyset: `fetchPage(after)` returns up to `EXPORT_PAGE_SIZE` rows that come after
 * the row `after` (undefined for the first page), in the export's order.
 */
export async function* keysetPages<T>(fetchPage: (after: T | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: T | undefined;
  for (;;) {
    const page = await fetchPage(after);
    if (page.length > 0) yield page;
    if (page.length < EXPORT_PAGE_SIZE) return;
    after = page[page.length - 1];
  }
}

async function* records<T>(columns: Column<T>[], pages: AsyncIterable<T[]>): AsyncGenerator<Cell[]> {
  yield columns.map((c) => c.header);
  for await (const page of pages) {
    for (const row of page) yield columns.map((c) => c.value(row));
  }
}

/** The CSV text (UTF-8 bytes) of the header and every row, produced only as fast as it is read. */
export function csvStream<T>(columns: Column<T>[], pages: AsyncIterable<T[]>): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    // Every string cell, whichever column it comes from, is neutralised here: one place, no escape.
    cast: { string: (value) => neutraliseCell(value) },
    record_delimiter: "windows",
  });
  const source = Readable.from(records(columns, pages));
  source.on("error", (error) => stringifier.destroy(error));
  // A download cut short closes the stringifier; stop reading pages for it.
  stringifier.on("close", () => source.destroy());
  source.pipe(stringifier);
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}

/** Pounds with two decimal places from integer pence ("1234.50"), without floating point. */
export function poundsText(pence: number | null | undefined): string | null {
  if (pence === null || pence === undefined) return null;
  const sign = pence < 0 ? "-" : "";
  const whole = Math.abs(pence);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}

/** An instant as ISO 8601 in UTC (unambiguous in any spreadsheet's locale). */
export function isoTime(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

const londonDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK calendar date of an instant as YYYY-MM-DD. */
export function londonIsoDate(value: Date): string {
  return londonDate.format(value);
}

/** `<round code>-<kind>-<UK date>.csv`, safe as a file name. */
export function exportFileName(prefix: string, kind: string, now = new Date()): string {
  return `${prefix.replace(/[^A-Za-z0-9-]/g, "_")}-${kind}-${londonIsoDate(now)}.csv`;
}
