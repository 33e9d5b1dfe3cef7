import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/web/guards.server";
import { findOutboxEmail } from "~/domain/email/outbox-admin.server";
import { emailHtmlResponse } from "~/web/email-html.server";

/** The HTML version of an email in the demo mailbox, as its own sandboxed page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mailbox");
  const email = await findOutboxEmail(params.emailId ?? "");
  // Same rule as the message page: only mailbox emails show their content.
  if (!email || email.deliveredVia !== "mailbox") throw new Response("Not found", { status: 404 });
  return emailHtmlResponse(email.html);
}
