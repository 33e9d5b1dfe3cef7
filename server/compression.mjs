// Response compression and the static files' caching (ADR 0024).
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Which responses are compressed on the fly: what the compression package thinks compressible
 * (HTML, JSON, CSV, SVG), except stored documents. A document leaves as the bytes the applicant
 * uploaded, with their Content-Length (ADR 0013); CSV exports stream, and are compressed chunk by
 * chunk because the Remix adapter flushes after each one.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function shouldCompress(req, res) {
  const disposition = String(res.getHeader("Content-Disposition") ?? "");
  const type = String(res.getHeader("Content-Type") ?? "");
  if (/^\s*attachment/i.test(disposition) && !/^text\/csv/i.test(type)) return false;
  return compression.filter(req, res);
}

/** Brotli (quality 4, the package's default: fast enough per request) or gzip, as the client asks. */
export function compressResponses() {
  return compression({ filter: shouldCompress });
}

/**
 * The built client files, served from the .br/.gz copies made at build time
 * (scripts/precompress.mjs) when the client accepts them. File names under /assets carry a hash of
 * their content, so they are cached for a year and never revalidated; other public files for an hour.
 * Those are looked up only for the names the folder holds when the server starts, so a page's
 * request does not ask the file system first.
 * @param {string} clientDir
 */
export function staticFiles(clientDir) {
  const options = (maxAge, immutable) => ({
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    index: false,
    serveStatic: { maxAge, immutable, index: false },
  });
  const publicNames = new Set(existsSync(clientDir) ? readdirSync(clientDir).filter((name) => name !== "assets") : []);
  const publicFiles = expressStaticGzip(clientDir, options("1h", false));
  /** @type {import("express").RequestHandler} */
  const rest = (req, res, next) => (publicNames.has(req.path.split("/")[1] ?? "") ? publicFiles(req, res, next) : next());
  return { assets: expressStaticGzip(join(clientDir, "assets"), options("1y", true)), rest };
}
