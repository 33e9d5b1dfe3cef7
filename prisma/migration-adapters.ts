// Driver adapters for the Prisma CLI's WebAssembly schema engine, with the fixes this stack
// needs (see docs/decisions/0002-two-databases-one-schema-source.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { tmpdir } from "node:os";

export function isPostgresUrl(url: string) {
  return url.startsWith("postgresql://") || url.startsWith("postgres://");
}

export function schemaPathsFor(url: string) {
  return isPostgresUrl(url)
    ? { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}

/** Resolves `file:./x.db` relative to the working directory, as the app does. */
export function sqliteFilePath(url: string) {
  const path = url.replace(/^file:/, "");
  return resolve(path);
}

/**
 * Prisma's pg adapter cannot read PostgreSQL's `name` (19) and `char` (18) catalog types that
 * the schema engine's introspection queries return; report them as `text` (25).
 */
const PG_TEXT = 25;
function catalogTextPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  pool.query = (async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = PG_TEXT;
    }
    return result;
  }) as typeof pool.query;
  return pool;
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

class PostgresMigrationAdapter extends PrismaPg {
  constructor(private readonly url: string) {
    super(catalogTextPool({ connectionString: url }));
  }

  /** The shadow database is created and dropped here, outside the adapter's own pool. */
  override async connectToShadowDb() {
    const name = `csf_shadow_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const pool = catalogTextPool({ connectionString: withDatabase(this.url, name) });
    // Idle connections die when the database is dropped; that is expected, not a crash.
    pool.on("error", () => {});
    const adapter = await new PrismaPg(pool).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end().catch(() => {});
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

class SqliteMigrationAdapter extends PrismaBetterSQLite3 {
  constructor(url: string) {
    const file = sqliteFilePath(url);
    mkdirSync(dirname(file), { recursive: true });
    super({ url: `file:${file}` });
  }

  /**
   * The shadow database replays whole migration files; the adapter's single-statement execute
   * would run only the first statement, so multi-statement text goes through executeScript.
   */
  override async connectToShadowDb() {
    const shadowFile = resolve(tmpdir(), `csf-shadow-${randomBytes(6).toString("hex")}.db`);
    const adapter = await new PrismaBetterSQLite3({ url: `file:${shadowFile}` }).connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.includes(";")) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  }
}

export async function migrationAdapter(url: string) {
  return isPostgresUrl(url) ? new PostgresMigrationAdapter(url) : new SqliteMigrationAdapter(url);
}
