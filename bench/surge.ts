// The deadline surge: applicants (2,000 by default, made by the seeder with a session and a draft
// bid whose documents are uploaded) each complete every section and submit, through the real
// HTTP actions with the headers a browser sends on a same-origin form post, starting spread over
// the first `spread` seconds. Reports p50/p95/p99 of every request, errors, the time until the
// last submission, and the bids submitted in the database afterwards.
//   npm run bench:seed && npm run bench:surge -- [--applicants 2000] [--spread 50] [--instances 1] [--browse]
// --browse also loads the pages a browser does around each save: the section's page before it and
// the task list it leads back to (three requests a section instead of one), the check-answers page
// and the confirmation.
// --instances N starts N servers on the same database and sends each applicant to one of them in
// turn, as a load balancer in front of several instances would (ADR 0013); sessions live in the
// database, so any instance answers any applicant.
// Run it once per database (DATABASE_URL as for the seeder); each run uses up the seeded drafts
// (seed again, or pass --from). Seeded sessions die after the portal's idle time unless a bench
// starts within it (each bench marks them used when it starts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cookieFor, databaseKind, databaseUrl, flags, OUT_DIR, printTable, readSeed, startServer, writeResult } from "./support";

// --from: skip seeded applicants an earlier run used (their drafts are submitted).
const options = flags({ applicants: 2000, spread: 50, from: 0, port: 3192, instances: 1, browse: false });
const seed = readSeed();
const applicants = seed.surge.slice(options.from, options.from + options.applicants);
if (applicants.length < options.applicants) throw new Error(`the seed has ${seed.surge.length} surge applicants; seed more (--surge)`);
const year = new Date().getFullYear() + 1;

/** The form posts of one bid, in the order an applicant fills them in; the last one submits. */
function steps(): [string, Record<string, string | string[]>][] {
  return [
    [
      "about",
      {
        title: "Friday night detached youth work",
        summary: "Youth workers on the streets of the town centre on Friday evenings, where anti-social behaviour peaks.",
        amountRequested: "£12,000",
        "projectStart.day": "1",
        "projectStart.month": "4",
        "projectStart.year": String(year),
        "projectEnd.day": "31",
        "projectEnd.month": "3",
        "projectEnd.year": String(year + 1),
      },
    ],
    ["priorities", { priorityIds: [seed.openRound.priorityIds[0]!] }],
    ["areas", { areaIds: [seed.openRound.areaIds[0]!] }],
    [
      "outcomes",
      { "outcomes.0.outcome": "Fewer incidents of anti-social behaviour", "outcomes.0.indicator": "Incidents reported", "outcomes.0.target": "20% fewer" },
    ],
    [
      "budget",
      {
        "lines.0.item": "Youth workers",
        "lines.0.cost": "£11,000",
        "lines.0.otherFunding": "",
        "lines.1.item": "Venue hire",
        "lines.1.cost": "£1,000",
        "lines.1.otherFunding": "",
      },
    ],
    ["beneficiaries", { beneficiaries: "Young people aged 11 to 18 in the town centre.", beneficiaryCount: "250" }],
    [
      "safeguarding-and-equality",
      { safeguardingAnswer: "DBS checks for every worker; a named safeguarding lead.", equalityAnswer: "Free sessions in accessible venues." },
    ],
    ["documents", {}],
    ["declarations", { declarations: ["true-and-complete", "authorised", "report-changes", "monitoring"] }],
  ];
}

function body(fields: Record<string, string | string[]>, intent: string) {
  const params = new URLSearchParams({ intent });
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

const servers = await Promise.all(Array.from({ length: options.instances }, (_, i) => startServer({ port: options.port + i })));
const latencies: number[] = [];
const failures: string[] = [];
let submitted = 0;

/** One request as a browser sends it: a page (no form) or a same-origin form post. */
async function send(serverUrl: string, path: string, cookie: string, form?: string) {
  const started = performance.now();
  try {
    const headers: Record<string, string> = { Cookie: cookie, "Sec-Fetch-Site": "same-origin", "Accept-Encoding": "gzip, deflate, br" };
    if (form !== undefined) Object.assign(headers, { Origin: serverUrl, "Content-Type": "application/x-www-form-urlencoded" });
    const response = await fetch(`${serverUrl}${path}`, { method: form === undefined ? "GET" : "POST", redirect: "manual", headers, body: form });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    return response;
  } catch (error) {
    latencies.push(performance.now() - started);
    failures.push(`${path}: ${(error as Error).message}`);
    return null;
  }
}

/** With --browse, a page the browser loads; false when it did not answer 200 (recorded as a failure). */
async function browse(serverUrl: string, path: string | null, cookie: string) {
  if (!options.browse || path === null) return true;
  const response = await send(serverUrl, path, cookie);
  if (!response) return false;
  if (response.status === 200) return true;
  failures.push(`GET ${path}: ${response.status}`);
  return false;
}

async function applicant(serverUrl: string, token: string, bidId: string) {
  const cookie = await cookieFor(token);
  const bidPath = `/applicant/bids/${bidId}`;
  for (const [section, fields] of steps()) {
    if (!(await browse(serverUrl, `${bidPath}/${section}`, cookie))) return;
    const response = await send(serverUrl, `${bidPath}/${section}`, cookie, body(fields, "save-and-continue"));
    if (!response) return;
    const location = response.headers.get("Location");
    if (response.status !== 302 || /sign-in/.test(location ?? "")) {
      failures.push(`${section}: ${response.status} ${location ?? ""}`);
      return;
    }
    if (!(await browse(serverUrl, location, cookie))) return;
  }
  if (!(await browse(serverUrl, `${bidPath}/check-answers`, cookie))) return;
  const response = await send(serverUrl, `${bidPath}/check-answers`, cookie, body({}, "submit"));
  if (!response) return;
  const location = response.headers.get("Location");
  if (response.status === 302 && /confirmation/.test(location ?? "")) submitted += 1;
  else failures.push(`submit: ${response.status} ${location ?? ""}`);
  await browse(serverUrl, location, cookie);
}

const started = performance.now();
let lastDone = 0;
try {
  await Promise.all(
    applicants.map(async ({ token, bidId }, i) => {
      await new Promise((r) => setTimeout(r, (i / applicants.length) * options.spread * 1000));
      await applicant(servers[i % servers.length]!.url, token, bidId);
      lastDone = performance.now() - started;
    }),
  );
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  // What the servers logged (warnings and errors): why a request failed, if any did.
  writeFileSync(join(OUT_DIR, `surge-${databaseKind()}-server.log`), servers.map((server) => server.output.join("")).join("\n"));
}

process.env.DATABASE_URL = databaseUrl();
const { db } = await import("~/lib/db.server");
// Counted 500 at a time: the SQLite client refuses a list of 2,000 query parameters.
let inDatabase = 0;
for (let from = 0; from < applicants.length; from += 500) {
  const ids = applicants.slice(from, from + 500).map((a) => a.bidId);
  inDatabase += await db.bid.count({ where: { roundId: seed.openRound.id, status: "submitted", id: { in: ids } } });
}
await db.$disconnect();

const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
const row = {
  database: databaseKind(),
  instances: servers.length,
  applicants: applicants.length,
  requests: latencies.length,
  "all done in s": Math.round(lastDone / 100) / 10,
  // While the queue is long this is what the instances answer: their capacity.
  "answered per s": Math.round((latencies.length / lastDone) * 10_000) / 10,
  "p50 ms": at(0.5),
  "p95 ms": at(0.95),
  "p99 ms": at(0.99),
  errors: failures.length,
  "submitted (answers)": submitted,
  "submitted (database)": inDatabase,
  lost: applicants.length - inDatabase,
};
printTable([row]);
if (failures.length) console.log(`\nfirst errors:\n${failures.slice(0, 10).join("\n")}`);
writeResult(`surge-${databaseKind()}`, { options, ...row, firstErrors: failures.slice(0, 20) });
