import { Writable } from "node:stream";
import express from "express";
import { describe, expect, it } from "vitest";
import { createLogger, loggablePath, requestIdFrom, requestLogging } from "./logging.mjs";

describe("loggablePath", () => {
  it("drops the query string and masks the tokens in reset and invitation links", () => {
    expect(loggablePath("/sign-in?redirectTo=%2Fapplicant&email=a%40b.org")).toBe("/sign-in");
    expect(loggablePath("/reset-password/abc123secret")).toBe("/reset-password/[token]");
    expect(loggablePath("/invitations/abc123secret?x=1")).toBe("/invitations/[token]");
    expect(loggablePath("/applicant/bids/b1/documents")).toBe("/applicant/bids/b1/documents");
  });
});

describe("requestIdFrom", () => {
  it("keeps a load balancer's id and makes one otherwise", () => {
    expect(requestIdFrom("lb-1234abcd")).toBe("lb-1234abcd");
    expect(requestIdFrom("bad id\r\nX-Evil: 1")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request logs", () => {
  it("log one JSON line per request with its id, and nothing from cookies, bodies or tokens", async () => {
    const lines = [];
    const destination = new Writable({ write: (chunk, _enc, cb) => (lines.push(...chunk.toString().trim().split("\n")), cb()) });
    const app = express();
    app.use(requestLogging(createLogger({ name: "test", destination })));
    app.use(express.urlencoded({ extended: false }));
    app.all("*", (_req, res) => res.status(200).send("ok"));
    const server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      const response = await fetch(`${base}/reset-password/the-reset-token?email=someone%40example.org`, {
        method: "POST",
        headers: { Cookie: "csf_session=the-session-id.signature", Authorization: "Bearer the-api-token", "Content-Type": "application/x-www-form-urlencoded" },
        body: "password=the-password-123",
      });
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 50));
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0]);
      expect(entry).toMatchObject({
        msg: "request",
        method: "POST",
        path: "/reset-password/[token]",
        status: 200,
        requestId: response.headers.get("x-request-id"),
      });
      for (const secret of ["the-session-id", "the-api-token", "the-password-123", "the-reset-token", "someone"]) expect(lines[0]).not.toContain(secret);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
