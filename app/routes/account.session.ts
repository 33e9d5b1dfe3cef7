import type { ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/domain/audit/audit.server";
import { touchSession } from "~/domain/auth/session.server";
import { requireUser } from "~/web/guards.server";

// "Stay signed in" from the time-out warning (ADR 0018): marks the session as used now.
export async function loader() {
  throw new Response("Use the Stay signed in button", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await touchSession(user.sessionId);
  await recordAudit({ actorId: user.id, action: "session.extended", subjectType: "user", subjectId: user.id });
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
