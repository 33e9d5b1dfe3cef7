// Structured logs (pino, one JSON object a line on stdout) for the web server and the worker.
// A request is logged by method, path, status and time only: never its headers (cookies, the
// session id), its body (passwords) or its query string, and the tokens that some paths carry
// (password reset and invitation links) are masked.
import { randomUUID } from "node:crypto";
import pino from "pino";

/**
 * @param {{ name: string, level?: string, destination?: import("pino").DestinationStream }} options
 */
export function createLogger({ name, level = process.env.LOG_LEVEL || "info", destination }) {
  return pino(
    {
      name,
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: should anyone log a request or response object, these never appear.
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          "res.headers['set-cookie']",
          "headers.cookie",
          "headers.authorization",
          "password",
          "*.password",
          "token",
          "*.token",
          "sessionId",
          "*.sessionId",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** Paths whose last part is a secret that works as a key (a reset or invitation link). */
const SECRET_SEGMENTS = [/^(\/reset-password\/)[^/?#]+/, /^(\/invitations\/)[^/?#]+/];

/** The path to log: no query string, and no token. */
export function loggablePath(url) {
  let path = String(url ?? "").split(/[?#]/, 1)[0] || "/";
  for (const pattern of SECRET_SEGMENTS) path = path.replace(pattern, "$1[token]");
  return path;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The load balancer's X-Request-Id when it looks like one, or a new id. */
export function requestIdFrom(header) {
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Express middleware: gives each request an id (X-Request-Id on the response, res.locals.requestId
 * for the app) and logs one line when the response is finished or the client goes away.
 * @param {import("pino").Logger} logger
 */
export function requestLogging(logger) {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.get("x-request-id"));
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const entry = { requestId, method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, durationMs, finished: res.writableFinished };
      if (res.statusCode >= 500) logger.error(entry, "request");
      else logger.info(entry, "request");
    };
    res.on("finish", done);
    res.on("close", done);
    next();
  };
}
