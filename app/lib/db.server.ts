// One database module for both databases: the client is chosen by the scheme of DATABASE_URL
// (ADR 0002). Both generated clients come from the same models, so they share one type.
import { PrismaClient as SqliteClient } from "@csf/prisma-sqlite";
import { PrismaClient as PostgresClient } from "@csf/prisma-postgresql";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { env } from "./env.server";

export type Db = SqliteClient;
/** The client an interactive transaction hands its callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Prisma } from "@csf/prisma-sqlite";

export function isPostgresUrl(url: string) {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Money-changing transactions queue on the round's row (ADR 0010). Under a surge (fifty offers at
 * once across two instances) the default two seconds to get a connection and five to finish
 * turned queued, valid requests into errors; waiting longer answers each with its real outcome.
 */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

/**
 * SQLite takes up to 32,766 values bound to one statement; Prisma assumes the old limit of 999
 * unless the adapter says otherwise, and refuses (P2029) a filter that lists more ids in one
 * statement, as the audit log's round filter does (ADR 0032).
 */
export const SQLITE_MAX_BOUND_VALUES = 32_766;

class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    return Object.assign(adapter, { getConnectionInfo: () => ({ maxBindValues: SQLITE_MAX_BOUND_VALUES, supportsRelationJoins: false }) });
  }
}

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    // Same models, same query API: the PostgreSQL client is used through the shared type.
    return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
  }
  const file = resolve(url.replace(/^file:/, ""));
  mkdirSync(dirname(file), { recursive: true });
  // WAL lets readers go on while one writer writes; the setting is stored in the file.
  const setup = new Database(file);
  setup.pragma("journal_mode = WAL");
  setup.close();
  const adapter = new SqliteAdapterFactory({ url: `file:${file}`, timeout: 10_000 });
  return new SqliteClient({ adapter, transactionOptions });
}

/**
 * Benchmarks only (BENCH_COUNT_QUERIES=yes, bench/http.ts): each Prisma operation is reported to
 * the counter the Node server keeps for the request in progress (server/query-count.mjs).
 */
function countingQueries(client: Db): Db {
  const counter = globalThis as unknown as { __csfCountQuery?: () => void };
  return client.$extends({
    query: {
      $allOperations({ args, query }) {
        counter.__csfCountQuery?.();
        return query(args);
      },
    },
  }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { __csfDb?: Db };

/** The application's database client (one per process, kept across dev reloads). */
export const db: Db = (globalForDb.__csfDb ??=
  process.env.BENCH_COUNT_QUERIES === "yes" ? countingQueries(createDb(env().DATABASE_URL)) : createDb(env().DATABASE_URL));
