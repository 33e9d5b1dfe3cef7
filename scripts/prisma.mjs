#!/usr/bin/env node
// Runs the Prisma CLI for this project's two databases (docs/decisions/0002).
//   generate              both clients (SQLite and PostgreSQL)
//   migrate-deploy        apply migrations to DATABASE_URL (either database)
//   migrate-new <name>    write the next migration for SQLite, and for PostgreSQL when
//                         PG_ADMIN_URL points at a server (the diff needs a shadow database)
//   check                 fail when the derived schema or either migration folder is behind
//                         the source schema (PostgreSQL part needs PG_ADMIN_URL)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const SQLITE = { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
const POSTGRES = { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" };
const DEFAULT_SQLITE_URL = "file:./data/dev.db";
const [command, ...rest] = process.argv.slice(2);

function prisma(args, url, { capture = false } = {}) {
  const result = spawnSync("npx", ["--no-install", "prisma", ...args], {
    stdio: capture ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  return result;
}

function mustSucceed(result) {
  if (result.status !== 0) {
    if (result.stderr) process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
}

function node(script, args = []) {
  mustSucceed(spawnSync(process.execPath, [script, ...args], { stdio: "inherit" }));
}

/**
 * Prisma's WebAssembly schema engine stops with "unreachable" when it introspects CHECK
 * constraints on PostgreSQL, so the comparison runs on a copy of the migrations without the
 * hand-written CHECK block. The constraints themselves are exercised by integration tests.
 */
function postgresMigrationsWithoutChecks() {
  const dir = mkdtempSync(join(tmpdir(), "csf-pg-migrations-"));
  cpSync(POSTGRES.migrations, dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, "migration.sql");
    try {
      const sql = readFileSync(file, "utf8");
      writeFileSync(
        file,
        sql
          .split("\n")
          .filter((line) => !/ADD CONSTRAINT "\w+_check" CHECK/.test(line))
          .join("\n"),
      );
    } catch {
      // migration_lock.toml and the like
    }
  }
  return dir;
}

function diffFromMigrations(target, migrationsDir, url) {
  return prisma(["migrate", "diff", "--from-migrations", migrationsDir, "--to-schema-datamodel", target.schema, "--exit-code"], url, { capture: true });
}

function migrationNames(dir) {
  return readdirSync(dir)
    .filter((n) => /^\d+_/.test(n))
    .sort();
}

const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
const pgAdminUrl = process.env.PG_ADMIN_URL;

switch (command) {
  case "generate":
    // The URL only has to parse; generating touches no database.
    mustSucceed(prisma(["generate", "--schema", SQLITE.schema], DEFAULT_SQLITE_URL));
    mustSucceed(prisma(["generate", "--schema", POSTGRES.schema], "postgresql://localhost/unused"));
    break;
  case "migrate-deploy":
    mustSucceed(prisma(["migrate", "deploy"], url));
    break;
  case "migrate-new": {
    const name = rest[0];
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error("usage: node scripts/prisma.mjs migrate-new <snake_case_name>");
      process.exit(2);
    }
    node("scripts/derive-postgres-schema.mjs");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = `${stamp}_${name}`;
    const scratch = join(tmpdir(), `csf-new-migration-${stamp}.db`);
    for (const [target, dbUrl] of [
      [SQLITE, `file:${scratch}`],
      [POSTGRES, pgAdminUrl],
    ]) {
      if (!dbUrl) {
        console.error(`skipped ${target.migrations}: set PG_ADMIN_URL to a PostgreSQL server to write it`);
        continue;
      }
      // The CHECK lines are left out of what PostgreSQL's diff reads (see above); the diff cannot
      // drop them as it never sees them, so hand-written constraints carry on untouched.
      const from = target === POSTGRES ? postgresMigrationsWithoutChecks() : target.migrations;
      const result = prisma(["migrate", "diff", "--from-migrations", from, "--to-schema-datamodel", target.schema, "--script"], dbUrl, { capture: true });
      if (from !== target.migrations) rmSync(from, { recursive: true, force: true });
      mustSucceed(result);
      mkdirSync(join(target.migrations, folder), { recursive: true });
      writeFileSync(join(target.migrations, folder, "migration.sql"), result.stdout.replace(/^Loaded Prisma config.*\n/m, ""));
      console.log(`wrote ${join(target.migrations, folder, "migration.sql")}`);
    }
    rmSync(scratch, { force: true });
    break;
  }
  case "check": {
    node("scripts/derive-postgres-schema.mjs", ["--check"]);
    const sqliteNames = migrationNames(SQLITE.migrations).join(",");
    const pgNames = migrationNames(POSTGRES.migrations).join(",");
    if (sqliteNames !== pgNames) {
      console.error(`migration folders differ:\n  sqlite:     ${sqliteNames}\n  postgresql: ${pgNames}`);
      process.exit(1);
    }
    const scratch = join(tmpdir(), `csf-check-${process.pid}.db`);
    const sqlite = diffFromMigrations(SQLITE, SQLITE.migrations, `file:${scratch}`);
    rmSync(scratch, { force: true });
    if (sqlite.status !== 0) {
      console.error(`${SQLITE.migrations} is behind ${SQLITE.schema}: run \`node scripts/prisma.mjs migrate-new <name>\`\n${sqlite.stdout}${sqlite.stderr}`);
      process.exit(1);
    }
    if (!pgAdminUrl) {
      console.error("PG_ADMIN_URL is not set: cannot check the PostgreSQL migrations");
      process.exit(1);
    }
    const dir = postgresMigrationsWithoutChecks();
    const pg = diffFromMigrations(POSTGRES, dir, pgAdminUrl);
    rmSync(dir, { recursive: true, force: true });
    if (pg.status !== 0) {
      console.error(`${POSTGRES.migrations} is behind ${POSTGRES.schema}\n${pg.stdout}${pg.stderr}`);
      process.exit(1);
    }
    console.log("schemas and migrations are up to date (SQLite and PostgreSQL)");
    break;
  }
  default:
    console.error("usage: node scripts/prisma.mjs generate | migrate-deploy | migrate-new <name> | check");
    process.exit(2);
}
