// Solve times of the allocation suggestions for 50, 200 and 500 synthetic bids.
//   npx tsx bench/allocation.ts
// Prints figures only: timings vary by machine and belong here, never in test assertions.
import { performance } from "node:perf_hooks";
import type { AllocationCandidate, AllocationRound } from "~/domain/allocation/candidates";
import { loadSolver, suggestOptimal, type OptimalConstraints } from "~/domain/allocation/optimal.server";
import { suggestRankOrder } from "~/domain/allocation/rank-order";
import { formatPounds } from "~/lib/money";

/** Small deterministic generator (mulberry32) so every run solves the same bids. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticBids(count: number, seed: number): AllocationCandidate[] {
  const next = random(seed);
  const bids = Array.from({ length: count }, (_, i) => {
    const score = 3000 + Math.floor(next() * 7000); // 30.00% .. 99.99%
    return {
      bidId: `bid-${i}`,
      reference: `CSF-BENCH-${String(i + 1).padStart(4, "0")}`,
      scoreBasisPoints: score,
      meetsThreshold: score >= 5000,
      amountRequestedPence: (10 + Math.floor(next() * 240)) * 10_000, // £1,000 .. £25,000
      organisationId: `org-${Math.floor(next() * Math.ceil(count * 0.7))}`,
      areaIds: next() < 0.3 ? ["darlington"] : next() < 0.85 ? ["durham"] : ["durham", "darlington"],
      priorityIds: ["asb", "victims", "reoffending", "drugs", "vulnerable"].filter(() => next() < 0.3),
    };
  });
  const order = [...bids].sort((a, b) => b.scoreBasisPoints - a.scoreBasisPoints || (a.reference < b.reference ? -1 : 1));
  return bids.map((b) => ({ ...b, rank: order.indexOf(b) + 1 }));
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

const loadStart = performance.now();
await loadSolver();
console.log(`HiGHS WebAssembly loaded in ${(performance.now() - loadStart).toFixed(0)} ms (once per process)\n`);

const timeLimitSeconds = 30;
console.log("bids  pot (10x oversubscribed)  suggestion                          ms      status      funded  total score  gap");
for (const count of [50, 200, 500]) {
  const bids = syntheticBids(count, count);
  const requested = bids.reduce((sum, b) => sum + b.amountRequestedPence, 0);
  const round: AllocationRound = { availablePence: Math.floor(requested / 10), minAwardPence: 100_000, maxAwardPence: 2_500_000, qualityThresholdPercent: 50 };
  const constraints: OptimalConstraints = {
    areaMinimums: [{ areaId: "darlington", label: "Darlington", minPence: Math.floor(round.availablePence / 4) }],
    priorityMinimums: [{ priorityId: "victims", label: "Supporting victims of crime", minAwards: 3 }],
    onePerOrganisation: true,
  };
  const row = (name: string, ms: number, status: string, funded: number, score: number, gap: string) =>
    console.log(
      `${String(count).padStart(4)}  ${formatPounds(round.availablePence).padStart(24)}  ${name.padEnd(34)}${ms.toFixed(1).padStart(8)}  ${status.padEnd(10)}${String(funded).padStart(8)}${String(score).padStart(13)}  ${gap}`,
    );

  for (const mode of ["skip", "part_fund"] as const) {
    const [s, ms] = time(() => suggestRankOrder(bids, round, mode));
    row(`rank order (${mode})`, ms, "-", s.lines.filter((l) => l.awardPence > 0).length, s.totalScoreBasisPoints, "-");
  }
  for (const [name, c] of [
    ["optimal, no constraints", {}],
    ["optimal, ring-fence+priority+org", constraints],
  ] as const) {
    const [s, ms] = await timeAsync(() => suggestOptimal(bids, round, c, { timeLimitSeconds }));
    row(
      name,
      ms,
      s.status,
      s.lines.filter((l) => l.awardPence > 0).length,
      s.objectiveBasisPoints ?? 0,
      s.mipGap === null ? "-" : `${(s.mipGap * 100).toFixed(3)}%`,
    );
  }
}
