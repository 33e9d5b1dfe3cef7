// The portal's Node server: Express in front of Remix so that security headers, the CSRF origin
// check and static files are handled in one place for every response (ADR 0001).
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createLogger, requestLogging } from "./server/logging.mjs";
import { carriesSessionCookie, isSameOriginRequest, securityHeaders } from "./server/security.mjs";
import { bodyLimit, withLimitedBody } from "./server/body-limit.mjs";
import { compressResponses, staticFiles } from "./server/compression.mjs";
import { countQueries } from "./server/query-count.mjs";
import { requestQueue, skipsRequestQueue } from "./server/request-queue.mjs";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const buildDir = resolve(process.env.REMIX_BUILD_DIR || "build");
// How long a stopping server waits for requests in progress before closing their connections.
const shutdownGraceMs = Number(process.env.SHUTDOWN_GRACE_MS || 25_000);
// How many requests the app works on at once; the rest wait their turn (ADR 0030).
const requestConcurrency = Number(process.env.REQUEST_CONCURRENCY || 16);
const logger = createLogger({ name: "web" });
let shuttingDown = false;

const vite = production ? null : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
// Behind a proxy (TRUST_PROXY: its hop count or Express's trust list) the client address and
// protocol come from X-Forwarded-*; otherwise from the socket, which a client cannot forge (ADR 0016).
if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
app.use(requestLogging(logger));
if (process.env.BENCH_COUNT_QUERIES === "yes") app.use(countQueries());

// No address here holds a NUL character, and PostgreSQL text cannot (a query with one fails): an
// address with an encoded NUL is refused before any route reads it (ADR 0016).
app.use((req, res, next) => {
  if (!/%00/i.test(req.originalUrl)) return next();
  res.status(400).type("text/plain").send("This address is not valid.");
});

// While stopping: connections are not kept alive, and /readyz says so, so that a load balancer
// that still sends a request here takes this instance out of its pool (ADR 0013).
app.use((req, res, next) => {
  if (!shuttingDown) return next();
  res.setHeader("Connection", "close");
  if (req.path === "/readyz") {
    res.status(503).set("Cache-Control", "no-store").json({ status: "stopping" });
    return;
  }
  next();
});

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  // Defaults are applied just before the headers go out, so a response that sets its own (the
  // sandboxed email preview sets a stricter Content-Security-Policy) is not given a second one.
  const defaults = securityHeaders({ nonce, production });
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithSecurityHeaders(...args) {
    for (const [name, value] of Object.entries(defaults)) {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    // Set below, after the static files: pages and data for a signed-in user are never stored,
    // whatever the route said (ADR 0018); assets keep their long cache.
    if (res.locals.noStore) res.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  };
  const ownOrigin = `${req.protocol}://${req.get("host")}`;
  const allowed = isSameOriginRequest({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    allowedOrigins: [new URL(appUrl).origin, ownOrigin],
  });
  if (!allowed) {
    res.status(403).type("text/plain").send("This request came from another site and has been refused.");
    return;
  }
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  // Built files go out as their precompressed copies (ADR 0024).
  const files = staticFiles(join(buildDir, "client"));
  app.use("/assets", files.assets);
  app.use(files.rest);
}

// Pages, data and exports: compressed as they are written, as the client asks (ADR 0024).
app.use(compressResponses());

app.use(bodyLimit());

app.get("/favicon.ico", (_req, res) => res.status(204).end());

app.use((req, res, next) => {
  res.locals.noStore = carriesSessionCookie(req.get("cookie"));
  next();
});

const build = vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : await import(pathToFileURL(join(buildDir, "server/index.js")).href);

const remixHandler = createRequestHandler({
  build,
  mode: production ? "production" : "development",
  getLoadContext: (req, res) => ({
    cspNonce: res.locals.cspNonce,
    requestId: res.locals.requestId,
    clientAddress: req.ip,
    bodyTooLarge: res.locals.bodyTooLarge === true,
  }),
});
app.use(requestQueue({ limit: requestConcurrency, bypass: skipsRequestQueue }));
app.all("*", (req, res, next) => remixHandler(withLimitedBody(req, res), res, next));

// A deadline surge opens connections faster than a busy server accepts them: the kernel keeps up
// to this many waiting (Node's default is 511), so they wait their turn instead of being refused (ADR 0030).
const server = app.listen({ port, backlog: Number(process.env.LISTEN_BACKLOG || 4096) }, () => {
  logger.info({ port, appUrl, outboxWorker: process.env.OUTBOX_WORKER || "on" }, `Community Safety Fund portal on ${appUrl}`);
});

// entry.server exports the background work (the outbox sender, deadline reminders) so it shares
// the app's modules; with OUTBOX_WORKER=off it does nothing here and the worker process
// (worker.mjs) runs it. Under the dev server it runs from the first load of the app; later edits
// to it take effect on restart.
const serverBuild = vite ? await build() : build;
const startBackgroundWork = serverBuild.entry?.module?.startBackgroundWork;
const stopBackgroundWork = typeof startBackgroundWork === "function" ? await startBackgroundWork() : undefined;

// Graceful stop (SIGTERM from the process manager, or Ctrl-C): stop accepting connections, let
// requests in progress finish (up to the grace period), then stop the background work, which
// hands back any email it has claimed but not sent.
const shutdown = async (signal) => {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "stopping: finishing requests in progress");
  const closed = new Promise((resolveClosed) => server.close(resolveClosed));
  server.closeIdleConnections();
  const force = setTimeout(() => {
    logger.warn({ graceMs: shutdownGraceMs }, "stopping: closing connections still open after the grace period");
    server.closeAllConnections();
  }, shutdownGraceMs);
  force.unref();
  await closed;
  clearTimeout(force);
  try {
    await stopBackgroundWork?.();
    await vite?.close();
  } catch (error) {
    logger.error({ err: error }, "stopping: background work did not stop cleanly");
  }
  logger.info("stopped");
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
