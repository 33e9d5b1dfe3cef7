// Downloads one of a submitted bid's supporting documents for the fund administrator.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentForAdministrator } from "~/domain/assessment/administrator-bid-documents.server";
import { requirePermission } from "~/web/guards.server";
import { documentDownloadOr } from "~/web/download";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:any");
  return documentDownloadOr(await documentForAdministrator(user.id, params.roundId ?? "", params.bidId ?? "", params.documentId ?? ""));
}
