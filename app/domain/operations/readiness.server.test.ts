import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedMigrations } from "./readiness.server";

describe("expected migrations", () => {
  it("are the migration folders this build was made with, for the database in use", () => {
    const folders = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    expect(expectedMigrations("file:./x.db")).toEqual(folders("prisma/migrations"));
    expect(expectedMigrations("postgresql://h/db")).toEqual(folders("prisma/postgresql/migrations"));
    expect(expectedMigrations("file:./x.db").length).toBeGreaterThan(0);
  });
});
