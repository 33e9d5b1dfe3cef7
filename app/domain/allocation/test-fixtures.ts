// Builders and generators shared by the allocation tests (not shipped: only tests import this).
import fc from "fast-check";
import type { AllocationCandidate } from "./candidates";

export function candidate(overrides: Partial<AllocationCandidate> & { bidId: string }): AllocationCandidate {
  return {
    reference: `CSF-T-${overrides.bidId}`,
    rank: 1,
    scoreBasisPoints: 7000,
    scoreText: "70.0%",
    meetsThreshold: true,
    amountRequestedPence: 100_000,
    organisationId: `org-${overrides.bidId}`,
    areaIds: ["durham"],
    priorityIds: [],
    ...overrides,
  };
}

/** Ranks by score (highest first), then reference, as the ranking would. */
export function ranked(list: readonly Omit<AllocationCandidate, "rank">[]): AllocationCandidate[] {
  const order = [...list].sort((a, b) => (b.scoreBasisPoints ?? -1) - (a.scoreBasisPoints ?? -1) || (a.reference < b.reference ? -1 : 1));
  return list.map((c) => ({ ...c, rank: c.scoreBasisPoints === null ? null : order.indexOf(c) + 1 }));
}

export const arbitraryCandidates = (maxLength: number) =>
  fc
    .array(
      fc.record({
        score: fc.option(fc.integer({ min: 2000, max: 10_000 }), { freq: 8 }),
        amount: fc.integer({ min: 1, max: 60 }).map((n) => n * 50_000),
        organisation: fc.integer({ min: 0, max: 4 }),
        areas: fc.subarray(["durham", "darlington"], { minLength: 1 }),
        priorities: fc.subarray(["asb", "victims", "reoffending"]),
      }),
      { maxLength },
    )
    .map((specs) =>
      ranked(
        specs.map((s, i) => ({
          bidId: `b${i}`,
          reference: `CSF-P-${String(i).padStart(4, "0")}`,
          scoreBasisPoints: s.score,
          scoreText: s.score === null ? "Not scored" : `${(s.score / 100).toFixed(1)}%`,
          meetsThreshold: s.score !== null && s.score >= 5000,
          amountRequestedPence: s.amount,
          organisationId: `org-${s.organisation}`,
          areaIds: s.areas,
          priorityIds: s.priorities,
        })),
      ),
    );

export const arbitraryRound = fc.record({
  availablePence: fc.integer({ min: 0, max: 400 }).map((n) => n * 25_000),
  minAwardPence: fc.constantFrom(0, 100_000, 250_000),
  maxAwardPence: fc.constantFrom(1_500_000, 2_500_000, 3_000_000),
  qualityThresholdPercent: fc.constant(50),
});

/** The same list in another order, chosen by `keys`. */
export function shuffle<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, k: keys[i] ?? i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}
