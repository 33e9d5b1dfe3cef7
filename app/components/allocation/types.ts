// Plain props for the allocation page's parts: what the route's loader and action hand over, as the
// browser receives them (no dates read, no database types).
import type { UnassessedBid } from "~/domain/allocation/decisions.server";
import type { ProposalValues, SuggestionView } from "~/domain/allocation/workspace";
import type { FieldErrors } from "~/lib/form-errors";

export type AllocationRound = {
  id: string;
  name: string;
  allocationStatus: string;
  opccSignOffRequired: boolean;
  minAwardPence: number;
  maxAwardPence: number;
  qualityThresholdPercent: number;
  latestSignOff: { comment: string | null } | null;
  areas: { id: string; name: string }[];
  priorities: { id: string; title: string }[];
};

export type AllocationPot = {
  baseAllocationPence: number;
  rolledForwardPence: number;
  matchFundingPence: number;
  potPence: number;
  awardedPence: number;
  proposedPence: number;
  returnedPence: number;
  reofferedPence: number;
  remainingPotPence: number;
};

export type AllocationAward = { amountPence: number; returnedPence: number; conditions: string | null; status: string };

/** One ranked bid, in rank order. */
export type AllocationRow = {
  bidId: string;
  reference: string;
  title: string;
  organisationName: string;
  status: string;
  rank: number | null;
  scoreText: string | null;
  meetsThreshold: boolean;
  requestedPence: number;
  award: AllocationAward | null;
};

/** What the page's action answers with: a message, or errors with what was sent to show again. */
export type AllocationActionData = {
  message?: string | null;
  errors?: FieldErrors;
  values?: ProposalValues;
  /** Values for bids not on the page (a loaded suggestion), carried in the form so saving saves them. */
  carried?: ProposalValues;
  /** The proposal on the bids not on the page, in pence. */
  offPageProposedPence?: number;
  suggestion?: SuggestionView;
  ringFences?: Record<string, string>;
  priorityMinimums?: Record<string, string>;
  /** The release form's page as posted, shown again when it was refused. */
  feedback?: Record<string, string>;
  reserve?: string[];
  offer?: ReserveOffer;
  /** Bids that stop the release: never screened, or without a score. */
  unassessed?: UnassessedBid[];
};

/** An award offered to a reserve bid, as typed. */
export type ReserveOffer = { bidId: string; amount: string; conditions: string };
