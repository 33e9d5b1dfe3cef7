// The smallest Remix app on the portal's own Remix and React: a root and one resource route,
// the floor the portal's hello route (/livez) is measured against (bench/http.ts,
// docs/performance.md). Built by bench/http.ts into tmp/bench/bare-remix.
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  logLevel: "warn",
  plugins: [
    remix({
      appDirectory: `${here}app`,
      buildDirectory: fileURLToPath(new URL("../../tmp/bench/bare-remix", import.meta.url)),
      // The portal's future flags but route config: this app uses Remix's file routes.
      future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    }),
  ],
});
