import { startDeadlineReminders } from "~/domain/email/deadline-reminders.server";
import { startOutboxWorker } from "~/domain/email/sender.server";
import { env } from "~/lib/env.server";

/**
 * Work the web server process runs beside serving pages: the outbox sender, and queueing the
 * deadline reminders that are due once a minute, unless OUTBOX_WORKER=off (when
 * `npx tsx scripts/outbox-worker.ts` runs them on its own).
 * Returns a function that stops it for a clean shutdown.
 */
export async function startBackgroundWork(): Promise<() => Promise<void>> {
  if (env().OUTBOX_WORKER !== "on") return async () => {};
  const stopReminders = startDeadlineReminders();
  const stopSender = startOutboxWorker();
  return async () => {
    await Promise.all([stopReminders(), stopSender()]);
  };
}
