// GET /readyz for load balancers: ready only when the database answers with every migration
// applied and the document storage can be reached.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";

describe("GET /readyz", () => {
  it("is ready with a migrated database and a reachable document store", async () => {
    const response = await send("/readyz");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready", ready: true, database: "ok", migrations: "ok", storage: "ok" });
  });

  it("is not ready when a migration this build expects has not been applied", async () => {
    const [latest] = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET migration_name = 'renamed' WHERE migration_name = ${latest!.migration_name}`;
    try {
      const response = await send("/readyz");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        ready: false,
        database: "ok",
        migrations: "behind",
        storage: "ok",
        missingMigrations: [latest!.migration_name],
      });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET migration_name = ${latest!.migration_name} WHERE migration_name = 'renamed'`;
    }
  });
});
