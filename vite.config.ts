/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
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
  plugins: [!process.env.VITEST && remix(remixConfig), !process.env.VITEST && precompressClient()],
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
