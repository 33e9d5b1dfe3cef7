import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAuditFilters } from "~/domain/audit/audit-filters";
import { startAuditExport } from "~/domain/audit/audit-log.server";
import { csvDownload } from "~/web/download";
import { requirePermission } from "~/web/guards.server";

/** The audit log's filtered view as CSV: the page's filters, all pages (a date that is not real is left out, as on the page). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  const { filters } = readAuditFilters(new URL(request.url).searchParams);
  const started = await startAuditExport(filters, user);
  return csvDownload(started.filename, started.body);
}
