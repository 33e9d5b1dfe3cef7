import { startThrottlePruning } from "~/domain/auth/throttle.server";
import { startAwardLapses } from "~/domain/awards/lapse.server";
import { startDeadlineReminders } from "~/domain/email/deadline-reminders.server";
import { startOutboxWorker, STOP_GRACE_MS } from "~/domain/email/sender.server";
import { startReportReminders } from "~/domain/monitoring/reminders.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";

type Stop = () => Promise<void>;

function startSenderAndReminders({ keepAlive, log = console }: { keepAlive: boolean; log?: Pick<Console, "info" | "error"> }): Stop {
  const stopReminders = startDeadlineReminders({ keepAlive, log });
  const stopReportReminders = startReportReminders({ keepAlive, log });
  // Awards not accepted by their deadline lapse beside the reminders; any number of workers may run it.
  const stopLapses = startAwardLapses({ keepAlive, log });
  const stopSender = startOutboxWorker({ keepAlive, log });
  // Throttling hits older than a day count towards no limit (ADR 0016).
  const stopPruning = startThrottlePruning({ keepAlive, log });
  // A process that is stopping does not work through the rest of a round of emails (ADR 0013).
  return async () => {
    await Promise.all([stopReminders(), stopReportReminders(), stopLapses(), stopPruning(), stopSender({ graceMs: STOP_GRACE_MS })]);
  };
}

/**
 * Work a web server process runs beside serving pages: the outbox sender, and queueing the
 * deadline and monitoring report reminders that are due and lapsing unanswered awards once a minute, unless OUTBOX_WORKER=off (when the worker
 * process runs them, ADR 0013). Returns a function that stops it for a clean shutdown.
 */
export async function startBackgroundWork(): Promise<Stop> {
  if (env().OUTBOX_WORKER !== "on") return async () => {};
  return startSenderAndReminders({ keepAlive: false });
}

/**
 * The worker process (`npm run worker`, worker.mjs): the outbox sender, the deadline and report
 * reminders and award lapses, and nothing else. Any number may run at once: each email is claimed by one sender and each
 * reminder has one idempotency key (ADR 0005). Stopping hands back claimed emails and closes the
 * database connections.
 */
export async function startWorker({ log = console }: { log?: Pick<Console, "info" | "error"> } = {}): Promise<{ via: "smtp" | "mailbox"; stop: Stop }> {
  const via = env().SMTP_URL ? ("smtp" as const) : ("mailbox" as const);
  const stop = startSenderAndReminders({ keepAlive: true, log });
  return {
    via,
    stop: async () => {
      await stop();
      await db.$disconnect();
    },
  };
}
