import type { Prisma } from "~/lib/db.server";

/** How a round is named on staff pages and in lists: its fund, then its own name. */
export function roundTitle(round: { name: string; fund: { name: string } }) {
  return `${round.fund.name}: ${round.name}`;
}

/** What a round's settings pages read to name the round and to tell whether it has opened. */
export const roundHeadingSelect = { id: true, name: true, opensAt: true, fund: { select: { name: true } } } as const satisfies Prisma.RoundSelect;

/** The round at the top of one of its settings pages: its title and when it opens. */
export function roundHeading(round: { id: string; name: string; opensAt: Date; fund: { name: string } }) {
  return { id: round.id, name: roundTitle(round), opensAt: round.opensAt.toISOString() };
}
