// The worker process (ADR 0013, ADR 0014): sends the outbox, queues the deadline and report reminders and lapses unanswered awards, and serves
// no pages. Run one (or more: each email is claimed by one sender) beside web instances started
// with OUTBOX_WORKER=off. It runs the built app's modules, so build first (`npm run build`).
//   npm run worker
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createLogger } from "./server/logging.mjs";

const logger = createLogger({ name: "worker" });
const buildDir = resolve(process.env.REMIX_BUILD_DIR || "build");
const build = await import(pathToFileURL(join(buildDir, "server/index.js")).href);
const startWorker = build.entry?.module?.startWorker;
if (typeof startWorker !== "function") {
  logger.fatal({ buildDir }, "the build has no startWorker: run `npm run build` first");
  process.exit(1);
}

const log = {
  info: (message) => logger.info(message),
  error: (message, error) => logger.error({ err: error }, message),
};
const worker = await startWorker({ log });
logger.info(
  { via: worker.via },
  `worker: sending the outbox (${worker.via === "smtp" ? "to SMTP_URL" : "to the built-in mailbox"}), queueing deadline and report reminders and lapsing unanswered awards`,
);

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker: stopping after the email in hand");
  try {
    await worker.stop();
  } catch (error) {
    logger.error({ err: error }, "worker: did not stop cleanly");
  }
  logger.info("worker: stopped");
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
