/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
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
  plugins: [!process.env.VITEST && remix(remixConfig)],
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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
