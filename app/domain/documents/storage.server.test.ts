import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3_TEST_CREDENTIALS, S3_TEST_REGION, startS3Server, type TestS3Server } from "../../../tests/support/s3-server";
import { s3Storage } from "./s3-storage.server";
import { isStoredName, localDiskStorage, readStoredBytes, type DocumentStorage } from "./storage.server";

const dir = mkdtempSync(join(tmpdir(), "csf-documents-"));
let s3: TestS3Server;

beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket("csf-documents");
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const s3Driver = (bucket: string, extra: Partial<Parameters<typeof s3Storage>[0]> = {}) =>
  s3Storage({
    bucket,
    region: S3_TEST_REGION,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    keyPrefix: "documents/",
    credentials: S3_TEST_CREDENTIALS,
    ...extra,
  });

// The same promises from both drivers: what the rest of the portal relies on.
describe.each([
  ["local folder", () => localDiskStorage(dir)],
  ["S3 bucket", () => s3Driver("csf-documents")],
])("document storage in a %s", (_name, make: () => DocumentStorage) => {
  it("stores bytes under a new random name and gives them back as a stream with their size", async () => {
    const storage = make();
    const a = await storage.put(Buffer.from("first"), { mediaType: "application/pdf" });
    const b = await storage.put(Buffer.from("first"));
    expect(a).not.toBe(b);
    expect(isStoredName(a)).toBe(true);
    const opened = await storage.open(a);
    expect(opened?.sizeBytes).toBe(5);
    expect(Buffer.from(await new Response(opened!.body).arrayBuffer()).toString()).toBe("first");
  });

  it("streams a large document in pieces, byte for byte", async () => {
    const storage = make();
    const bytes = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7) % 251;
    const name = await storage.put(bytes);
    const opened = await storage.open(name);
    const reader = opened!.body.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it("deletes, and deleting twice is fine", async () => {
    const storage = make();
    const name = await storage.put(Buffer.from("gone"));
    await storage.delete(name);
    await storage.delete(name);
    expect(await storage.open(name)).toBeNull();
    expect(await readStoredBytes(storage, name)).toBeNull();
  });

  it("never reads a path or key made from anything but a generated name", async () => {
    const storage = make();
    expect(await storage.open("../../etc/passwd")).toBeNull();
    expect(await storage.open("a".repeat(47) + "/")).toBeNull();
    await expect(storage.delete("../secrets")).resolves.toBeUndefined();
  });

  it("reports itself ready", async () => {
    await expect(make().check()).resolves.toBeUndefined();
  });
});

describe("local folder", () => {
  it("keeps files readable by the portal's user only", async () => {
    const name = await localDiskStorage(dir).put(Buffer.from("private"));
    const file = readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.name === name)!;
    expect(statSync(join(file.parentPath, file.name)).mode & 0o077).toBe(0);
  });
});

describe("S3 bucket", () => {
  it("keeps objects under the key prefix, with their media type, asking for server-side encryption and granting no ACL", async () => {
    const storage = s3Driver("csf-documents", { serverSideEncryption: "AES256" });
    const sent: Record<string, string>[] = [];
    storage.client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method?: string; path?: string; headers?: Record<string, string> };
        if (request.method === "PUT") sent.push({ path: request.path ?? "", ...request.headers });
        return next(args);
      },
      { step: "finalizeRequest" },
    );
    const name = await storage.put(Buffer.from("%PDF-1.4"), { mediaType: "application/pdf" });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/csf-documents/documents/${name}`);
    expect(sent[0]!["x-amz-server-side-encryption"]).toBe("AES256");
    expect(sent[0]!["content-type"]).toBe("application/pdf");
    expect(Object.keys(sent[0]!).filter((h) => h.startsWith("x-amz-acl") || h.startsWith("x-amz-grant"))).toEqual([]);
  });

  it("refuses to store into a bucket that does not exist, and is not ready", async () => {
    const storage = s3Driver("no-such-bucket");
    await expect(storage.put(Buffer.from("lost"))).rejects.toThrow();
    await expect(storage.check()).rejects.toThrow();
    expect(await storage.open("a".repeat(48))).toBeNull();
  });

  it("fails an upload when the server cannot be reached, and says it is not ready", async () => {
    const storage = s3Driver("csf-documents", { endpoint: "http://127.0.0.1:9" });
    await expect(storage.put(Buffer.from("lost"))).rejects.toThrow();
    await expect(storage.check()).rejects.toThrow();
  });
});
