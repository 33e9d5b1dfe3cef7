/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type Rollup } from "vite";
import { precompress } from "./scripts/precompress.mjs";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * .br and .gz copies of the built client files for the server to send (ADR 0024). Made after the
 * server build, the last of the two: Remix writes the browser's route manifest into the client
 * folder during it.
 */
function precompressClient(): Plugin {
  let outDir = "";
  let ssr = false;
  return {
    name: "csf-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
      ssr = Boolean(config.build.ssr);
    },
    async closeBundle() {
      if (ssr) await precompress(resolve(outDir, "..", "client"));
    },
  };
}

/**
 * What the client entry and the root route import, statically, every page loads: the packages
 * (React, Remix) in one chunk, the portal's own modules in another (ADR 0027). Left to itself
 * Rollup splits them by which routes import each module too (React in one chunk, React DOM and
 * Remix's components in another, the page title and roles in chunks of their own), files every
 * page loads all the same: the same code, in fewer files, is smaller gzipped. The packages stay
 * apart from the portal's code so that a change to the layout leaves the packages' file cached.
 * The browser build only; modules a page imports lazily (`import()`) stay out.
 */
function everyPageChunks(): Plugin {
  let onEveryPage: Set<string> | undefined;
  const isStart = (id: string) => /\/app\/(root|entry\.client)\.tsx(\?|$)/.test(id);
  function chunkOf(id: string, { getModuleIds, getModuleInfo }: Rollup.ManualChunkMeta) {
    if (!onEveryPage) {
      onEveryPage = new Set();
      const stack = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry && isStart(m));
      while (stack.length > 0) {
        const m = stack.pop()!;
        if (onEveryPage.has(m)) continue;
        onEveryPage.add(m);
        stack.push(...(getModuleInfo(m)?.importedIds ?? []));
      }
    }
    if (!onEveryPage.has(id)) return undefined;
    if (/[\\/]node_modules[\\/]/.test(id) || id.startsWith("\0")) return "framework";
    // The entry's own module stays its entry chunk: it starts the app when it runs.
    return getModuleInfo(id)?.isEntry && !/\/app\/root\.tsx/.test(id) ? undefined : "root";
  }
  return {
    name: "csf-every-page-chunks",
    apply: "build",
    buildStart() {
      onEveryPage = undefined;
    },
    config(_config, env) {
      if (env.isSsrBuild) return;
      return { build: { rollupOptions: { output: { manualChunks: chunkOf } } } };
    },
  };
}

// The Remix Vite plugin, with its options from remix.config.js (ADR 0001).
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  css: {
    preprocessorOptions: {
      scss: { api: "modern-compiler", quietDeps: true, loadPaths: ["node_modules"] },
    },
  },
  server: { port: 3000 },
  plugins: [!process.env.VITEST && remix(remixConfig), !process.env.VITEST && everyPageChunks(), !process.env.VITEST && precompressClient()],
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "server/**/*.test.mjs",
      "tests/integration/**/*.test.{ts,tsx}",
      "emails/**/*.test.{ts,tsx}",
      "scripts/**/*.test.{ts,mjs}",
    ],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-setup.ts"],
    pool: "forks",
    // Vitest leaves a core for itself by default, which on a two-core machine means one test file
    // at a time; its own process is nearly idle, so every core runs a file (each has its own database).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
