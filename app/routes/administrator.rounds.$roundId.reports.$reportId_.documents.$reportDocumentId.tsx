// Downloads a document attached to a monitoring report, for the fund administrator reviewing it;
// always as an attachment (app/web/download.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReportDocument } from "~/domain/monitoring/report-documents.server";
import { documentDownload } from "~/web/download";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const document = await readReportDocument({
    viewer: user,
    reportId: params.reportId ?? "",
    documentId: params.reportDocumentId ?? "",
    where: { award: { roundId: params.roundId ?? "" } },
  });
  return documentDownload(orNotFound(document, "Not Found"));
}
