// Admission control (ADR 0030): at most `limit` requests are in the app at once; the others wait
// their turn, first come first served, before any of their work starts. Under a surge the server
// then finishes what it has started instead of interleaving thousands of requests, each holding a
// database connection or transaction while it waits for the one thread: that is how requests came
// to fail after waiting for a connection, and their answers were lost.
import pLimit from "p-limit";

/**
 * @param {{ limit: number, bypass?: (req: import("express").Request) => boolean }} options
 *   `bypass`: requests that go straight in (health probes, which must answer while the queue is long).
 * @returns {import("express").RequestHandler & { inProgress: () => number, waiting: () => number }}
 */
export function requestQueue({ limit, bypass = () => false }) {
  const queue = pLimit(limit);
  /** @type {import("express").RequestHandler} */
  const middleware = (req, res, next) => {
    if (bypass(req)) return next();
    void queue(
      () =>
        new Promise((done) => {
          // A visitor who gave up while waiting has nobody to answer: their request is not started.
          // (The connection says so; the request's own stream is also ended once an earlier
          // middleware has read its body, the body limit's chunked reading.)
          if (req.socket?.destroyed || res.writableEnded) return done(undefined);
          // The place is given back once the answer's headers go out: its data has been read by
          // then, and the body (a download, an export) goes at the visitor's pace without it.
          const writeHead = res.writeHead;
          res.writeHead = function writeHeadAndLeaveTheQueue(...args) {
            done(undefined);
            return writeHead.apply(this, args);
          };
          res.once("close", () => done(undefined));
          next();
        }),
    );
  };
  return Object.assign(middleware, { inProgress: () => queue.activeCount, waiting: () => queue.pendingCount });
}

/**
 * Health probes and uploads skip the queue: a probe must answer under load, and an upload's body
 * arrives at the sender's pace, which must not hold a place others wait for.
 * @param {import("express").Request} req
 */
export function skipsRequestQueue(req) {
  return ["/livez", "/readyz", "/healthz"].includes(req.path) || /^multipart\/form-data/i.test(req.get("content-type") ?? "");
}
