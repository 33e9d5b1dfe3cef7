import { resolve } from "node:path";

/** Where the built server is; REMIX_BUILD_DIR lets parallel checkouts build side by side. */
export function serverBuildPath() {
  return resolve(process.env.REMIX_BUILD_DIR ?? "build", "server/index.js");
}
