// Runs before each test file: a fresh database of the kind under test, set before any app
// module reads DATABASE_URL.
import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.SESSION_SECRET ??= "test-session-secret-at-least-32-characters";
process.env.OUTBOX_WORKER = "off";
process.env.DOCUMENT_STORAGE_DIR ??= "tmp/test-documents";

afterAll(async () => {
  const holder = globalThis as unknown as { __csfDb?: { $disconnect(): Promise<void> } };
  await holder.__csfDb?.$disconnect();
  delete holder.__csfDb;
  await database.drop();
});
