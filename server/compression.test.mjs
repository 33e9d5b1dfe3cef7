import express from "express";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFiles } from "./compression.mjs";

describe("staticFiles", () => {
  let dir = "";
  let server;
  let url = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "csf-client-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "assets", "entry-abc123.js"), "console.log(1);");
    writeFileSync(join(dir, "assets", "entry-abc123.js.br"), brotliCompressSync("console.log(1);"));
    writeFileSync(join(dir, "robots.txt"), "User-agent: *\n");
    const files = staticFiles(dir);
    const app = express();
    app.use("/assets", files.assets);
    app.use(files.rest);
    app.use((req, res) => res.status(404).type("text/plain").send(`the app: ${req.path}`));
    await new Promise((resolve) => (server = app.listen(0, "127.0.0.1", resolve)));
    url = `http://127.0.0.1:${server.address().port}`;
  });

  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves a public file at the top of the client folder, cached for an hour", async () => {
    const answer = await fetch(`${url}/robots.txt`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("User-agent: *\n");
    expect(answer.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("serves a built asset as its Brotli copy, cached for a year", async () => {
    const answer = await fetch(`${url}/assets/entry-abc123.js`, { headers: { "Accept-Encoding": "br" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-encoding")).toBe("br");
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await answer.text()).toBe("console.log(1);");
  });

  it("hands every other address to the app", async () => {
    for (const path of ["/rounds/community-safety", "/robots.txt.bak", "/", "/entry-abc123.js"]) {
      const answer = await fetch(`${url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).toBe(`the app: ${path}`);
    }
  });
});
