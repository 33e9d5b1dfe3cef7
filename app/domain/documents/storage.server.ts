// Where uploaded documents live: a small interface so that local disk can later give way to an
// object store. Files are kept under random generated names outside the web root; a name from
// a request is never used as a path unless it has exactly the generated shape.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env } from "~/lib/env.server";

export interface DocumentStorage {
  /** Stores the bytes under a new generated name and returns that name. */
  put(bytes: Uint8Array): Promise<string>;
  /** The stored bytes, or null when there is no such document. */
  get(storedName: string): Promise<Buffer | null>;
  /** Removes a stored document; removing one that is already gone is not an error. */
  delete(storedName: string): Promise<void>;
}

const STORED_NAME = /^[a-f0-9]{48}$/;

export function isStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

export function localDiskStorage(directory: string): DocumentStorage {
  const root = resolve(directory);
  const pathOf = (name: string) => {
    if (!isStoredName(name)) throw new Error("not a stored document name");
    return join(root, name.slice(0, 2), name);
  };
  return {
    async put(bytes) {
      const name = randomBytes(24).toString("hex");
      const path = pathOf(name);
      await mkdir(join(root, name.slice(0, 2)), { recursive: true, mode: 0o700 });
      // "wx": never overwrite; 0600: readable by the portal's own user only.
      await writeFile(path, bytes, { flag: "wx", mode: 0o600 });
      return name;
    },
    async get(name) {
      if (!isStoredName(name)) return null;
      try {
        return await readFile(pathOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(name) {
      if (!isStoredName(name)) return;
      await rm(pathOf(name), { force: true });
    },
  };
}

let storage: DocumentStorage | undefined;

/** The portal's document storage (DOCUMENT_STORAGE_DIR). */
export function documentStorage(): DocumentStorage {
  storage ??= localDiskStorage(env().DOCUMENT_STORAGE_DIR);
  return storage;
}
