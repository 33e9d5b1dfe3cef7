// Where uploaded documents live (ADR 0013): one small interface with two drivers, a local folder
// (one machine, the default) and an S3-compatible bucket (several web instances). Documents are
// kept under random generated names; a name from a request is never used as a path or key unless
// it has exactly the generated shape. Drivers deal in bytes and web streams only: who may read a
// document is decided before a driver is asked for it.
import { mkdir, open, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { env } from "~/lib/env.server";
import { s3Storage } from "./s3-storage.server";
import { isStoredName, newStoredName, type DocumentStorage } from "./storage-interface";

export { isStoredName, readStoredBytes, type DocumentStorage, type StoredDocument } from "./storage-interface";

export function localDiskStorage(directory: string): DocumentStorage {
  const root = resolve(directory);
  const pathOf = (name: string) => {
    if (!isStoredName(name)) throw new Error("not a stored document name");
    return join(root, name.slice(0, 2), name);
  };
  return {
    kind: "local",
    async put(bytes) {
      const name = newStoredName();
      const path = pathOf(name);
      await mkdir(join(root, name.slice(0, 2)), { recursive: true, mode: 0o700 });
      try {
        // "wx": never overwrite; 0600: readable by the portal's own user only.
        await writeFile(path, bytes, { flag: "wx", mode: 0o600 });
      } catch (error) {
        // A disk that filled up part way must not leave half a file behind.
        await rm(path, { force: true });
        throw error;
      }
      return name;
    },
    async open(name) {
      if (!isStoredName(name)) return null;
      try {
        const handle = await open(pathOf(name), "r");
        const { size } = await handle.stat();
        // The stream closes the file when it ends or is cancelled.
        return { sizeBytes: size, body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(name) {
      if (!isStoredName(name)) return;
      await rm(pathOf(name), { force: true });
    },
    async check() {
      await mkdir(root, { recursive: true, mode: 0o700 });
      if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a folder`);
    },
  };
}

let storage: DocumentStorage | undefined;

/** The portal's document storage, chosen by DOCUMENT_STORAGE (local folder or S3 bucket). */
export function documentStorage(): DocumentStorage {
  if (!storage) {
    const config = env();
    storage =
      config.DOCUMENT_STORAGE === "s3"
        ? s3Storage({
            bucket: config.S3_BUCKET!,
            region: config.S3_REGION,
            endpoint: config.S3_ENDPOINT,
            forcePathStyle: config.S3_FORCE_PATH_STYLE === "true",
            keyPrefix: config.S3_KEY_PREFIX,
            serverSideEncryption: config.S3_SERVER_SIDE_ENCRYPTION,
            kmsKeyId: config.S3_SSE_KMS_KEY_ID,
          })
        : localDiskStorage(config.DOCUMENT_STORAGE_DIR);
  }
  return storage;
}
