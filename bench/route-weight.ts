// Page weight from the build alone, for every route: the JavaScript a page loads up front as the
// browser's route manifest (build/client/assets/manifest-*.js) lists it: the client entry and its
// imports, then the route's module and imports and those of each route above it, each file
// gzipped (its precompressed .gz copy, or gzip 9 when the build made none). The same files as the
// script and modulepreload tags `bench:weight` reads from a served page, without a server or a
// database. Sorted heaviest first, KiB.
//   npm run build && npm run bench:route-weight -- [pattern] [--files]
//   (pattern: a regular expression on route ids, e.g. 'applicant\.'; --files lists each page's files)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./support";

type ManifestEntry = { module: string; imports?: string[] };
type ManifestRoute = ManifestEntry & { id: string; parentId?: string };
type Manifest = { entry: ManifestEntry; routes: Record<string, ManifestRoute> };

const args = process.argv.slice(2);
const listFiles = args.includes("--files");
const pattern = args.find((a) => !a.startsWith("--"));
const assets = join(ROOT, process.env.REMIX_BUILD_DIR || "build", "client", "assets");
const manifestFile = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error(`no route manifest in ${assets}: build first`);
const source = readFileSync(join(assets, manifestFile), "utf8");
const manifest = JSON.parse(source.slice(source.indexOf("=") + 1).replace(/;\s*$/, "")) as Manifest;

function gzipped(url: string) {
  const file = join(assets, url.replace(/^\/assets\//, ""));
  return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : gzipSync(readFileSync(file), { level: 9 }).length;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const pages = Object.values(manifest.routes)
  .filter((route) => !pattern || new RegExp(pattern).test(route.id))
  .map((route) => {
    const files = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
    const chain: ManifestRoute[] = [];
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) chain.unshift(r);
    for (const r of chain) for (const file of [r.module, ...(r.imports ?? [])]) files.add(file);
    const sizes = [...files].map((file) => ({ file, bytes: gzipped(file) })).sort((a, b) => b.bytes - a.bytes);
    return { id: route.id, sizes, total: sizes.reduce((sum, s) => sum + s.bytes, 0) };
  })
  .sort((a, b) => b.total - a.total);

for (const page of pages) {
  console.log(`${kib(page.total).padStart(6)}  ${String(page.sizes.length).padStart(3)} files  ${page.id}`);
  if (listFiles) for (const s of page.sizes) console.log(`          ${(s.bytes / 1024).toFixed(2).padStart(6)}  ${s.file}`);
}
