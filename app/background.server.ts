import { startOutboxWorker } from "~/domain/email/sender.server";
import { env } from "~/lib/env.server";

/**
 * Work the web server process runs beside serving pages: the outbox sender, unless
 * OUTBOX_WORKER=off (when `npx tsx scripts/outbox-worker.ts` runs it on its own).
 * Returns a function that stops it for a clean shutdown.
 */
export async function startBackgroundWork(): Promise<() => Promise<void>> {
  if (env().OUTBOX_WORKER !== "on") return async () => {};
  return startOutboxWorker();
}
