// Allocation suggestions on synthetic rounds of 100, 1,000 and 5,000 bids (pot a tenth of what is
// asked): rank order, and optimal (HiGHS) without and with an area ring-fence, a priority minimum
// and the one-award-per-organisation rule: time, bids funded, total score, optimal ÷ rank order.
//   npm run bench:allocation -- [--sizes 100,1000,5000] [--time-limit 30]
// Prints figures only: timings vary by machine and belong here, never in test assertions.
import { performance } from "node:perf_hooks";
import type { AllocationCandidate, AllocationRound } from "~/domain/allocation/candidates";
import { loadSolver, suggestOptimal, type OptimalConstraints } from "~/domain/allocation/optimal.server";
import { suggestRankOrder } from "~/domain/allocation/rank-order";
import { formatPounds } from "~/lib/money";
import { flags, printTable, writeResult } from "./support";

const options = flags({ sizes: "100,1000,5000", timeLimit: 30 });

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
const loadMs = performance.now() - loadStart;
console.log(`HiGHS WebAssembly loaded in ${loadMs.toFixed(0)} ms (once per process)\n`);

/** What a suggestion funds, scored the same way for every method: the sum of funded bids' scores. */
function fundedScore(lines: readonly { bidId: string; awardPence: number }[], bids: readonly AllocationCandidate[]) {
  const score = new Map(bids.map((b) => [b.bidId, b.scoreBasisPoints ?? 0]));
  const funded = lines.filter((l) => l.awardPence > 0);
  return { funded: funded.length, score: funded.reduce((sum, l) => sum + (score.get(l.bidId) ?? 0), 0) };
}

const rows: Record<string, string | number | null>[] = [];
for (const count of options.sizes.split(",").map(Number)) {
  const bids = syntheticBids(count, count);
  const requested = bids.reduce((sum, b) => sum + b.amountRequestedPence, 0);
  const round: AllocationRound = { availablePence: Math.floor(requested / 10), minAwardPence: 100_000, maxAwardPence: 2_500_000, qualityThresholdPercent: 50 };
  const constraints: OptimalConstraints = {
    areaMinimums: [{ areaId: "darlington", label: "Darlington", minPence: Math.floor(round.availablePence / 4) }],
    priorityMinimums: [{ priorityId: "victims", label: "Supporting victims of crime", minAwards: 3 }],
    onePerOrganisation: true,
  };
  const [rank, rankMs] = time(() => suggestRankOrder(bids, round, "skip"));
  const rankScore = fundedScore(rank.lines, bids);
  rows.push({
    bids: count,
    pot: formatPounds(round.availablePence),
    suggestion: "rank order",
    ms: Math.round(rankMs * 10) / 10,
    status: "-",
    funded: rankScore.funded,
    "total score": rankScore.score,
    "÷ rank order": 1,
    gap: null,
  });
  for (const [name, c] of [
    ["optimal, no constraints", {}],
    ["optimal, ring-fence + priority + org", constraints],
  ] as const) {
    const [s, ms] = await timeAsync(() => suggestOptimal(bids, round, c, { timeLimitSeconds: options.timeLimit }));
    const scored = fundedScore(s.lines, bids);
    rows.push({
      bids: count,
      pot: formatPounds(round.availablePence),
      suggestion: name,
      ms: Math.round(ms),
      status: s.status,
      funded: scored.funded,
      "total score": scored.score,
      "÷ rank order": Math.round((scored.score / rankScore.score) * 1000) / 1000,
      gap: s.mipGap === null ? null : `${(s.mipGap * 100).toFixed(3)}%`,
    });
    console.log(`${count} bids, ${name}: ${Math.round(ms)} ms`);
  }
}
console.log("");
printTable(rows);
writeResult("allocation", { options, solverLoadMs: Math.round(loadMs), rows });
