// The outbox sender as its own process from the TypeScript sources (development, cron). In
// production run `npm run worker` (worker.mjs, from the build) instead (docs/deployment.md).
// Set OUTBOX_WORKER=off on the web server. Any number may run at once: each email is claimed by one.
//   npx tsx scripts/outbox-worker.ts          keep sending every 2 seconds until stopped
//   npx tsx scripts/outbox-worker.ts --once   send what is due now, then exit (for cron)
// It also queues the deadline reminders that are due (once a minute, or once with --once).
import { queueDeadlineReminders, startDeadlineReminders } from "~/domain/email/deadline-reminders.server";
import { createOutboxSender, startOutboxWorker, STOP_GRACE_MS } from "~/domain/email/sender.server";
import { db } from "~/lib/db.server";

const sender = createOutboxSender();
console.log(`outbox worker: delivering to ${sender.via === "smtp" ? "the SMTP server in SMTP_URL" : "the built-in mailbox (no SMTP_URL set)"}`);

if (process.argv.includes("--once")) {
  try {
    await queueDeadlineReminders(new Date());
    const report = await sender.deliverDue({ limit: 10_000 });
    console.log(`outbox worker: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
  } finally {
    sender.close();
    await db.$disconnect();
  }
} else {
  const stopReminders = startDeadlineReminders({ keepAlive: true });
  const stop = startOutboxWorker({ sender, keepAlive: true });
  const shutdown = async () => {
    await Promise.all([stopReminders(), stop({ graceMs: STOP_GRACE_MS })]);
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
