// Page weight: the JavaScript and CSS each key page loads (its script, modulepreload and
// stylesheet tags, sized gzipped and Brotli from the build's precompressed copies), and Lighthouse
// 12.2.3 (mobile, CHROME_PATH or /usr/bin/chromium) performance and accessibility scores for the
// applicant's section page, the scoring page and the allocation page.
//   npm run build && npm run bench:seed && npm run bench:weight -- [--lighthouse false]
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { cookieFor, databaseUrl, flags, OUT_DIR, printTable, readSeed, ROOT, startServer, writeResult } from "./support";

const options = flags({ lighthouse: true, port: 3193, pages: "" });
const seed = readSeed();
const clientDir = join(ROOT, process.env.REMIX_BUILD_DIR || "build", "client");

// A bid the seeded assessor is assigned to, for the scoring page.
process.env.DATABASE_URL = databaseUrl();
const { db } = await import("~/lib/db.server");
const user = await db.session.findFirst({
  where: { id: (await import("~/domain/auth/session.server")).hashSessionToken(seed.tokens.assessor) },
  select: { userId: true },
});
const assigned = await db.assessorAssignment.findFirst({ where: { assessorId: user?.userId ?? "", bid: { roundId: seed.round.id } }, select: { bidId: true } });

const applicant = await cookieFor(seed.tokens.applicant);
const assessor = await cookieFor(seed.tokens.assessor);
const staff = await cookieFor(seed.tokens.administrator);
const pages = [
  { name: "home", path: "/", lighthouse: false },
  { name: "public round page", path: `/rounds/${seed.openRound.slug}`, lighthouse: false },
  { name: "applicant task list", path: `/applicant/bids/${seed.applicantBidId}`, cookie: applicant, lighthouse: false },
  { name: "applicant section (about)", path: `/applicant/bids/${seed.applicantBidId}/about`, cookie: applicant, lighthouse: true },
  { name: "applicant section (budget)", path: `/applicant/bids/${seed.applicantBidId}/budget`, cookie: applicant, lighthouse: false },
  { name: "scoring", path: `/assessor/bids/${assigned?.bidId}/score`, cookie: assessor, lighthouse: true },
  { name: "allocation", path: `/administrator/rounds/${seed.round.id}/allocation`, cookie: staff, lighthouse: true },
].filter((p) => !options.pages || options.pages.split(",").some((w) => p.name.includes(w)));

/** Bytes of a built file as sent: its precompressed copy when there is one. */
function sizes(path: string) {
  const file = join(clientDir, path.replace(/^\//, ""));
  const raw = statSync(file).size;
  const gz = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : gzipSync(readFileSync(file)).length;
  const br = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : gz;
  return { raw, gz, br };
}

const kb = (n: number) => Math.round(n / 102.4) / 10;
const server = await startServer({ port: options.port });
const rows: Record<string, string | number | null>[] = [];
const execFileAsync = promisify(execFile);
try {
  for (const page of pages) {
    const response = await fetch(`${server.url}${page.path}`, { headers: page.cookie ? { Cookie: page.cookie } : {}, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) {
      rows.push({
        page: page.name,
        status: response.status,
        "JS files": null,
        "JS KB": null,
        "JS gz KB": null,
        "JS br KB": null,
        "CSS gz KB": null,
        performance: null,
        accessibility: null,
      });
      continue;
    }
    // The files the page loads up front; Remix lists every module a route needs as modulepreload.
    const scripts = new Set([...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
    for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?["'](\/assets\/[^"']+\.js)["']/g)) scripts.add(m[1]!);
    const styles = new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]!));
    const js = [...scripts].map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
    const css = [...styles].map(sizes).reduce((a, s) => a + s.gz, 0);
    let performance: number | null = null;
    let accessibility: number | null = null;
    if (options.lighthouse && page.lighthouse) {
      const report = join(OUT_DIR, `lighthouse-${page.name.replace(/\W+/g, "-")}.json`);
      rmSync(report, { force: true });
      await execFileAsync(
        join(ROOT, "node_modules/.bin/lighthouse"),
        [
          `${server.url}${page.path}`,
          "--only-categories=performance,accessibility",
          "--output=json",
          `--output-path=${report}`,
          "--quiet",
          `--extra-headers=${JSON.stringify(page.cookie ? { Cookie: page.cookie } : {})}`,
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run",
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" }, timeout: 300_000 },
      ).catch((error: { stderr?: string }) => console.log(`${page.name}: Lighthouse failed: ${error.stderr?.trim() ?? String(error)}`));
      if (existsSync(report)) {
        const result = JSON.parse(readFileSync(report, "utf8")) as { categories: Record<string, { score: number | null }> };
        performance = Math.round((result.categories.performance!.score ?? 0) * 100);
        accessibility = Math.round((result.categories.accessibility!.score ?? 0) * 100);
      }
    }
    rows.push({
      page: page.name,
      status: 200,
      "JS files": scripts.size,
      "JS KB": kb(js.raw),
      "JS gz KB": kb(js.gz),
      "JS br KB": kb(js.br),
      "CSS gz KB": kb(css),
      performance,
      accessibility,
    });
    console.log(`${page.name}: ${kb(js.gz)} KB JS gzipped${performance === null ? "" : `, Lighthouse ${performance}/${accessibility}`}`);
  }
} finally {
  await server.stop();
  await db.$disconnect();
}
console.log("");
printTable(rows);
writeResult("weight", { rows });
