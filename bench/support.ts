// What the benchmark scripts share: flags, where results go, the bench database, session cookies
// for the production server, starting that server, and printing a table.
import { createCookie } from "@remix-run/node";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = join(ROOT, "tmp/bench");
export const DEFAULT_DATABASE_URL = `file:${join(OUT_DIR, "bench.db")}`;
/** Fixed, so cookies made by the seeder's tokens are valid on the server the benches start. */
export const BENCH_SESSION_SECRET = "bench-only-session-secret-0123456789abcdef";

/** `--name value` and `--flag` from the command line, with defaults. */
export function flags<T extends Record<string, string | number | boolean>>(defaults: T): T {
  const out: Record<string, string | number | boolean> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) continue;
    const key = match[1]!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`unknown flag --${match[1]} (known: ${Object.keys(defaults).join(", ")})`);
    const kind = typeof defaults[key];
    const raw = match[2] ?? (kind !== "boolean" ? argv[++i] : /^(true|false)$/.test(argv[i + 1] ?? "") ? argv[++i] : "true");
    out[key] = kind === "number" ? Number(raw) : kind === "boolean" ? raw !== "false" : String(raw);
  }
  return out as T;
}

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseKind(url = databaseUrl()) {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The machine the figures were taken on: results are only comparable on the same one. */
export function machine() {
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
}

export function writeResult(name: string, result: unknown) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...(result as object) }, null, 2)}\n`);
  console.log(`\nwritten ${path}`);
}

export function readSeed(): Seed {
  const path = join(OUT_DIR, `seed-${databaseKind()}.json`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Seed;
  } catch {
    throw new Error(`no ${path}: run \`npm run bench:seed\` first (same DATABASE_URL)`);
  }
}

/** What the seeder made that the other benches need. */
export type Seed = {
  databaseUrl: string;
  bids: number;
  round: { id: string; slug: string };
  openRound: { id: string; slug: string; areaIds: string[]; priorityIds: string[] };
  sampleBidId: string;
  tokens: { administrator: string; assessor: string; applicant: string };
  applicantBidId: string;
  surge: { token: string; bidId: string }[];
};

const sessionCookie = createCookie("__Host-csf_session", { httpOnly: true, sameSite: "lax", path: "/", secure: true, secrets: [BENCH_SESSION_SECRET] });

/** The Cookie header the production server accepts for a session token. */
export async function cookieFor(token: string) {
  return (await sessionCookie.serialize(token)).split(";")[0]!;
}

/** The seeded sessions as if just used: a session idle for longer than the portal allows is signed out. */
async function freshenSessions() {
  process.env.DATABASE_URL = databaseUrl();
  const { db } = await import("~/lib/db.server");
  await db.session.updateMany({ data: { lastSeenAt: new Date(), secondFactorAt: new Date() } });
}

/** Asks `url` every 200 ms until it answers OK (true) or `timeoutMs` passes (false); `check` runs before each try. */
export async function answersWithin(url: string, timeoutMs: number, check: () => void = () => {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    check();
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false, // not listening yet
    );
    if (ok) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type Server = { url: string; child: ChildProcess; output: string[]; stop(): Promise<void> };

/** The built portal (server.mjs, production) on `port`, against the bench database; resolves once /healthz answers. */
export async function startServer({ port, env = {} }: { port: number; env?: Record<string, string> }): Promise<Server> {
  await freshenSessions();
  // To profile the server under a bench: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      REMIX_BUILD_DIR: process.env.REMIX_BUILD_DIR || "build",
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl(),
      SESSION_SECRET: BENCH_SESSION_SECRET,
      DEMO_MAILBOX: "yes",
      OUTBOX_WORKER: "off",
      LOG_LEVEL: "warn",
      DOCUMENT_STORAGE_DIR: join(OUT_DIR, "documents"),
      // Every request from the load generator comes from one address.
      THROTTLE_ADDRESS_FACTOR: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const answered = await answersWithin(`${url}/healthz`, 60_000, () => {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join("")}`);
  });
  if (!answered) {
    child.kill("SIGKILL");
    throw new Error(`server did not answer /healthz within 60 s:\n${output.join("")}`);
  }
  return {
    url,
    child,
    output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

/** Prints rows as an aligned text table (numbers right-aligned). */
export function printTable(rows: Record<string, string | number | null>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const text = (v: unknown) => (v === null || v === undefined ? "-" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[], raw: unknown[]) =>
    cells.map((cell, i) => (typeof raw[i] === "number" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  console.log(line(columns, columns));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows)
    console.log(
      line(
        columns.map((c) => text(row[c])),
        columns.map((c) => row[c]),
      ),
    );
}
