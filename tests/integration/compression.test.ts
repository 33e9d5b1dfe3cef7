// Compressed responses at the Node server (ADR 0024), against the built portal (server.mjs): a page
// comes compressed as the client asks (Brotli or gzip) and plain when it asks for neither or is too
// small to gain; built assets go out as their precompressed copies with a year's immutable cache;
// a CSV export still streams (chunked, compressed as it goes); a page rendered at once leaves in one piece.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentRound } from "../support/assessment";
import { serverBuildPath } from "../support/build-path";
import { startPortal, type PortalProcess } from "../support/servers";

let portal: PortalProcess;

beforeAll(async () => {
  portal = await startPortal({
    env: { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: process.env.SESSION_SECRET!, OUTBOX_WORKER: "off", DEMO_MAILBOX: "yes", LOG_LEVEL: "warn" },
  });
}, 90_000);

afterAll(async () => {
  await portal?.stop();
});

type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** GET with exactly these headers; the body as sent on the wire (node:http does not decompress). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = request(`${portal.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The pieces of a chunked response as the server framed them (Transfer-Encoding: chunked), read off the socket. */
function chunkedPieces(path: string, encoding: string) {
  const { hostname, port } = new URL(portal.url);
  return new Promise<Buffer[]>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept-Encoding: ${encoding}\r\nConnection: close\r\n\r\n`);
    });
    const received: Buffer[] = [];
    socket.on("data", (data: Buffer) => received.push(data));
    socket.on("error", reject);
    socket.on("end", () => {
      const raw = Buffer.concat(received);
      const headEnd = raw.indexOf("\r\n\r\n");
      if (!/transfer-encoding: chunked/i.test(raw.subarray(0, headEnd).toString("latin1"))) return reject(new Error("not chunked"));
      const pieces: Buffer[] = [];
      for (let at = headEnd + 4; ;) {
        const lineEnd = raw.indexOf("\r\n", at);
        const size = parseInt(raw.subarray(at, lineEnd).toString("latin1"), 16);
        if (!size) break;
        pieces.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      resolve(pieces);
    });
  });
}

describe("page responses", () => {
  it("are Brotli-compressed when the client accepts br, and vary on Accept-Encoding", async () => {
    const answer = await rawGet("/", { "Accept-Encoding": "gzip, deflate, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(answer.body).toString("utf8")).toMatch(/^<!DOCTYPE html>/i);
  });

  it("are gzip-compressed when the client accepts only gzip", async () => {
    const answer = await rawGet("/", { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString("utf8")).toMatch(/^<!DOCTYPE html>/i);
  });

  it("are plain when the client asks for no encoding", async () => {
    for (const headers of [{}, { "Accept-Encoding": "identity" }] as Record<string, string>[]) {
      const answer = await rawGet("/", headers);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.body.toString("utf8")).toMatch(/^<!DOCTYPE html>/i);
    }
  });

  it("leave as the rendered page in one piece, not one per 2 KB React writes (ADR 0034)", async () => {
    // The page's markup is written in one turn; Remix's loader data follows as scripts, each in
    // its own piece when it comes in a later turn.
    const plain = (await chunkedPieces("/", "identity")).map((piece) => piece.toString("utf8"));
    expect(plain[0]).toMatch(/^<!DOCTYPE html>[\s\S]*<\/footer>/i);
    for (const later of plain.slice(1)) expect(later).toMatch(/^<div hidden id="S:\d+"><script/);
    // Compressed, the pieces still make one Brotli stream holding the whole page.
    const compressed = await chunkedPieces("/", "br");
    expect(brotliDecompressSync(Buffer.concat(compressed)).toString("utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>/i);
  });

  it("are plain when they are too small to gain: the liveness answer", async () => {
    const answer = await rawGet("/livez", { "Accept-Encoding": "gzip, deflate, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers["content-length"]).toBe("2");
    expect(answer.body.toString("utf8")).toBe("ok");
  });
});

describe("built assets", () => {
  const assetsDir = join(serverBuildPath(), "../../client/assets");
  // The largest script (the packages' chunk every page loads): one big enough to have a precompressed copy.
  const script = readdirSync(assetsDir)
    .filter((name) => name.endsWith(".js"))
    .sort((a, b) => statSync(join(assetsDir, b)).size - statSync(join(assetsDir, a)).size)[0]!;

  it("go out as the precompressed copy, cached for a year and immutable", async () => {
    const answer = await rawGet(`/assets/${script}`, { "Accept-Encoding": "gzip, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.body.equals(readFileSync(join(assetsDir, `${script}.br`)))).toBe(true);
    expect(answer.headers["cache-control"]).toMatch(/max-age=31536000/);
    expect(answer.headers["cache-control"]).toMatch(/immutable/);
    expect(answer.headers["content-type"]).toMatch(/javascript/);
  });

  it("go out as the file itself to a client that accepts no encoding", async () => {
    const answer = await rawGet(`/assets/${script}`, {});
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.equals(readFileSync(join(assetsDir, script)))).toBe(true);
  });
});

describe("a CSV export", () => {
  it("still streams (chunked, no Content-Length), compressed when asked", async () => {
    const { round, administrator } = await createAssessmentRound({ bids: 3, assessors: 1 });
    const cookie = administrator.cookie.replace(/^csf_session=/, "__Host-csf_session=");
    const answer = await rawGet(`/administrator/rounds/${round.id}/exports/bids`, { Cookie: cookie, "Accept-Encoding": "gzip" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/csv/);
    expect(answer.headers["transfer-encoding"]).toBe("chunked");
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString("utf8").split("\n").length).toBeGreaterThan(3);
  });
});
