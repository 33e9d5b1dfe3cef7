import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isStoredName, localDiskStorage } from "./storage.server";

const dir = mkdtempSync(join(tmpdir(), "csf-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("local disk document storage", () => {
  const storage = localDiskStorage(dir);

  it("stores bytes under a new random name and gives them back", async () => {
    const a = await storage.put(Buffer.from("first"));
    const b = await storage.put(Buffer.from("first"));
    expect(a).not.toBe(b);
    expect(isStoredName(a)).toBe(true);
    expect((await storage.get(a))?.toString()).toBe("first");
  });

  it("keeps files readable by the portal's user only", async () => {
    const name = await storage.put(Buffer.from("private"));
    const file = readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.name === name)!;
    expect(statSync(join(file.parentPath, file.name)).mode & 0o077).toBe(0);
  });

  it("deletes, and deleting twice is fine", async () => {
    const name = await storage.put(Buffer.from("gone"));
    await storage.delete(name);
    await storage.delete(name);
    expect(await storage.get(name)).toBeNull();
  });

  it("never reads a path made from anything but a generated name", async () => {
    expect(await storage.get("../../etc/passwd")).toBeNull();
    expect(await storage.get("a".repeat(47) + "/")).toBeNull();
    await expect(storage.delete("../secrets")).resolves.toBeUndefined();
  });
});
