// Live figures on a round's public page: how many bids are in, how much they ask for, and how
// that compares with the pot, so applicants can judge their chances (last year: tenfold).
import { formatPounds } from "~/lib/money";

/** Bids that do not count as requests on the pot: not yet sent, or taken back. */
export const BID_STATUSES_NOT_COUNTED = ["draft", "withdrawn"] as const;

export type Oversubscription =
  { kind: "no_requests" } | { kind: "within_pot"; percentOfPot: number } | { kind: "oversubscribed"; timesTenths: number } | { kind: "no_pot" };

/** Integer division rounded half up, for non-negative whole numbers (no floating point). */
function divideRounded(numerator: number, denominator: number) {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Requests against the pot: a percentage while within it, "1.8 times" once over it. */
export function oversubscription(totalRequestedPence: number, potPence: number): Oversubscription {
  if (totalRequestedPence <= 0) return { kind: "no_requests" };
  if (potPence <= 0) return { kind: "no_pot" };
  if (totalRequestedPence <= potPence) return { kind: "within_pot", percentOfPot: divideRounded(totalRequestedPence * 100, potPence) };
  return { kind: "oversubscribed", timesTenths: divideRounded(totalRequestedPence * 10, potPence) };
}

/** One plain-English sentence about the figures. */
export function describeOversubscription(figure: Oversubscription): string {
  switch (figure.kind) {
    case "no_requests":
      return "No bids have been submitted yet.";
    case "no_pot":
      return "There is no money in this round's pot.";
    case "within_pot":
      if (figure.percentOfPot >= 100) return "Requests so far add up to all the money available.";
      if (figure.percentOfPot === 0) return "Requests so far add up to less than 1% of the money available.";
      return `Requests so far add up to ${figure.percentOfPot}% of the money available.`;
    case "oversubscribed": {
      if (figure.timesTenths <= 10) return "Requests are slightly more than the money available.";
      const whole = Math.floor(figure.timesTenths / 10);
      const tenth = figure.timesTenths % 10;
      return `Requests are ${whole}${tenth === 0 ? "" : `.${tenth}`} times the money available.`;
    }
  }
}

export type RoundFigures = {
  submittedBids: number;
  totalRequestedPence: number;
  potPence: number;
  oversubscription: Oversubscription;
  summary: string;
};

export function roundFigures(input: { submittedBids: number; totalRequestedPence: number; potPence: number }): RoundFigures {
  const figure = oversubscription(input.totalRequestedPence, input.potPence);
  return { ...input, oversubscription: figure, summary: describeOversubscription(figure) };
}

/** "2 bids asking for £30,500.00 in total" */
export function describeRequests(submittedBids: number, totalRequestedPence: number) {
  if (submittedBids === 0) return "No bids yet";
  return `${submittedBids} ${submittedBids === 1 ? "bid" : "bids"} asking for ${formatPounds(totalRequestedPence)} in total`;
}
