// Downloads a supporting document: only for people who may see the bid, always as an attachment
// with the media type found when it was uploaded, so the browser never renders it in the portal.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/web/guards.server";
import { documentForViewer } from "~/domain/documents/documents.server";
import { documentDownloadOr } from "~/web/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  return documentDownloadOr(await documentForViewer({ bidId: params.bidId ?? "", documentId: params.documentId ?? "", viewer: user }));
}
