import type { LoaderFunctionArgs } from "@remix-run/node";
import { startRoundExport } from "~/domain/exports/round-exports.server";
import { csvDownload } from "~/web/download";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";

// Who may download this export is declared in app/domain/auth/route-access.ts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["fund_administrator"]);
  const started = orNotFound(await startRoundExport("expressions-of-interest", params.roundId ?? "", user), "Round not found");
  return csvDownload(started.filename, started.body);
}
