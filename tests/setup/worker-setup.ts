// Runs before each test file: a fresh database of the kind under test, set before any app
// module reads DATABASE_URL.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.SESSION_SECRET ??= "test-session-secret-at-least-32-characters";
process.env.OUTBOX_WORKER = "off";
// Stored documents: a folder of the test file's own, like its database, so a file that counts
// what is stored does not count what a file running beside it stores.
const ownDocumentsDir = process.env.DOCUMENT_STORAGE_DIR ? null : `tmp/test-documents/${randomUUID()}`;
if (ownDocumentsDir) process.env.DOCUMENT_STORAGE_DIR = ownDocumentsDir;
// Every in-process request comes from one address: per-address throttling limits are raised so
// suites that sign in and register many times do not trip them (tests/integration/throttling.test.ts
// puts the real ones back). Per-account limits stay as they are (ADR 0016).
process.env.THROTTLE_ADDRESS_FACTOR ??= "1000";

afterAll(async () => {
  const holder = globalThis as unknown as { __csfDb?: { $disconnect(): Promise<void> } };
  await holder.__csfDb?.$disconnect();
  delete holder.__csfDb;
  await database.drop();
  if (ownDocumentsDir) rmSync(ownDocumentsDir, { recursive: true, force: true });
});
