// Downloads one of a submitted bid's supporting documents for the fund administrator.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDocumentForAdministrator } from "~/domain/assessment/administrator-bid-documents.server";
import { requirePermission } from "~/domain/auth/guards.server";
import { documentDownload } from "~/domain/documents/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:any");
  return documentDownload(await requireDocumentForAdministrator(user.id, params.roundId ?? "", params.bidId ?? "", params.documentId ?? ""));
}
