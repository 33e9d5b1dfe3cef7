import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { awardCeilingPence, unfundableReason, type AllocationCandidate, type AllocationRound } from "./candidates";
import { suggestOptimal, type OptimalConstraints } from "./optimal.server";
import { suggestRankOrder } from "./rank-order";
import { arbitraryCandidates, arbitraryRound, candidate, shuffle } from "./test-fixtures";

const round: AllocationRound = { availablePence: 1_000_000, minAwardPence: 100_000, maxAwardPence: 2_500_000, qualityThresholdPercent: 50 };

describe("suggestOptimal", () => {
  it("finds the highest total score that fits, where rank order does worse", async () => {
    // Rank order takes the 90% bid (£8,000) and then nothing else fits; two 80% bids score more.
    const bids = [
      candidate({ bidId: "a", reference: "CSF-0001", rank: 1, scoreBasisPoints: 9000, amountRequestedPence: 800_000 }),
      candidate({ bidId: "b", reference: "CSF-0002", rank: 2, scoreBasisPoints: 8000, amountRequestedPence: 500_000 }),
      candidate({ bidId: "c", reference: "CSF-0003", rank: 3, scoreBasisPoints: 7900, amountRequestedPence: 500_000 }),
    ];
    const rankOrder = suggestRankOrder(bids, round, "skip");
    expect(rankOrder.totalScoreBasisPoints).toBe(9000);

    const optimal = await suggestOptimal(bids, round);
    expect(optimal.status).toBe("optimal");
    expect(optimal.statusText).toBe("Best possible selection (proved optimal)");
    expect(optimal.objectiveBasisPoints).toBe(15_900);
    expect(optimal.dualBoundBasisPoints).toBe(15_900);
    expect(optimal.mipGap).toBe(0);
    expect(optimal.lines.map((l) => [l.reference, l.awardPence, l.explanation])).toEqual([
      ["CSF-0001", 0, "skipped: £8,000.00 over remaining pot (the pot is used up)"],
      ["CSF-0002", 500_000, "funded: rank 2, in the highest-scoring selection that fits"],
      ["CSF-0003", 500_000, "funded: rank 3, in the highest-scoring selection that fits"],
    ]);
    expect(optimal.totalAwardPence).toBe(1_000_000);
    expect(optimal.remainingPence).toBe(0);
  });

  it("meets a Darlington ring-fence even at the cost of a higher-scoring Durham bid", async () => {
    const bids = [
      candidate({ bidId: "a", reference: "CSF-0001", rank: 1, scoreBasisPoints: 9000, amountRequestedPence: 600_000, areaIds: ["durham"] }),
      candidate({ bidId: "b", reference: "CSF-0002", rank: 2, scoreBasisPoints: 8500, amountRequestedPence: 400_000, areaIds: ["durham"] }),
      candidate({ bidId: "c", reference: "CSF-0003", rank: 3, scoreBasisPoints: 6000, amountRequestedPence: 300_000, areaIds: ["darlington", "durham"] }),
      candidate({ bidId: "d", reference: "CSF-0004", rank: 4, scoreBasisPoints: 5500, amountRequestedPence: 250_000, areaIds: ["darlington"] }),
    ];
    const constraints: OptimalConstraints = { areaMinimums: [{ areaId: "darlington", label: "Darlington", minPence: 500_000 }] };
    const optimal = await suggestOptimal(bids, round, constraints);
    expect(optimal.status).toBe("optimal");
    // Darlington needs c + d (£5,500); what is left (£4,500) fits b but not a.
    expect(optimal.lines.map((l) => l.awardPence)).toEqual([0, 400_000, 300_000, 250_000]);
    expect(optimal.lines[2]!.explanation).toBe("funded: rank 3, in the highest-scoring selection that fits; counts towards the Darlington ring-fence");
    expect(optimal.constraints).toEqual([
      expect.objectContaining({
        kind: "area_minimum",
        met: true,
        achievedPence: 550_000,
        text: "Darlington ring-fence: £5,500.00 in 2 awards (at least £5,000.00 required)",
      }),
    ]);
  });

  it("keeps to one award per organisation and a per-priority minimum", async () => {
    const bids = [
      candidate({ bidId: "a", reference: "CSF-0001", rank: 1, scoreBasisPoints: 9000, amountRequestedPence: 300_000, organisationId: "org-1" }),
      candidate({ bidId: "b", reference: "CSF-0002", rank: 2, scoreBasisPoints: 8800, amountRequestedPence: 300_000, organisationId: "org-1" }),
      candidate({ bidId: "c", reference: "CSF-0003", rank: 3, scoreBasisPoints: 7000, amountRequestedPence: 300_000, organisationId: "org-2" }),
      candidate({
        bidId: "d",
        reference: "CSF-0004",
        rank: 4,
        scoreBasisPoints: 6000,
        amountRequestedPence: 300_000,
        organisationId: "org-3",
        priorityIds: ["victims"],
      }),
      candidate({ bidId: "e", reference: "CSF-0005", rank: 5, scoreBasisPoints: 5900, amountRequestedPence: 300_000, organisationId: "org-4" }),
    ];
    const optimal = await suggestOptimal(bids, round, {
      onePerOrganisation: true,
      priorityMinimums: [{ priorityId: "victims", label: "Supporting victims of crime", minAwards: 1 }],
    });
    expect(optimal.lines.map((l) => l.awardPence)).toEqual([300_000, 0, 300_000, 300_000, 0]);
    expect(optimal.lines[1]!.explanation).toBe("skipped: one award per organisation (CSF-0001 is funded)");
    expect(optimal.constraints.every((c) => c.met)).toBe(true);
  });

  it("reports constraints that cannot be met rather than breaking them", async () => {
    const bids = [candidate({ bidId: "a", reference: "CSF-0001", rank: 1, amountRequestedPence: 200_000, areaIds: ["darlington"] })];
    const optimal = await suggestOptimal(bids, round, { areaMinimums: [{ areaId: "darlington", label: "Darlington", minPence: 500_000 }] });
    expect(optimal.status).toBe("infeasible");
    expect(optimal.totalAwardPence).toBe(0);
    expect(optimal.objectiveBasisPoints).toBeNull();
    expect(optimal.lines[0]!.explanation).toBe("not funded: no selection meets every constraint within the pot");
    expect(optimal.constraints[0]!.text).toBe("Darlington ring-fence: eligible bids ask for £2,000.00 in total, less than the £5,000.00 required");
  });

  it("leaves out bids below the threshold or unscored, with the reason", async () => {
    const bids = [
      candidate({ bidId: "a", reference: "CSF-0001", rank: 1 }),
      candidate({ bidId: "b", reference: "CSF-0002", rank: 2, meetsThreshold: false, scoreText: "40.0%", scoreBasisPoints: 4000 }),
      candidate({ bidId: "c", reference: "CSF-0003", rank: null, scoreBasisPoints: null, meetsThreshold: false }),
    ];
    const optimal = await suggestOptimal(bids, round);
    expect(optimal.lines.map((l) => l.explanation)).toEqual([
      "funded: rank 1, in the highest-scoring selection that fits",
      "below quality threshold (40.0%, threshold 50%)",
      "not funded: not scored yet",
    ]);
    expect(optimal.candidatesConsidered).toBe(1);
  });

  const arbitraryConstraints = fc.record({
    areaMinimums: fc.option(fc.constant([{ areaId: "darlington", label: "Darlington", minPence: 300_000 }]), { nil: undefined }),
    priorityMinimums: fc.option(fc.constant([{ priorityId: "victims", label: "Victims", minPence: 200_000, minAwards: 1 }]), { nil: undefined }),
    onePerOrganisation: fc.boolean(),
  });

  it("matches an exhaustive search: never over the pot or a request, every constraint met, best total score", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCandidates(10), arbitraryRound, arbitraryConstraints, async (candidates, r, constraints) => {
        const optimal = await suggestOptimal(candidates, r, constraints);
        const best = bruteForce(candidates, r, constraints);
        if (best === null) {
          expect(optimal.status).toBe("infeasible");
          expect(optimal.totalAwardPence).toBe(0);
          return;
        }
        expect(optimal.status).toBe("optimal");
        expect(optimal.objectiveBasisPoints).toBe(best);
        const funded = optimal.lines.filter((l) => l.awardPence > 0);
        expect(feasible(candidates, r, constraints, new Set(funded.map((l) => l.bidId)))).toBe(true);
        expect(optimal.totalAwardPence).toBeLessThanOrEqual(r.availablePence);
        for (const line of funded) {
          const c = candidates.find((x) => x.bidId === line.bidId)!;
          expect(line.awardPence).toBe(awardCeilingPence(c, r));
          expect(line.awardPence).toBeLessThanOrEqual(c.amountRequestedPence);
          expect(c.meetsThreshold).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("scores at least as much as the full-award rank order, and gives the same answer for the same bids in any order", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCandidates(25), arbitraryRound, fc.array(fc.nat()), async (candidates, r, keys) => {
        const optimal = await suggestOptimal(candidates, r);
        const rankOrder = suggestRankOrder(candidates, r, "skip");
        expect(optimal.status).toBe("optimal");
        expect(optimal.objectiveBasisPoints!).toBeGreaterThanOrEqual(rankOrder.totalScoreBasisPoints);
        const again = await suggestOptimal(shuffle(candidates, keys), r);
        expect(again.lines).toEqual(optimal.lines);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every subset of the fundable bids; the best total score of those meeting every rule, or null. */
function bruteForce(candidates: readonly AllocationCandidate[], r: AllocationRound, constraints: OptimalConstraints): number | null {
  const fundable = candidates.filter((c) => unfundableReason(c, r) === null);
  let best: number | null = null;
  for (let mask = 0; mask < 1 << fundable.length; mask++) {
    const chosen = new Set(fundable.filter((_, i) => mask & (1 << i)).map((c) => c.bidId));
    if (!feasible(candidates, r, constraints, chosen)) continue;
    const score = fundable.reduce((sum, c) => sum + (chosen.has(c.bidId) ? c.scoreBasisPoints! : 0), 0);
    if (best === null || score > best) best = score;
  }
  return best;
}

function feasible(candidates: readonly AllocationCandidate[], r: AllocationRound, constraints: OptimalConstraints, chosen: ReadonlySet<string>) {
  const funded = candidates.filter((c) => chosen.has(c.bidId));
  const total = (list: readonly AllocationCandidate[]) => list.reduce((sum, c) => sum + awardCeilingPence(c, r), 0);
  if (total(funded) > r.availablePence) return false;
  for (const area of constraints.areaMinimums ?? []) if (total(funded.filter((c) => c.areaIds.includes(area.areaId))) < area.minPence) return false;
  for (const p of constraints.priorityMinimums ?? []) {
    const inPriority = funded.filter((c) => c.priorityIds.includes(p.priorityId));
    if (total(inPriority) < (p.minPence ?? 0) || inPriority.length < (p.minAwards ?? 0)) return false;
  }
  if (constraints.onePerOrganisation && new Set(funded.map((c) => c.organisationId)).size !== funded.length) return false;
  return true;
}
