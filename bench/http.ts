// The framework floor and the portal's key pages in one run, on the production build against the
// seeded bench database: a node:http server answering a fixed string, a bare Remix app's same
// route (bench/bare-remix: Express and Remix alone), the portal's liveness route (/livez, the
// "hello" route: Express, the portal's middleware and Remix, no database), then the pages.
// autocannon at 10 and 50 connections: req/s, p50, p99, errors, database operations per request
// (X-Query-Count, BENCH_COUNT_QUERIES=yes), HTML bytes (plain and Brotli), ratio to hello.
//   npm run build && npm run bench:seed && npm run bench:http -- [--duration 10] [--connections 10,50] [--pages public,screening]
// Requests carry a browser's Accept-Encoding (br), so the compression the server does is counted.
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { brotliCompressSync } from "node:zlib";
import { answersWithin, cookieFor, databaseKind, flags, printTable, readSeed, startServer, writeResult } from "./support";

const options = flags({ duration: 10, connections: "10,50", pages: "", port: 3190, encoding: "gzip, deflate, br" });
const seed = readSeed();
const connectionLevels = options.connections.split(",").map(Number);

const staff = await cookieFor(seed.tokens.administrator);
const pages: { name: string; path: string; cookie?: string; floor?: "node" | "bare" }[] = [
  { name: "node:http string", path: "/", floor: "node" },
  { name: "bare Remix app (/livez)", path: "/livez", floor: "bare" },
  { name: "hello (/livez)", path: "/livez" },
  { name: "public round page", path: `/rounds/${seed.openRound.slug}` },
  { name: "applicant task list", path: `/applicant/bids/${seed.applicantBidId}`, cookie: await cookieFor(seed.tokens.applicant) },
  { name: "assessor queue", path: "/assessor", cookie: await cookieFor(seed.tokens.assessor) },
  { name: "screening", path: `/administrator/rounds/${seed.round.id}/screening`, cookie: staff },
  { name: "results", path: `/administrator/rounds/${seed.round.id}/results`, cookie: staff },
  { name: "allocation", path: `/administrator/rounds/${seed.round.id}/allocation`, cookie: staff },
  { name: "bid detail", path: `/administrator/rounds/${seed.round.id}/bids/${seed.sampleBidId}`, cookie: staff },
];
const wanted = options.pages ? pages.filter((p) => p.floor || p.name.startsWith("hello") || options.pages.split(",").some((w) => p.name.includes(w))) : pages;

// The floor: the cheapest answer Node gives, from its own process.
const nodePort = options.port + 1;
const floor = spawn(process.execPath, [
  "-e",
  `require("node:http").createServer((q, s) => { s.setHeader("Content-Type", "text/plain"); s.end("ok"); }).listen(${nodePort}, "127.0.0.1")`,
]);
// The bare Remix app, built afresh each run so it is on the portal's current Remix and React.
const built = spawnSync("npx", ["--no-install", "remix", "vite:build", "--config", "bench/bare-remix/vite.config.ts"], { stdio: "inherit" });
if (built.status !== 0) throw new Error("the bare Remix app did not build");
const barePort = options.port + 2;
const bare = spawn(process.execPath, ["bench/bare-remix/server.mjs"], {
  env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(barePort) },
  stdio: "inherit",
});
if (!(await answersWithin(`http://127.0.0.1:${barePort}/livez`, 20_000))) throw new Error("the bare Remix app did not answer within 20 s");
const server = await startServer({ port: options.port, env: { BENCH_COUNT_QUERIES: "yes" } });

type Row = Record<string, string | number | null>;
const rows: Row[] = [];
try {
  for (const page of wanted) {
    const url = page.floor ? `http://127.0.0.1:${page.floor === "node" ? nodePort : barePort}${page.path}` : `${server.url}${page.path}`;
    const headers: Record<string, string> = { "Accept-Encoding": options.encoding, Accept: "text/html" };
    if (page.cookie) headers.Cookie = page.cookie;
    // One request first: the page answers 200, and its size and operation count.
    const probeStarted = performance.now();
    const probe = await fetch(url, { headers: { ...headers, "Accept-Encoding": "identity" }, redirect: "manual" });
    const html = Buffer.from(await probe.arrayBuffer());
    const alone = Math.round(performance.now() - probeStarted);
    if (probe.status !== 200) throw new Error(`${page.name} (${page.path}) answered ${probe.status}: ${html.toString().slice(0, 300)}`);
    const queries = probe.headers.get("X-Query-Count");
    for (const connections of connectionLevels) {
      const result = await autocannon({ url, connections, duration: options.duration, headers, timeout: 30 });
      rows.push({
        page: page.name,
        connections,
        "req/s": Math.round(result.requests.average * 10) / 10,
        // A page slower than the run completes no request in it: its time alone says how slow.
        "alone ms": alone,
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        queries: queries === null ? null : Number(queries),
        "HTML KB": Math.round(html.length / 100) / 10,
        "br KB": Math.round(brotliCompressSync(html).length / 100) / 10,
        "× hello": null,
      });
      console.log(`${page.name} @${connections}: ${rows.at(-1)!["req/s"]} req/s, p99 ${result.latency.p99} ms`);
    }
  }
} finally {
  await server.stop();
  floor.kill();
  bare.kill();
}
for (const row of rows) {
  const hello = rows.find((r) => r.page === "hello (/livez)" && r.connections === row.connections);
  row["× hello"] = hello ? Math.round(((row["req/s"] as number) / (hello["req/s"] as number)) * 100) / 100 : null;
}
console.log(`\n${databaseKind()}, ${seed.bids} bids, ${options.duration} s a run`);
printTable(rows);
writeResult(`http-${databaseKind()}`, { database: databaseKind(), bids: seed.bids, options, rows });
