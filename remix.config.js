// The Remix options in one place, in the file the design card names. Remix's Vite plugin reads
// them through vite.config.ts (ADR 0001); app/routes.ts uses the same ignored files.

/** Files in app/routes that are not routes. */
export const ignoredRouteFiles = ["**/*.test.{ts,tsx}"];

/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
  buildDirectory: process.env.REMIX_BUILD_DIR ?? "build",
  ignoredRouteFiles,
  // Every v3 future flag is on, so that a later move to React Router 7 is mechanical; with
  // v3_routeConfig the routes are declared in app/routes.ts.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
