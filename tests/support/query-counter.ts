// Counts the SQL statements the app sends, at the database drivers (better-sqlite3's prepare,
// pg's query), so a nested Prisma read counts every statement it really runs.
import Database from "better-sqlite3";
import pg from "pg";

let statements = 0;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const sqlitePrototype = Database.prototype as unknown as { prepare: (...args: unknown[]) => unknown };
  const prepare = sqlitePrototype.prepare;
  sqlitePrototype.prepare = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return prepare.apply(this, args);
  };
  const pgPrototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = pgPrototype.query;
  pgPrototype.query = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  };
}

/** Runs `work` and says how many statements it sent to the database. */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  install();
  const before = statements;
  const result = await work();
  return { result, queries: statements - before };
}
