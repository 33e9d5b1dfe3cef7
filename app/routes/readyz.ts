import { readiness } from "~/domain/operations/readiness.server";

/**
 * Readiness for load balancers (ADR 0013): 200 when the database answers with every migration
 * this build expects and the document storage is reachable; 503 otherwise, saying which. While
 * the server is stopping, server.mjs answers 503 before this runs.
 */
export async function loader() {
  const report = await readiness();
  return Response.json(
    { status: report.ready ? "ready" : "not ready", ...report },
    { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
