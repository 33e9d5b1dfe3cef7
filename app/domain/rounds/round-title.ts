/** How a round is named on staff pages and in lists: its fund, then its own name. */
export function roundTitle(round: { name: string; fund: { name: string } }) {
  return `${round.fund.name}: ${round.name}`;
}
