// The request body limit at the Node server (ADR 0016), against the built portal (server.mjs):
// a 10 MB POST to sign-in, declared or chunked, is refused with 413 long before it is all sent,
// and the server's memory does not grow with it. Document uploads keep their own streamed cap.
// An address holding an encoded NUL is refused there too.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalProcess } from "../support/servers";

const TEN_MB = 10 * 1024 * 1024;
let portal: PortalProcess;

beforeAll(async () => {
  portal = await startPortal({
    env: { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: process.env.SESSION_SECRET!, OUTBOX_WORKER: "off", DEMO_MAILBOX: "yes", LOG_LEVEL: "warn" },
  });
}, 90_000);

afterAll(async () => {
  await portal?.stop();
});

/** The portal's resident memory in bytes (Linux). */
function rss() {
  const status = readFileSync(`/proc/${portal.child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

type Answer = { status: number; body: string };

/**
 * POSTs `total` bytes in 64 KiB chunks (with Content-Length unless `chunked`), stopping once an
 * answer arrives, or after `stopAfter` bytes without finishing the body.
 */
function post(
  path: string,
  {
    total,
    chunked,
    stopAfter = total,
    contentType = "application/x-www-form-urlencoded",
  }: { total: number; chunked: boolean; stopAfter?: number; contentType?: string },
) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { "Content-Type": contentType, Origin: portal.url };
    if (!chunked) headers["Content-Length"] = total;
    const req = request(`${portal.url}${path}`, { method: "POST", headers });
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode!, body });
      });
    });
    // Once answered, the server may close the connection while the rest is still being sent.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && sent < stopAfter) {
        const piece = chunk.subarray(0, Math.min(chunk.length, stopAfter - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      // Stopping short of what was declared leaves the body unfinished: only an answer ends it.
      if (!answered && sent >= total) req.end();
    };
    pump();
  });
}

describe("the request body limit", () => {
  it.each([
    ["with Content-Length", false],
    ["chunked, without Content-Length", true],
  ])("refuses a 10 MB POST to sign-in %s with a GOV.UK 413 page, before the body is read and without growing memory", async (_label, chunked) => {
    // Warm up: the first render of a page costs memory that has nothing to do with the body.
    await post("/sign-in", { total: 200 * 1024, chunked });
    // Only 1 MB of the 10 MB is ever sent: the answer cannot be waiting for the rest of the body.
    const unfinished = await post("/sign-in", { total: TEN_MB, chunked, stopAfter: 1024 * 1024 });
    expect(unfinished.status).toBe(413);
    const before = rss();
    const answer = await post("/sign-in", { total: TEN_MB, chunked });
    const after = rss();
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("<title>The information you sent was too large – Community Safety Fund</title>");
    expect(answer.body).toContain("govuk-heading-l");
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
  });

  it("lets a form of ordinary size through to the page", async () => {
    const answer = await post("/sign-in", { total: 40 * 1024, chunked: false });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Enter your email address");
    const chunkedAnswer = await post("/sign-in", { total: 40 * 1024, chunked: true });
    expect(chunkedAnswer.status).toBe(400);
  });

  it("leaves document uploads to their own streamed cap", async () => {
    const answer = await post("/applicant/bids/some-bid/documents", {
      total: 200 * 1024,
      chunked: false,
      contentType: "multipart/form-data; boundary=----x",
    });
    // Not refused for size here: the upload route answers (a visitor who is not signed in is sent to sign in).
    expect(answer.status).not.toBe(413);
    expect(answer.status).toBe(302);
  });

  it("shows the page as a plain page when visited directly", async () => {
    const response = await fetch(`${portal.url}/request-too-large`);
    expect(response.status).toBe(200);
  });
});

describe("addresses with a NUL character", () => {
  it("are refused with 400 before any route reads them, in the path or the query", async () => {
    for (const path of ["/applicant/bids/%00", "/rounds/a%00b", "/awards?page=%00", "/sign-in?redirectTo=%2Fapplicant%00"]) {
      const response = await fetch(`${portal.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe("This address is not valid.");
    }
    // "%2500" is a percent sign followed by "00", not a NUL.
    expect((await fetch(`${portal.url}/rounds/a%2500b`, { redirect: "manual" })).status).toBe(404);
  });
});
