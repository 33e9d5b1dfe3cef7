// Prisma CLI configuration. Prisma's native schema engine cannot be downloaded here, so the
// CLI runs its WebAssembly schema engine through a driver adapter (ADR 0002). The database
// (SQLite or PostgreSQL) is chosen by the scheme of DATABASE_URL, like the app's db module.
import { defineConfig } from "prisma/config";
import { migrationAdapter, schemaPathsFor } from "./prisma/migration-adapters";

const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const paths = schemaPathsFor(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: paths.schema,
  migrations: { path: paths.migrations },
  adapter: () => migrationAdapter(url),
});
