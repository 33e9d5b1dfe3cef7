// Seeds the bench database: a closed round of 5,000 submitted bids (20 assessors, two assignments
// and two submitted assessments a bid, scores, budget, outcomes and documents' metadata), and an
// open round with 2,000 applicants, each with an organisation, a session and a draft bid whose
// documents are uploaded, for the deadline surge (bench/surge.ts) to complete and submit.
//   npm run bench:seed -- [--bids 5000] [--assessors 20] [--surge 2000]
// DATABASE_URL: default file:tmp/bench/bench.db (made afresh); a PostgreSQL URL must name a
// database whose name contains "bench", as its schema is dropped and migrated again.
import { randomBytes, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { databaseKind, databaseUrl, flags, OUT_DIR, printTable, ROOT, type Seed, writeResult } from "./support";

const options = flags({ bids: 5000, assessors: 20, surge: 2000, batch: 1000 });
const url = databaseUrl();
const kind = databaseKind(url);
const started = performance.now();

// A fresh database: the benches measure a known state.
if (kind === "sqlite") {
  const file = url.replace(/^file:/, "");
  mkdirSync(OUT_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
} else {
  if (!/bench/i.test(new URL(url).pathname)) throw new Error("refusing to reset a PostgreSQL database whose name does not contain 'bench'");
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
  await client.end();
}
const migrated = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate-deploy"], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url },
  encoding: "utf8",
});
if (migrated.status !== 0) throw new Error(`migrations failed:\n${migrated.stdout}\n${migrated.stderr}`);
const migrationSeconds = (performance.now() - started) / 1000;

process.env.DATABASE_URL = url;
const { db } = await import("~/lib/db.server");
const { hashPassword } = await import("~/domain/auth/password.server");
const { hashSessionToken } = await import("~/domain/auth/session.server");
const { buildSubmittedSnapshot } = await import("~/domain/bids/snapshot");
const { formatBidReference } = await import("~/domain/bids/reference");
const { CSF_ROUND_SET_UP } = await import("../prisma/demo-data");

/** Small deterministic generator (mulberry32): every run seeds the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(14);
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
const counts: Record<string, number> = {};

/** createMany in batches (SQLite's and PostgreSQL's bound-parameter limits). */
async function insert<T>(model: string, rows: T[]) {
  const delegate = (db as unknown as Record<string, { createMany(args: { data: T[] }): Promise<unknown> }>)[model]!;
  for (let i = 0; i < rows.length; i += options.batch) await delegate.createMany({ data: rows.slice(i, i + options.batch) });
  counts[model] = (counts[model] ?? 0) + rows.length;
}

const now = new Date();
const DAY = 86_400_000;
const passwordHash = await hashPassword(randomBytes(16).toString("hex"));
const token = () => randomBytes(24).toString("base64url");
const sessions: { id: string; userId: string; expiresAt: Date; secondFactorAt: Date }[] = [];
/** A session made directly, already through the second step (staff) so it counts as verified. */
function sessionFor(userId: string) {
  const t = token();
  sessions.push({ id: hashSessionToken(t), userId, expiresAt: new Date(now.getTime() + 7 * DAY), secondFactorAt: now });
  return t;
}

const fund = await db.fund.create({ data: { slug: "bench-fund", code: "CSF", name: "Community Safety Fund", description: "Benchmark fund." } });
const roundData = (slug: string, code: string, name: string, opensAt: Date, closesAt: Date, potPence: number) => ({
  fundId: fund.id,
  slug,
  code,
  name,
  opensAt,
  closesAt,
  baseAllocationPence: potPence,
  remainingPotPence: potPence,
  minAwardPence: 100_000,
  maxAwardPence: 2_500_000,
  smallBidThresholdPence: 500_000,
  ...CSF_ROUND_SET_UP,
});
const include = { areas: true, priorities: true, criteria: true, fund: true } as const;
// Closed a week ago, in assessment; the pot funds about one bid in ten.
const round = await db.round.create({
  data: roundData("bench-round", "B1", "Benchmark round", new Date(now.getTime() - 60 * DAY), new Date(now.getTime() - 7 * DAY), options.bids * 120_000),
  include,
});
// Open, closing tomorrow: the surge's round.
const openRound = await db.round.create({
  data: roundData("bench-open-round", "B2", "Benchmark open round", new Date(now.getTime() - 30 * DAY), new Date(now.getTime() + DAY), 50_000_000),
  include,
});

// Staff.
const staff = [
  { id: randomUUID(), email: "administrator@bench.csf.test", name: "Bench Administrator", role: "fund_administrator", passwordHash },
  ...Array.from({ length: options.assessors }, (_, i) => ({
    id: randomUUID(),
    email: `assessor${i + 1}@bench.csf.test`,
    name: `Assessor ${i + 1}`,
    role: "assessor",
    passwordHash,
  })),
];
await insert("user", staff);
const administrator = staff[0]!;
const assessors = staff.slice(1);

// Applicants and organisations: about seven organisations for every ten bids, so some bid twice
// (the per-organisation rule has something to do).
const TOWNS = ["Durham", "Darlington", "Stanley", "Chester-le-Street", "Seaham", "Bishop Auckland", "Consett", "Newton Aycliffe"];
const WORDS = ["Youth", "Community", "Safer", "Neighbourhood", "Victims", "Recovery", "Outreach", "Women's", "Street", "Family", "Mentoring", "Sports"];
const KINDS = ["Trust", "Association", "CIC", "Project", "Partnership", "Network"];
function makeApplicants(count: number, prefix: string) {
  const users = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `${prefix}${i + 1}@bench.csf.test`,
    name: `Applicant ${prefix} ${i + 1}`,
    role: "applicant",
    passwordHash,
  }));
  const organisations = users.map((u, i) => ({
    id: randomUUID(),
    name: `${pick(WORDS)} ${pick(WORDS)} ${pick(KINDS)} ${prefix.toUpperCase()}${i + 1}`,
    type: "registered_charity",
    charityNumber: String(1_100_000 + i),
    addressLine1: `${1 + (i % 200)} High Street`,
    town: pick(TOWNS),
    postcode: "DH1 1AA",
    annualIncomePence: 1_000_000 + Math.floor(next() * 50_000_000),
    contactName: u.name,
    contactEmail: u.email,
  }));
  const memberships = users.map((u, i) => ({ id: randomUUID(), organisationId: organisations[i]!.id, userId: u.id, role: "owner" }));
  return { users, organisations, memberships };
}
const orgCount = Math.max(1, Math.ceil(options.bids * 0.7));
const closed = makeApplicants(orgCount, "a");
await insert("user", closed.users);
await insert("organisation", closed.organisations);
await insert("membership", closed.memberships);

const TITLES = [
  "Friday night youth work",
  "Safer streets patrols",
  "Victim support drop-in",
  "Mentoring for young people",
  "Drug and alcohol outreach",
  "Domestic abuse advocacy",
];
const bidRows = [];
const bidAreas = [];
const bidPriorities = [];
const budgetLines = [];
const outcomes = [];
const documents = [];
const assignments = [];
const assessments = [];
const criterionScores = [];
for (let i = 0; i < options.bids; i++) {
  const id = randomUUID();
  const organisation = closed.organisations[i % orgCount]!;
  const owner = closed.users[i % orgCount]!;
  const amount = (10 + Math.floor(next() * 240)) * 10_000;
  const areas = next() < 0.3 ? [round.areas[1]!] : next() < 0.85 ? [round.areas[0]!] : round.areas;
  const priorities = round.priorities.filter(() => next() < 0.3);
  if (priorities.length === 0) priorities.push(round.priorities[0]!);
  const lines = [
    { item: "Staff", costPence: Math.round(amount * 0.7), otherFundingPence: 0, position: 0 },
    { item: "Venue and materials", costPence: amount - Math.round(amount * 0.7), otherFundingPence: 0, position: 1 },
  ];
  const bidOutcomes = [
    { outcome: "Fewer incidents of anti-social behaviour", indicator: "Incidents reported", target: "20% fewer", position: 0 },
    { outcome: "Young people feel safer", indicator: "Survey", target: "70% agree", position: 1 },
  ];
  const docs = (["constitution", "accounts", "safeguarding_policy"] as const).map((kind) => ({
    id: randomUUID(),
    kind,
    originalName: `${kind}.pdf`,
    mediaType: "application/pdf",
    sizeBytes: 50_000 + Math.floor(next() * 500_000),
  }));
  const reference = formatBidReference(round.fund.code, round.code, i + 1);
  const submittedAt = new Date(round.closesAt.getTime() - Math.floor(next() * 20 * DAY));
  const title = `${pick(TITLES)} ${i + 1}`;
  const summary = "A project that brings people together to make the neighbourhood safer, with trained staff and volunteers.";
  const fields = {
    title,
    summary,
    amountRequestedPence: amount,
    projectStartDate: new Date(now.getTime() + 60 * DAY),
    projectEndDate: new Date(now.getTime() + 400 * DAY),
    beneficiaries: "Young people aged 11 to 18 and their families.",
    beneficiaryCount: 50 + Math.floor(next() * 500),
    safeguardingAnswer: "Our safeguarding lead checks every volunteer; DBS checks for all staff.",
    equalityAnswer: "Sessions are free and held in accessible venues.",
    declarationsAcceptedAt: submittedAt,
  };
  const snapshot = buildSubmittedSnapshot(
    {
      id,
      ...fields,
      organisation: { id: organisation.id, name: organisation.name },
      round: { id: round.id, name: round.name, code: round.code, smallBidThresholdPence: round.smallBidThresholdPence, fund: round.fund },
      areas: areas.map((a) => ({ area: { id: a.id, name: a.name } })),
      priorities: priorities.map((p) => ({ priority: { id: p.id, title: p.title } })),
      outcomes: bidOutcomes,
      budgetLines: lines,
      documents: docs,
    },
    reference,
    submittedAt,
  );
  // 10% not yet screened, 4% ineligible, the rest eligible and being assessed.
  const r = next();
  const state = r < 0.1 ? "submitted" : r < 0.14 ? "ineligible" : "in_assessment";
  bidRows.push({
    id,
    roundId: round.id,
    organisationId: organisation.id,
    createdById: owner.id,
    reference,
    status: state,
    ...fields,
    sectionProgress: JSON.stringify(
      Object.fromEntries(
        ["about", "priorities", "areas", "outcomes", "budget", "beneficiaries", "safeguarding-and-equality", "documents", "declarations"].map((k) => [
          k,
          "completed",
        ]),
      ),
    ),
    submittedAt,
    submittedSnapshot: JSON.stringify(snapshot),
    screeningDecision: state === "submitted" ? null : state === "ineligible" ? "ineligible" : "eligible",
    screeningReason: state === "ineligible" ? "The project does not address a Police and Crime Commissioner priority" : null,
    screenedById: state === "submitted" ? null : administrator.id,
    screenedAt: state === "submitted" ? null : new Date(round.closesAt.getTime() + DAY),
  });
  for (const a of areas) bidAreas.push({ bidId: id, roundAreaId: a.id });
  for (const p of priorities) bidPriorities.push({ bidId: id, priorityId: p.id });
  for (const l of lines) budgetLines.push({ id: randomUUID(), bidId: id, ...l });
  for (const o of bidOutcomes) outcomes.push({ id: randomUUID(), bidId: id, ...o });
  for (const d of docs) documents.push({ ...d, bidId: id, storedName: `bench-${d.id}`, uploadedById: owner.id });
  if (state !== "in_assessment") continue;
  // Two assessors a bid, in turn; 90% of assessments submitted.
  for (const k of [0, 1]) {
    const assessor = assessors[(i * 2 + k) % assessors.length]!;
    assignments.push({
      id: randomUUID(),
      bidId: id,
      assessorId: assessor.id,
      assignedById: administrator.id,
      assignedAt: new Date(round.closesAt.getTime() + 2 * DAY),
    });
    if (next() < 0.1) continue;
    const assessmentId = randomUUID();
    const quality = next();
    assessments.push({
      id: assessmentId,
      bidId: id,
      assessorId: assessor.id,
      status: "submitted",
      recommendation: quality > 0.4 ? "fund" : "do_not_fund",
      overallComment: "Clear plan and sensible costs.",
      submittedAt: new Date(round.closesAt.getTime() + 5 * DAY),
    });
    for (const c of round.criteria) {
      criterionScores.push({
        id: randomUUID(),
        assessmentId,
        criterionId: c.id,
        score: Math.min(4, Math.max(0, Math.round(quality * 4 + (next() - 0.5)))),
        comment: "",
      });
    }
  }
}
await insert("bid", bidRows);
await insert("bidArea", bidAreas);
await insert("bidPriority", bidPriorities);
await insert("budgetLine", budgetLines);
await insert("bidOutcome", outcomes);
await insert("bidDocument", documents);
await insert("assessorAssignment", assignments);
await insert("assessment", assessments);
await insert("criterionScore", criterionScores);
await db.round.update({ where: { id: round.id }, data: { referenceSequence: options.bids } });
// The assessments were written directly: record each bid's score as the portal would (ADR 0028).
const { recordScoresNotCurrent } = await import("~/domain/assessment/stored-score.server");
await recordScoresNotCurrent(round.id);

// The surge's applicants: an organisation, a session and a draft bid in the open round with its
// three documents already uploaded (their metadata: the surge drives the form sections).
const surge = makeApplicants(options.surge, "s");
await insert("user", surge.users);
await insert("organisation", surge.organisations);
await insert("membership", surge.memberships);
const drafts = surge.users.map((u, i) => ({
  id: randomUUID(),
  roundId: openRound.id,
  organisationId: surge.organisations[i]!.id,
  createdById: u.id,
  status: "draft",
}));
await insert("bid", drafts);
await insert(
  "bidDocument",
  drafts.flatMap((d) =>
    (["constitution", "accounts", "safeguarding_policy"] as const).map((kind) => {
      const docId = randomUUID();
      return {
        id: docId,
        bidId: d.id,
        kind,
        originalName: `${kind}.pdf`,
        mediaType: "application/pdf",
        sizeBytes: 120_000,
        storedName: `bench-${docId}`,
        uploadedById: d.createdById,
      };
    }),
  ),
);

// The applicant's own draft in the open round, for the task-list page.
const applicantDraft = {
  id: randomUUID(),
  roundId: openRound.id,
  organisationId: closed.organisations[0]!.id,
  createdById: closed.users[0]!.id,
  status: "draft",
  title: "Summer holiday activities",
};
await insert("bid", [applicantDraft]);

// Sessions: the administrator, the first assessor, the first closed-round applicant, and each surge applicant.
const tokens = { administrator: sessionFor(administrator.id), assessor: sessionFor(assessors[0]!.id), applicant: sessionFor(closed.users[0]!.id) };
const surgeTokens = surge.users.map((u, i) => ({ token: sessionFor(u.id), bidId: drafts[i]!.id }));
await insert("session", sessions);

const seed: Seed = {
  databaseUrl: url,
  bids: options.bids,
  round: { id: round.id, slug: round.slug },
  openRound: { id: openRound.id, slug: openRound.slug, areaIds: openRound.areas.map((a) => a.id), priorityIds: openRound.priorities.map((p) => p.id) },
  sampleBidId: bidRows.find((b) => b.status === "in_assessment")!.id,
  tokens,
  applicantBidId: applicantDraft.id,
  surge: surgeTokens,
};
const seconds = (performance.now() - started) / 1000;
await db.$disconnect();

const { writeFileSync } = await import("node:fs");
writeFileSync(join(OUT_DIR, `seed-${kind}.json`), JSON.stringify(seed));
printTable(Object.entries(counts).map(([table, rows]) => ({ table, rows })));
console.log(
  `\n${kind}: ${options.bids} bids, ${options.assessors} assessors, ${options.surge} surge applicants seeded in ${seconds.toFixed(1)} s (${migrationSeconds.toFixed(1)} s of it migrating)`,
);
writeResult(`seed-summary-${kind}`, { database: kind, options, seconds, migrationSeconds, counts });
