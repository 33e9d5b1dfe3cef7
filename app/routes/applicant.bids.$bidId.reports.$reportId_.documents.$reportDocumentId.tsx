// Downloads a document attached to a monitoring report: only for members of the bid's
// organisation, checked on every download; always as an attachment (app/web/download.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readReportDocument } from "~/domain/monitoring/report-documents.server";
import { documentDownloadOr } from "~/web/download";
import { requireRole } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const document = await readReportDocument({
    viewer: user,
    reportId: params.reportId ?? "",
    documentId: params.reportDocumentId ?? "",
    where: { award: { bidId: params.bidId ?? "" } },
  });
  return documentDownloadOr(document);
}
