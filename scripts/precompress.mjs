// Writes a Brotli (.br) and a gzip (.gz) copy next to each compressible built client file, at the
// highest levels: done once at build time (a Vite plugin in vite.config.ts calls it after the
// client build), so the server sends them without compressing per request (ADR 0024).
// By hand: node scripts/precompress.mjs [client dir] (default: $REMIX_BUILD_DIR/client).
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|map|webmanifest)$/i;
// Below this a compressed copy saves less than a packet.
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** @param {string} clientDir @returns {Promise<{ count: number, bytes: number, brotliBytes: number }>} */
export async function precompress(clientDir) {
  const totals = { count: 0, bytes: 0, brotliBytes: 0 };
  for await (const path of files(clientDir)) {
    if (!COMPRESSIBLE.test(path) || (await stat(path)).size < MIN_BYTES) continue;
    const bytes = await readFile(path);
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    await writeFile(`${path}.br`, br);
    await writeFile(`${path}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
    totals.count += 1;
    totals.bytes += bytes.length;
    totals.brotliBytes += br.length;
  }
  return totals;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const clientDir = resolve(process.argv[2] ?? join(process.env.REMIX_BUILD_DIR || "build", "client"));
  const t = await precompress(clientDir);
  console.log(`precompressed ${t.count} files in ${clientDir}: ${Math.round(t.bytes / 1024)} KiB → ${Math.round(t.brotliBytes / 1024)} KiB (brotli)`);
}
