/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The Remix Vite plugin replaces the classic remix.config.js compiler (ADR 0001). Every v3
// future flag is on so that a later move to React Router 7 is mechanical.
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
  plugins: [
    !process.env.VITEST &&
      remix({
        buildDirectory: process.env.REMIX_BUILD_DIR ?? "build",
        ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_lazyRouteDiscovery: true,
          v3_singleFetch: true,
          v3_routeConfig: true,
        },
      }),
  ],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.mjs", "tests/integration/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}", "scripts/**/*.test.{ts,mjs}"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
