import { describe, expect, it } from "vitest";
import { csvStream, EXPORT_PAGE_SIZE, exportFileName, keysetPages, poundsText, type Column } from "./csv.server";

type Row = { id: number; name: string; pence: number };
const COLUMNS: Column<Row>[] = [
  { header: "Id", value: (r) => r.id },
  { header: "Name", value: (r) => r.name },
  { header: "Pence", value: (r) => r.pence },
];

/** Pages of `total` rows, counting how many pages have been asked for. */
function source(total: number) {
  const asked = { pages: 0 };
  const pages = keysetPages(async (after: Row | undefined) => {
    asked.pages += 1;
    const start = after ? after.id + 1 : 0;
    return Array.from({ length: Math.max(0, Math.min(EXPORT_PAGE_SIZE, total - start)) }, (_, i) => ({
      id: start + i,
      name: `Row ${start + i}`,
      pence: -(start + i),
    }));
  });
  return { asked, pages };
}

describe("csvStream", () => {
  it("reads pages only as the reader asks for more", async () => {
    const { asked, pages } = source(EXPORT_PAGE_SIZE * 20);
    const reader = csvStream(COLUMNS, pages).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(asked.pages).toBeLessThan(20);
    await reader.cancel();
  });

  it("writes the header, every row once, numbers as numbers and text neutralised", async () => {
    const { asked, pages } = source(EXPORT_PAGE_SIZE * 2 + 1);
    const rows: Row[] = [];
    const text = await new Response(
      csvStream(
        COLUMNS,
        (async function* () {
          for await (const page of pages) {
            rows.push(...page);
            yield page.map((r) => (r.id === 3 ? { ...r, name: "=1+1" } : r));
          }
        })(),
      ),
    ).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Id,Name,Pence");
    expect(lines).toHaveLength(EXPORT_PAGE_SIZE * 2 + 1 + 2); // header, rows, and the empty string after the last CRLF
    expect(lines[4]).toBe("3,'=1+1,-3");
    expect(new Set(rows.map((r) => r.id)).size).toBe(EXPORT_PAGE_SIZE * 2 + 1);
    expect(asked.pages).toBe(3);
  });

  it("asks once more after a full last page, and stops at a short one", async () => {
    const exact = source(EXPORT_PAGE_SIZE);
    await new Response(csvStream(COLUMNS, exact.pages)).text();
    expect(exact.asked.pages).toBe(2);
    const empty = source(0);
    expect(await new Response(csvStream(COLUMNS, empty.pages)).text()).toBe("Id,Name,Pence\r\n");
  });
});

describe("poundsText and exportFileName", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [123_456, "1234.56"],
    [100_000_000, "1000000.00"],
  ])("%i pence is £%s", (pence, text) => {
    expect(poundsText(pence)).toBe(text);
  });

  it("names the file after the round code, the kind and the UK date", () => {
    expect(exportFileName("2526-R1", "bids", new Date(Date.UTC(2026, 5, 30, 23, 30)))).toBe("2526-R1-bids-2026-07-01.csv");
    expect(exportFileName('x"/\\y', "awards", new Date(Date.UTC(2026, 0, 5)))).toBe("x___y-awards-2026-01-05.csv");
  });
});
