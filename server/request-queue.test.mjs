import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { requestQueue, skipsRequestQueue } from "./request-queue.mjs";

/** An app behind the queue whose handler counts the requests in it at once. */
async function appBehind(queue, handler, before = []) {
  const app = express();
  for (const middleware of before) app.use(middleware);
  app.use(queue);
  app.all("*", handler);
  const server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

const servers = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe("requestQueue", () => {
  it("lets in at most `limit` requests at once and answers every one", async () => {
    let inside = 0;
    let most = 0;
    const queue = requestQueue({ limit: 3 });
    const url = await appBehind(queue, async (req, res) => {
      inside += 1;
      most = Math.max(most, inside);
      await pause(20);
      inside -= 1;
      res.send(`answer ${req.path}`);
    });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => fetch(`${url}/r${i}`).then(async (r) => [r.status, await r.text()])));
    expect(answers).toEqual(Array.from({ length: 25 }, (_, i) => [200, `answer /r${i}`]));
    expect(most).toBe(3);
    expect(queue.inProgress()).toBe(0);
    expect(queue.waiting()).toBe(0);
  });

  it("gives the place back when the answer's headers go out, while its body is still on its way", async () => {
    let finishBody;
    const bodyHeld = new Promise((resolve) => (finishBody = resolve));
    const url = await appBehind(requestQueue({ limit: 1 }), async (req, res) => {
      if (req.path !== "/download") return res.send("ok");
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("first part, ");
      await bodyHeld;
      res.end("last part");
    });
    const download = await fetch(`${url}/download`);
    expect(download.status).toBe(200);
    // The download still holds its body back, and the next request is answered meanwhile.
    expect(await (await fetch(`${url}/page`)).text()).toBe("ok");
    finishBody();
    expect(await download.text()).toBe("first part, last part");
  });

  it("starts a request whose body an earlier middleware has read already", async () => {
    // As the body limit reads a chunked body before the app: the request's stream has ended.
    const readBody = (req, res, next) => {
      const chunks = [];
      req.on("data", (chunk) => chunks.push(chunk));
      req.on("end", () => {
        res.locals.body = Buffer.concat(chunks).toString();
        next();
      });
    };
    const url = await appBehind(requestQueue({ limit: 2 }), (req, res) => res.send(`read: ${res.locals.body}`), [readBody]);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("a=1&b=2"));
        controller.close();
      },
    });
    const answer = await fetch(`${url}/form`, { method: "POST", body, duplex: "half" });
    expect(await answer.text()).toBe("read: a=1&b=2");
  });

  it("lets the next request in when one ends in an error", async () => {
    const url = await appBehind(requestQueue({ limit: 1 }), (req, res) => {
      if (req.path === "/fails") throw new Error("broken");
      res.send("ok");
    });
    const answers = await Promise.all([fetch(`${url}/fails`), fetch(`${url}/fails`), fetch(`${url}/works`)]);
    expect(answers.map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it("does not start a request whose visitor left while it waited, and frees the place of one who left inside", async () => {
    const started = [];
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const url = await appBehind(requestQueue({ limit: 1, bypass: skipsRequestQueue }), async (req, res) => {
      started.push(req.path);
      if (req.path === "/slow") await held;
      if (!res.destroyed) res.send("ok");
    });
    const slow = new AbortController();
    const slowAnswer = fetch(`${url}/slow`, { signal: slow.signal }).catch(() => "aborted");
    await pause(50);
    const gaveUp = new AbortController();
    const gaveUpAnswer = fetch(`${url}/gave-up`, { signal: gaveUp.signal }).catch(() => "aborted");
    await pause(50);
    gaveUp.abort();
    expect(await gaveUpAnswer).toBe("aborted");
    // The probe goes past the queue while the slow request holds the only place.
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    slow.abort();
    expect(await slowAnswer).toBe("aborted");
    release();
    expect(await (await fetch(`${url}/next`)).text()).toBe("ok");
    expect(started).toEqual(["/slow", "/livez", "/next"]);
  });
});

describe("skipsRequestQueue", () => {
  const request = (path, contentType) => ({ path, get: (name) => (name.toLowerCase() === "content-type" ? contentType : undefined) });
  it("lets health probes and uploads past the queue, and nothing else", () => {
    expect(skipsRequestQueue(request("/livez"))).toBe(true);
    expect(skipsRequestQueue(request("/readyz"))).toBe(true);
    expect(skipsRequestQueue(request("/healthz"))).toBe(true);
    expect(skipsRequestQueue(request("/applicant/bids/b1/documents", "multipart/form-data; boundary=x"))).toBe(true);
    expect(skipsRequestQueue(request("/applicant/bids/b1/about", "application/x-www-form-urlencoded"))).toBe(false);
    expect(skipsRequestQueue(request("/livez/extra"))).toBe(false);
  });
});
