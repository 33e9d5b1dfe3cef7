import { describe, expect, it } from "vitest";
import { assignmentRemovalProblem, planAssignments, type BidToAssign } from "./assignment";

const bids = (n: number, extra: Partial<BidToAssign> = {}): BidToAssign[] =>
  Array.from({ length: n }, (_, i) => ({ bidId: `bid-${String(i).padStart(2, "0")}`, assignedAssessorIds: [], conflictedAssessorIds: [], ...extra }));
const assessors = (n: number) => Array.from({ length: n }, (_, i) => ({ assessorId: `assessor-${i}`, assigned: 0 }));

function spread(workloads: { assigned: number }[]) {
  const counts = workloads.map((w) => w.assigned);
  return Math.max(...counts) - Math.min(...counts);
}

describe("planAssignments", () => {
  it("gives every bid the round's number of assessors, with workloads within one", () => {
    const plan = planAssignments({ bids: bids(7), assessors: assessors(3), assessorsPerBid: 2 });
    expect(plan.shortfalls).toEqual([]);
    for (const bid of bids(7)) expect(plan.assignments.filter((a) => a.bidId === bid.bidId)).toHaveLength(2);
    expect(plan.workloads.map((w) => w.assigned).reduce((a, b) => a + b)).toBe(14);
    expect(spread(plan.workloads)).toBeLessThanOrEqual(1);
  });

  it("never assigns an assessor twice to the same bid", () => {
    const plan = planAssignments({ bids: bids(5), assessors: assessors(2), assessorsPerBid: 2 });
    const pairs = plan.assignments.map((a) => `${a.bidId}/${a.assessorId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("never assigns a bid to an assessor who declared a conflict on it, and fills the place with someone else", () => {
    const input = bids(4);
    input[0] = { ...input[0]!, conflictedAssessorIds: ["assessor-0"] };
    input[2] = { ...input[2]!, conflictedAssessorIds: ["assessor-1", "assessor-2"] };
    const plan = planAssignments({ bids: input, assessors: assessors(4), assessorsPerBid: 2 });
    expect(plan.shortfalls).toEqual([]);
    expect(plan.assignments).not.toContainEqual({ bidId: "bid-00", assessorId: "assessor-0" });
    expect(plan.assignments).not.toContainEqual({ bidId: "bid-02", assessorId: "assessor-1" });
    expect(plan.assignments).not.toContainEqual({ bidId: "bid-02", assessorId: "assessor-2" });
    expect(spread(plan.workloads)).toBeLessThanOrEqual(1);
  });

  it("tops up bids that already have assessors, counting the existing workload", () => {
    const input = bids(3);
    input[0] = { ...input[0]!, assignedAssessorIds: ["assessor-0", "assessor-1"] };
    input[1] = { ...input[1]!, assignedAssessorIds: ["assessor-0"] };
    const plan = planAssignments({
      bids: input,
      assessors: [
        { assessorId: "assessor-0", assigned: 2 },
        { assessorId: "assessor-1", assigned: 1 },
        { assessorId: "assessor-2", assigned: 0 },
      ],
      assessorsPerBid: 2,
    });
    expect(plan.assignments).toHaveLength(3);
    expect(plan.assignments.filter((a) => a.bidId === "bid-00")).toEqual([]);
    expect(plan.workloads).toEqual([
      { assessorId: "assessor-0", assigned: 2 },
      { assessorId: "assessor-1", assigned: 2 },
      { assessorId: "assessor-2", assigned: 2 },
    ]);
  });

  it("reports a shortfall when too few assessors are free, rather than breaking a rule", () => {
    const input = bids(1, { conflictedAssessorIds: ["assessor-0"] });
    const plan = planAssignments({ bids: input, assessors: assessors(2), assessorsPerBid: 2 });
    expect(plan.assignments).toEqual([{ bidId: "bid-00", assessorId: "assessor-1" }]);
    expect(plan.shortfalls).toEqual([{ bidId: "bid-00", missing: 1 }]);
  });

  it("keeps workloads within one for many sizes when nobody is conflicted", () => {
    for (let bidCount = 0; bidCount <= 12; bidCount += 1) {
      for (let assessorCount = 2; assessorCount <= 6; assessorCount += 1) {
        for (const perBid of [1, 2]) {
          const plan = planAssignments({ bids: bids(bidCount), assessors: assessors(assessorCount), assessorsPerBid: perBid });
          expect(plan.shortfalls).toEqual([]);
          expect(plan.assignments).toHaveLength(bidCount * perBid);
          expect(spread(plan.workloads)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it("gives the same plan for the same input", () => {
    const input = { bids: bids(6), assessors: assessors(4), assessorsPerBid: 2 };
    expect(planAssignments(input)).toEqual(planAssignments(input));
  });
});

describe("assignmentRemovalProblem", () => {
  const names = { assessorName: "Ben Morris", reference: "CSF-2526-R1-0001" };

  it("lets an assessor who has not started, or has only a draft, be removed", () => {
    expect(assignmentRemovalProblem(names, { assigned: true, progress: "not_started" })).toBeNull();
    expect(assignmentRemovalProblem(names, { assigned: true, progress: "draft" })).toBeNull();
  });

  it("keeps an assessor whose submitted assessment counts, and says what to do instead", () => {
    expect(assignmentRemovalProblem(names, { assigned: true, progress: "submitted" })).toBe(
      "You cannot remove Ben Morris from CSF-2526-R1-0001 because they have submitted their assessment. Re-open it or moderate the scores instead",
    );
  });

  it("says so when the assessor is no longer assigned (a second click, or another administrator got there first)", () => {
    expect(assignmentRemovalProblem(names, { assigned: false, progress: "not_started" })).toBe("Ben Morris is not assigned to CSF-2526-R1-0001");
  });
});
