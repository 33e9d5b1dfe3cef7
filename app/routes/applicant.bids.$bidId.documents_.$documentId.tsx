// Downloads a supporting document: only for people who may see the bid, always as an attachment
// with the media type found when it was uploaded, so the browser never renders it in the portal.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/guards.server";
import { requireDocumentForViewer } from "~/domain/documents/documents.server";
import { documentDownload } from "~/domain/documents/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  return documentDownload(await requireDocumentForViewer({ bidId: params.bidId ?? "", documentId: params.documentId ?? "", viewer: user }));
}
