// Downloads one of an assigned bid's supporting documents, behind the same gate as the scoring
// page: assigned, and "no conflict of interest" answered (404 unassigned, 403 conflicted).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentForAssessor } from "~/domain/assessment/assessor-bids.server";
import { requireScorableBid } from "~/web/assessor-bid.server";
import { requirePermission } from "~/web/guards.server";
import { documentDownloadOr } from "~/web/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:assigned");
  const bid = await requireScorableBid(user.id, params.bidId ?? "", "bid.document_read");
  return documentDownloadOr(await documentForAssessor(user.id, bid.id, params.documentId ?? ""));
}
