// Which assessor assesses which bid. Pure: no I/O; the caller loads the
// round's bids, assessors and conflicts and writes the plan back.
//
// Rules: each bid gets `assessorsPerBid` assessors; nobody gets a bid they declared a conflict on
// or one they already have; workloads stay as even as possible. The plan is greedy and
// repeatable: the most constrained bid is filled first (fewest assessors free to take it), and
// each place goes to the free assessor with the lightest workload, ties broken by id. With no
// conflicts this keeps every workload within one of every other.

/** The assignment page's fields for one bid: the assessor to add, and the removal form. */
export const assignField = (bidId: string) => `assessor.${bidId}`;
export const removeField = (bidId: string) => `remove.${bidId}`;

export type BidToAssign = {
  bidId: string;
  /** Assessors already assigned who still count (not conflicted). */
  assignedAssessorIds: readonly string[];
  /** Assessors who declared a conflict on this bid: never assigned to it. */
  conflictedAssessorIds: readonly string[];
};

export type AssessorWorkload = {
  assessorId: string;
  /** Bids the assessor already has in this round. */
  assigned: number;
};

export type AssignmentPlan = {
  assignments: { bidId: string; assessorId: string }[];
  /** Bids that could not be given enough assessors, and how many places are still empty. */
  shortfalls: { bidId: string; missing: number }[];
  /** Each assessor's workload after the plan. */
  workloads: AssessorWorkload[];
};

export function planAssignments(input: { bids: readonly BidToAssign[]; assessors: readonly AssessorWorkload[]; assessorsPerBid: number }): AssignmentPlan {
  const load = new Map(input.assessors.map((a) => [a.assessorId, a.assigned]));
  const assessorIds = [...load.keys()].sort();
  const taken = new Map(input.bids.map((b) => [b.bidId, new Set([...b.assignedAssessorIds, ...b.conflictedAssessorIds])]));
  const free = (bid: BidToAssign) => assessorIds.filter((id) => !taken.get(bid.bidId)!.has(id));
  const needed = (bid: BidToAssign) => Math.max(0, input.assessorsPerBid - bid.assignedAssessorIds.length);

  const order = [...input.bids].sort((a, b) => free(a).length - free(b).length || (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0));
  const assignments: AssignmentPlan["assignments"] = [];
  const shortfalls: AssignmentPlan["shortfalls"] = [];
  for (const bid of order) {
    let missing = needed(bid);
    while (missing > 0) {
      const candidates = free(bid);
      if (candidates.length === 0) break;
      const pick = candidates.reduce((best, id) => (load.get(id)! < load.get(best)! ? id : best));
      assignments.push({ bidId: bid.bidId, assessorId: pick });
      taken.get(bid.bidId)!.add(pick);
      load.set(pick, load.get(pick)! + 1);
      missing -= 1;
    }
    if (missing > 0) shortfalls.push({ bidId: bid.bidId, missing });
  }
  return {
    assignments,
    shortfalls: shortfalls.sort((a, b) => (a.bidId < b.bidId ? -1 : 1)),
    workloads: assessorIds.map((assessorId) => ({ assessorId, assigned: load.get(assessorId)! })),
  };
}

/** Where an assigned assessor is up to with the bid, as the assignment page shows it. */
export type AssignmentProgress = "not_started" | "draft" | "submitted";

/**
 * Why an assessor cannot be taken off a bid, or null if they can. A submitted assessment counts
 * towards the bid's score (assessments belong to the bid and assessor, not to the assignment), so
 * its assessor stays: the administrator re-opens it or moderates instead. A draft does not count
 * and is kept, so removing its assessor loses nothing.
 */
export function assignmentRemovalProblem(
  names: { assessorName: string; reference: string },
  state: { assigned: boolean; progress: AssignmentProgress },
): string | null {
  if (!state.assigned) return `${names.assessorName} is not assigned to ${names.reference}`;
  if (state.progress === "submitted") {
    return `You cannot remove ${names.assessorName} from ${names.reference} because they have submitted their assessment. Re-open it or moderate the scores instead`;
  }
  return null;
}
