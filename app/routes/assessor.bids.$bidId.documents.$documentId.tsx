// Downloads one of an assigned bid's supporting documents, behind the same gate as the scoring
// page: assigned, and "no conflict of interest" answered (404 unassigned, 403 conflicted).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDocumentForAssessor, requireScorableBid } from "~/domain/assessment/assessor-bids.server";
import { requirePermission } from "~/domain/auth/guards.server";
import { documentDownload } from "~/domain/documents/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:assigned");
  const bid = await requireScorableBid(user.id, params.bidId ?? "", "bid.document_read");
  return documentDownload(await requireDocumentForAssessor(user.id, bid.id, params.documentId ?? ""));
}
