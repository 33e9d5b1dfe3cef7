import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/web/guards.server";
import { emailHtmlResponse } from "~/web/email-html.server";
import { renderEmailPreview } from "~/domain/email/previews.server";

/** A template's HTML with sample details, as its own sandboxed page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "preview:email");
  const preview = await renderEmailPreview(params.template ?? "");
  if (!preview) throw new Response("Not found", { status: 404 });
  return emailHtmlResponse(preview.html);
}
