// The request body limit at the HTTP edge (ADR 0016): every request body is refused beyond
// BODY_LIMIT_BYTES before any of it is parsed, except the document uploads, which stream to
// their own cap (app/web/multipart.server.ts). A declared Content-Length is refused up front; a
// chunked body is read only up to the limit. Plain JavaScript, like security.mjs, for server.mjs.
import { Readable } from "node:stream";

/** Far more than any of the portal's forms sends (the longest bid answers are a few thousand characters). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Where a refused request is answered: a GOV.UK page with status 413 (app/routes/request-too-large.tsx). */
export const TOO_LARGE_PATH = "/request-too-large";

// The routes that take a document upload (multipart/form-data): bid documents and report documents.
const UPLOAD_PATHS = [/^\/applicant\/bids\/[^/]+\/documents(\.data)?$/, /^\/applicant\/bids\/[^/]+\/reports\/[^/]+(\.data)?$/];

/** @param {{ method: string, path: string, headers: Record<string, string | string[] | undefined> }} req */
export function isUploadRequest(req) {
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") && UPLOAD_PATHS.some((pattern) => pattern.test(req.path));
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
const DISCARD_GRACE_MS = 10_000;

/**
 * After the 413 has gone out: the rest of the body is read and thrown away (never kept), so the
 * client, still sending, reads the answer rather than a reset connection; a client that goes on
 * sending past the grace period has its connection closed.
 */
function discardRest(req) {
  if (req.complete) return;
  req.resume();
  const timer = setTimeout(() => req.socket?.destroy(), DISCARD_GRACE_MS);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}

/**
 * Express middleware. A refused request is turned into a GET of TOO_LARGE_PATH, so Remix reads
 * no body and renders the page; the body is never read into memory.
 * @param {{ limitBytes?: number }} [options]
 */
export function bodyLimit({ limitBytes = BODY_LIMIT_BYTES } = {}) {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || isUploadRequest(req)) return next();
    const refuse = () => {
      res.locals.bodyTooLarge = true;
      res.on("finish", () => discardRest(req));
      req.method = "GET";
      req.url = TOO_LARGE_PATH;
      req.originalUrl = TOO_LARGE_PATH;
      next();
    };
    const declared = req.headers["content-length"];
    if (declared !== undefined) return Number(declared) > limitBytes ? refuse() : next();
    if (req.headers["transfer-encoding"] === undefined) return next();
    // A chunked body: counted as it arrives, kept only while within the limit.
    const chunks = [];
    let size = 0;
    let settled = false;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limitBytes) {
        finish();
        req.pause();
        refuse();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      finish();
      res.locals.limitedBody = Buffer.concat(chunks);
      next();
    };
    const onError = (error) => {
      finish();
      next(error);
    };
    function finish() {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/**
 * The request as the Remix adapter reads it: a chunked body that bodyLimit has already read is
 * given again from memory (it is at most the limit).
 */
export function withLimitedBody(req, res) {
  const body = res.locals.limitedBody;
  if (!body) return req;
  return Object.assign(Readable.from([body], { objectMode: false }), {
    method: req.method,
    headers: req.headers,
    originalUrl: req.originalUrl,
    protocol: req.protocol,
    hostname: req.hostname,
    ip: req.ip,
    get: (name) => req.get(name),
  });
}
