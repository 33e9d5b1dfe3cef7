// Staff lists page on the server (ADR 0023): the query string holds the page number, the filters
// and the search, so every page, filter and search is a plain link or GET form.
// Pure: shared by loaders and the pages that draw the links.

/** Rows on one page of a staff list. */
export const LIST_PAGE_SIZE = 50;

/** The longest search the lists accept (longer text is cut, not refused). */
export const MAX_SEARCH_LENGTH = 100;

/** Where one page sits in the whole list. */
export type PageWindow = { page: number; pageCount: number; total: number; pageSize: number; skip: number };

/** The page number asked for: a whole number from 1, anything else is page 1. */
export function requestedPage(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** The page to show for a list of `total` rows: past the end shows the last page. */
export function pageWindow(total: number, requested: number, pageSize = LIST_PAGE_SIZE): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  return { page, pageCount, total, pageSize, skip: (page - 1) * pageSize };
}

/** A page of a query's rows: how many to skip, and how many to take. */
export function pageRange(window: Pick<PageWindow, "skip" | "pageSize">) {
  return { skip: window.skip, take: window.pageSize };
}

/** One page of rows already in memory (a list that must be computed whole, such as a ranking). */
export function pageOfRows<T>(rows: T[], requested: number, pageSize = LIST_PAGE_SIZE) {
  const window = pageWindow(rows.length, requested, pageSize);
  return { window, rows: rows.slice(window.skip, window.skip + pageSize) };
}

/** "Showing 51 to 100 of 5,000 bids", or "No bids" when the list is empty. */
export function showingText(window: Pick<PageWindow, "page" | "pageSize" | "total">, noun: { one: string; many: string }): string {
  if (window.total === 0) return `No ${noun.many}`;
  const first = (window.page - 1) * window.pageSize + 1;
  const last = Math.min(window.total, window.page * window.pageSize);
  const count = (n: number) => n.toLocaleString("en-GB");
  return `Showing ${count(first)} to ${count(last)} of ${count(window.total)} ${window.total === 1 ? noun.one : noun.many}`;
}

/** A search box's text: trimmed and cut to a sensible length. */
export function searchText(value: string | null | undefined): string {
  return (value ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
}

/** The value when it is one of those allowed, otherwise "" (no filter). */
export function choice<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | "" {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : "";
}

/**
 * The query string for a page of a list with the given filters: empty filters are left out, and
 * page 1 has no page number, so a list's links stay short and the filters survive paging.
 */
export function listHref(filters: Record<string, string>, page = 1): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** Case-insensitive "contains" in memory, for lists computed whole (a ranking). */
export function matchesSearch(term: string, ...texts: (string | null | undefined)[]): boolean {
  if (!term) return true;
  const wanted = term.toLocaleLowerCase("en-GB");
  return texts.some((t) => (t ?? "").toLocaleLowerCase("en-GB").includes(wanted));
}

/** The name of the hidden field in which a form on (or reached from) a list posts the list's query string. */
export const LIST_QUERY_FIELD = "listQuery";

/**
 * The list's filters and page from a posted query string, keeping only the names the list reads
 * (each value cut to the search's length). The action redirects to its own fixed path with these,
 * so whatever is posted, the browser goes back to the same page of the same list and nowhere else.
 */
export function listQuery(value: string | null | undefined, names: readonly string[]): URLSearchParams {
  const posted = new URLSearchParams((value ?? "").slice(0, 1000).replace(/^\?/, ""));
  const kept = new URLSearchParams();
  for (const name of names) {
    const v = posted.get(name);
    if (v) kept.set(name, v.slice(0, MAX_SEARCH_LENGTH));
  }
  return kept;
}

/** A list's address with its kept query and a banner's parameters after an action. */
export function backToList(path: string, kept: URLSearchParams, banner: Record<string, string> = {}): string {
  const params = new URLSearchParams(kept);
  for (const [name, value] of Object.entries(banner)) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
