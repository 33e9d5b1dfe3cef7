// Whether this instance can serve requests (ADR 0013), for load balancers: the database answers,
// it has every migration this build was made with, and the document storage is reachable.
import { documentStorage } from "~/domain/documents/storage.server";
import { db, isPostgresUrl } from "~/lib/db.server";
import { env } from "~/lib/env.server";

// The migrations this build expects, by folder name, fixed when the build is made.
const SQLITE_MIGRATIONS = migrationNames(import.meta.glob("../../../prisma/migrations/*/migration.sql", { query: "?raw", import: "default" }));
const POSTGRES_MIGRATIONS = migrationNames(import.meta.glob("../../../prisma/postgresql/migrations/*/migration.sql", { query: "?raw", import: "default" }));

function migrationNames(files: Record<string, unknown>): string[] {
  return Object.keys(files)
    .map((path) => path.split("/").at(-2)!)
    .sort();
}

export function expectedMigrations(databaseUrl = env().DATABASE_URL): string[] {
  return isPostgresUrl(databaseUrl) ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
}

export type CheckResult = "ok" | "unreachable" | "behind";
export type Readiness = { ready: boolean; database: CheckResult; migrations: CheckResult | "unknown"; storage: CheckResult; missingMigrations?: string[] };

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function checkMigrations(): Promise<{ database: CheckResult; migrations: Readiness["migrations"]; missing?: string[] }> {
  try {
    const applied = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.map((row) => row.migration_name));
    const missing = expectedMigrations().filter((name) => !done.has(name));
    return missing.length ? { database: "ok", migrations: "behind", missing } : { database: "ok", migrations: "ok" };
  } catch {
    // No migrations table yet is a database that is up but not migrated.
    try {
      await withTimeout(db.$queryRaw`SELECT 1`);
      return { database: "ok", migrations: "behind", missing: expectedMigrations() };
    } catch {
      return { database: "unreachable", migrations: "unknown" };
    }
  }
}

async function checkStorage(): Promise<CheckResult> {
  try {
    await withTimeout(documentStorage().check());
    return "ok";
  } catch {
    return "unreachable";
  }
}

export async function readiness(): Promise<Readiness> {
  const [{ database, migrations, missing }, storage] = await Promise.all([checkMigrations(), checkStorage()]);
  return {
    ready: database === "ok" && migrations === "ok" && storage === "ok",
    database,
    migrations,
    storage,
    ...(missing ? { missingMigrations: missing } : {}),
  };
}
