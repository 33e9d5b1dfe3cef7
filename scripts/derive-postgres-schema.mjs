#!/usr/bin/env node
// Derives prisma/postgresql/schema.prisma from the SQLite source schema (prisma/schema.prisma).
// One schema cannot name two providers, so the PostgreSQL one is a mechanical copy with the
// provider and the generated client's output changed. `--check` fails when the derived file is
// out of date instead of writing it (run by the test command).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = join(root, "prisma/schema.prisma");
const targetPath = join(root, "prisma/postgresql/schema.prisma");

export function derivePostgresSchema(source) {
  const replacements = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/output\s*=\s*"\.\.\/node_modules\/@csf\/prisma-sqlite"/, 'output          = "../../node_modules/@csf/prisma-postgresql"'],
  ];
  let out = source;
  for (const [pattern, value] of replacements) {
    if (!pattern.test(out)) throw new Error(`derive-postgres-schema: source schema has no match for ${pattern}`);
    out = out.replace(pattern, value);
  }
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs. Do not edit:\n" +
    "// change the source schema and run `npm run db:derive`.\n\n";
  return header + out;
}

const derived = derivePostgresSchema(readFileSync(sourcePath, "utf8"));
if (process.argv.includes("--check")) {
  const current = existsSync(targetPath) ? readFileSync(targetPath, "utf8") : "";
  if (current !== derived) {
    console.error("prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma: run `npm run db:derive`.");
    process.exit(1);
  }
  console.log("derived PostgreSQL schema is up to date");
} else {
  mkdirSync(dirname(targetPath), { recursive: true });
  writeFileSync(targetPath, derived);
  console.log(`wrote ${targetPath}`);
}
