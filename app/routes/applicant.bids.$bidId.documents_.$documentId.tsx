// Downloads a supporting document: only for people who may see the bid, always as an attachment
// with the media type found when it was uploaded, so the browser never renders it in the portal.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/guards.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { readDocumentForViewer } from "~/domain/documents/documents.server";
import { documentDownload } from "~/domain/documents/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const document = await readDocumentForViewer({ bidId: params.bidId ?? "", documentId: params.documentId ?? "", viewer: user });
  if (!document) {
    await recordAudit({ actorId: user.id, action: "bid.document_access_refused", outcome: "refused", subjectType: "bid", subjectId: params.bidId ?? null, details: { documentId: params.documentId } });
    throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  }
  return documentDownload(document);
}
