// The release of a whole seeded round: every bid told its outcome in one transaction (ADR 0010),
// an email rendered for each. Works on a copy of the SQLite bench database, so the seeded round
// stays as it was; on PostgreSQL it releases the seeded round itself, and only with --in-place
// (seed again afterwards). Bids without a submitted assessment are withdrawn first (a release
// refuses while any bid has no outcome), three bids meeting the threshold go on the reserve list,
// and the assessors' comments are sent as feedback to the rest.
//   npm run bench:seed -- --bids 5000 --assessors 20 && npm run bench:release
// Prints figures only: timings vary by machine and belong here, never in test assertions.
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { BENCH_SESSION_SECRET, databaseKind, databaseUrl, flags, OUT_DIR, printTable, readSeed, writeResult } from "./support";

const options = flags({ inPlace: false });
const seed = readSeed();
const kind = databaseKind();
if (kind === "postgresql" && !options.inPlace) {
  console.error("On PostgreSQL the release changes the seeded round for good: add --in-place, and seed again afterwards.");
  process.exit(2);
}
let url = databaseUrl();
if (kind === "sqlite") {
  const copy = join(OUT_DIR, "release.db");
  rmSync(copy, { force: true });
  copyFileSync(url.replace(/^file:/, ""), copy);
  url = `file:${copy}`;
}
// As the production server runs: React's production build, the demo mailbox (nothing is sent).
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_URL: url,
  SESSION_SECRET: BENCH_SESSION_SECRET,
  DEMO_MAILBOX: "yes",
  APP_URL: process.env.APP_URL ?? "http://127.0.0.1:3000",
});
const { db } = await import("~/lib/db.server");
const { loadAllocation } = await import("~/domain/allocation/workspace.server");
const { releaseOutcomes } = await import("~/domain/allocation/decisions.server");
const { mayGoOnReserve } = await import("~/domain/allocation/release-choices.server");

const roundId = seed.round.id;
const admin = await db.user.findFirstOrThrow({ where: { role: "fund_administrator" }, select: { id: true } });
const withdrawn = await db.bid.updateMany({
  where: { roundId, status: { in: ["submitted", "in_assessment"] }, assessments: { none: { status: "submitted" } } },
  data: { status: "withdrawn", withdrawnAt: new Date() },
});
await db.round.update({ where: { id: roundId }, data: { allocationStatus: "signed_off" } });

let started = performance.now();
const allocation = await loadAllocation(roundId);
if (!allocation) throw new Error(`no round ${roundId}: run \`npm run bench:seed\` first (same DATABASE_URL)`);
const loadMs = performance.now() - started;
const reserve = allocation.rows
  .filter(mayGoOnReserve)
  .slice(0, 3)
  .map((r) => r.bidId);
started = performance.now();
const result = await releaseOutcomes(allocation, admin.id, { page: { bidIds: reserve, reserve, feedback: {} }, shareAssessorComments: true });
const releaseMs = performance.now() - started;
if (!result.ok) throw new Error(`the release was refused: ${JSON.stringify(result.refusal)}`);
const [emails, outcomes] = await Promise.all([
  db.outboxEmail.count({ where: { idempotencyKey: { startsWith: "outcome:" } } }),
  db.bid.groupBy({ by: ["status"], where: { roundId, decidedAt: { not: null } }, _count: true }),
]);
await db.$disconnect();

const row = {
  database: kind,
  "bids decided": outcomes.reduce((sum, o) => sum + o._count, 0),
  withdrawn: withdrawn.count,
  emails,
  "load ms": Math.round(loadMs),
  "release ms": Math.round(releaseMs),
  "ms per bid": Math.round((releaseMs / Math.max(1, emails)) * 100) / 100,
};
console.log(`${result.message}\n`);
printTable([row]);
writeResult(`release-${kind}`, { outcomes: Object.fromEntries(outcomes.map((o) => [o.status, o._count])), ...row });
