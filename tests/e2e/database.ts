// The e2e server's database (scripts/e2e-server.sh), opened with the app's own client, for test
// set-up that stands for what happens outside the pages under test: time passing, bids arriving.
export async function e2eDb() {
  // Where scripts/e2e-server.sh puts it; set before the import, which opens a client from it.
  const url = `file:./tmp/e2e-${process.env.E2E_PORT ?? 3100}/e2e.db`;
  process.env.DATABASE_URL = url;
  const { createDb } = await import("../../app/lib/db.server");
  return createDb(url);
}

export type E2eDb = Awaited<ReturnType<typeof e2eDb>>;
export type RoundData = Parameters<E2eDb["round"]["create"]>[0]["data"];

/** Runs `step` with the e2e database open, closing it afterwards. */
export async function withE2eDb<T>(step: (db: E2eDb) => Promise<T>): Promise<T> {
  const db = await e2eDb();
  try {
    return await step(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * A round of `fundSlug` named after `label` and the time (so each run has its own), closing in 30
 * days with a £10,000 pot; `data` gives its dates, limits, areas and the rest.
 */
export async function seedTestRound(db: E2eDb, fundSlug: string, label: string, data: Partial<RoundData>) {
  const fund = await db.fund.findUniqueOrThrow({ where: { slug: fundSlug } });
  const stamp = `${label}-${Date.now()}`;
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: `e2e-${stamp}`.toLowerCase(),
      code: `E2E-${stamp}`.toUpperCase(),
      name: `Test round ${stamp}`,
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      baseAllocationPence: 1_000_000,
      remainingPotPence: 1_000_000,
      minAwardPence: 100_000,
      ...data,
    } as RoundData,
    include: { areas: true, priorities: true },
  });
  return { round, roundName: `${fund.name}: ${round.name}` };
}

/**
 * A Community Safety Fund round that opens tomorrow, so its set-up can still be changed (the demo
 * round is already open).
 */
export function seedRoundNotYetOpen(label: string, extra: Partial<RoundData> = {}) {
  return withE2eDb(async (db) => {
    const { round, roundName } = await seedTestRound(db, "community-safety-fund", label, {
      opensAt: new Date(Date.now() + 86_400_000),
      maxAwardPence: 1_000_000,
      ...extra,
    });
    return { roundId: round.id, roundName, code: round.code };
  });
}
