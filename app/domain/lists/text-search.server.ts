// Case-insensitive text search on both databases (ADR 0023). PostgreSQL's LIKE is case-sensitive
// and Prisma offers `mode: "insensitive"` (ILIKE) there only; SQLite's LIKE already ignores the
// case of ASCII letters and its client refuses `mode`. So the filter is built per provider.
import { env } from "~/lib/env.server";
import { isPostgresUrl, type Prisma } from "~/lib/db.server";

export type Provider = "sqlite" | "postgresql";

export function currentProvider(): Provider {
  return isPostgresUrl(env().DATABASE_URL) ? "postgresql" : "sqlite";
}

/** A string filter matching text that contains `term`, whatever its case. */
export function containsText(term: string, provider: Provider = currentProvider()): Prisma.StringFilter {
  // The SQLite client's types have no `mode`; the PostgreSQL client (same models) accepts it.
  return provider === "postgresql" ? ({ contains: term, mode: "insensitive" } as Prisma.StringFilter) : { contains: term };
}

/** Bids whose reference, title or organisation's name contains the search, any case; everything when empty. */
export function bidSearchWhere(term: string, provider: Provider = currentProvider()): Prisma.BidWhereInput {
  if (!term) return {};
  const text = containsText(term, provider);
  return { OR: [{ reference: text }, { title: text }, { organisation: { name: text } }] };
}
