// Downloads a document attached to a monitoring report, for the fund administrator reviewing it;
// always as an attachment (app/web/download.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReportDocument } from "~/domain/monitoring/report-documents.server";
import { documentDownloadOr } from "~/web/download";
import { requirePermission } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const document = await readReportDocument({
    viewer: user,
    reportId: params.reportId ?? "",
    documentId: params.reportDocumentId ?? "",
    where: { award: { roundId: params.roundId ?? "" } },
  });
  return documentDownloadOr(document);
}
