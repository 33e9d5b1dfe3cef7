// The e2e server's database (scripts/e2e-server.sh), opened with the app's own client, for test
// set-up that stands for what happens outside the pages under test: time passing, bids arriving.
export async function e2eDb() {
  // Where scripts/e2e-server.sh puts it; set before the import, which opens a client from it.
  const url = `file:./tmp/e2e-${process.env.E2E_PORT ?? 3100}/e2e.db`;
  process.env.DATABASE_URL = url;
  const { createDb } = await import("../../app/lib/db.server");
  return createDb(url);
}

type RoundData = Parameters<Awaited<ReturnType<typeof e2eDb>>["round"]["create"]>[0]["data"];

/**
 * A Community Safety Fund round that opens tomorrow, so its set-up can still be changed (the demo
 * round is already open). Named after `label` and the time, so each run has its own.
 */
export async function seedRoundNotYetOpen(label: string, extra: Partial<RoundData> = {}) {
  const db = await e2eDb();
  try {
    const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
    const stamp = `${label}-${Date.now()}`;
    const round = await db.round.create({
      data: {
        fundId: fund.id,
        slug: `e2e-${stamp}`.toLowerCase(),
        code: `E2E-${stamp}`.toUpperCase(),
        name: `Test round ${stamp}`,
        opensAt: new Date(Date.now() + 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
        baseAllocationPence: 1_000_000,
        remainingPotPence: 1_000_000,
        minAwardPence: 100_000,
        maxAwardPence: 1_000_000,
        ...extra,
      } as RoundData,
    });
    return { roundId: round.id, roundName: `${fund.name}: ${round.name}`, code: round.code };
  } finally {
    await db.$disconnect();
  }
}
