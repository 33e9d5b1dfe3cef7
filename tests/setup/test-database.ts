// Test databases: one migrated template per run, and a fresh copy of it for every test file.
//   SQLite:     TEST_DATABASE=sqlite (default); the template is a file, copies are file copies.
//   PostgreSQL: TEST_DATABASE=postgresql with PG_ADMIN_URL; copies are CREATE DATABASE … TEMPLATE.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";

// One folder and one template per test run (set by the global setup, inherited by workers),
// so that runs side by side never share or delete each other's databases.
const RUN_ID = (process.env.CSF_TEST_RUN_ID ??= `${process.pid}`);
export const TEST_DIR = resolve(`tmp/test-databases/run-${RUN_ID}`);
export const SQLITE_TEMPLATE = join(TEST_DIR, "template.db");
export const PG_TEMPLATE = `csf_test_template_${RUN_ID}`;

export function testDatabaseKind(): "sqlite" | "postgresql" {
  const kind = process.env.TEST_DATABASE ?? "sqlite";
  if (kind !== "sqlite" && kind !== "postgresql") throw new Error(`TEST_DATABASE must be sqlite or postgresql, got ${kind}`);
  return kind;
}

export function pgAdminUrl() {
  const url = process.env.PG_ADMIN_URL;
  if (!url) throw new Error("TEST_DATABASE=postgresql needs PG_ADMIN_URL (scripts/test.sh starts a server and sets it)");
  return url;
}

export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function migrate(url: string) {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate-deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrating the test template failed:\n${result.stdout}\n${result.stderr}`);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTemplate() {
  if (testDatabaseKind() === "sqlite") {
    rmSync(TEST_DIR, { recursive: true, force: true });
    mkdirSync(TEST_DIR, { recursive: true });
    migrate(`file:${SQLITE_TEMPLATE}`);
    return;
  }
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  });
  migrate(databaseUrl(pgAdminUrl(), PG_TEMPLATE));
}

/** A fresh database for one test file; returns its URL and a function that removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const id = randomBytes(5).toString("hex");
  if (testDatabaseKind() === "sqlite") {
    const file = join(TEST_DIR, `test-${id}.db`);
    copyFileSync(SQLITE_TEMPLATE, file);
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const name = `csf_test_${id}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`));
  return {
    url: databaseUrl(pgAdminUrl(), name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function removeTemplate() {
  if (testDatabaseKind() === "sqlite") {
    rmSync(TEST_DIR, { recursive: true, force: true });
    return;
  }
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`));
}
