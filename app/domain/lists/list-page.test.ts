import { describe, expect, it } from "vitest";
import { choice, listHref, matchesSearch, pageOfRows, pageWindow, requestedPage, searchText, showingText } from "./list-page";

describe("list pages", () => {
  it("reads a page number, anything else being page 1", () => {
    expect(requestedPage("3")).toBe(3);
    for (const bad of [null, "", "0", "-2", "1.5", "abc", "1e400"]) expect(requestedPage(bad)).toBe(1);
  });

  it("keeps the page within the list", () => {
    expect(pageWindow(5_000, 2)).toEqual({ page: 2, pageCount: 100, total: 5_000, pageSize: 50, skip: 50 });
    expect(pageWindow(120, 99)).toMatchObject({ page: 3, skip: 100 });
    expect(pageWindow(0, 4)).toMatchObject({ page: 1, pageCount: 1, skip: 0 });
    expect(pageOfRows([1, 2, 3, 4, 5], 2, 2).rows).toEqual([3, 4]);
  });

  it("says which rows are shown", () => {
    const noun = { one: "bid", many: "bids" };
    expect(showingText(pageWindow(5_000, 2), noun)).toBe("Showing 51 to 100 of 5,000 bids");
    expect(showingText(pageWindow(120, 3), noun)).toBe("Showing 101 to 120 of 120 bids");
    expect(showingText(pageWindow(1, 1), noun)).toBe("Showing 1 to 1 of 1 bid");
    expect(showingText(pageWindow(0, 1), noun)).toBe("No bids");
  });

  it("keeps the filters in page links and leaves empty ones out", () => {
    expect(listHref({ q: "river side", screening: "", area: "a1" }, 3)).toBe("?q=river+side&area=a1&page=3");
    expect(listHref({ q: "" }, 1)).toBe("?");
  });

  it("reads search text and choices", () => {
    expect(searchText(`  ${"x".repeat(150)} `)).toHaveLength(100);
    expect(choice("eligible", ["eligible", "ineligible"] as const)).toBe("eligible");
    expect(choice("<script>", ["eligible"] as const)).toBe("");
    expect(matchesSearch("RIVER", "CSF-1", "Riverside Trust")).toBe(true);
    expect(matchesSearch("lake", "CSF-1", "Riverside Trust")).toBe(false);
  });
});
