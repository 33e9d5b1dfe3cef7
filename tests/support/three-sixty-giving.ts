// The official 360Giving schemas as published, for tests: from the folder beside the repository
// (../shared/data/360giving, or THREESIXTYGIVING_SCHEMA_DIR) when it is there, otherwise the
// byte-for-byte copies the app carries (app/domain/publishing/validate-package.test.ts compares them).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020";
import { packageValidator, schemaProblems } from "~/domain/publishing/validate-package";

export const OFFICIAL_SCHEMA_DIR = resolve(process.env.THREESIXTYGIVING_SCHEMA_DIR ?? "../shared/data/360giving");
const COPIES = resolve("app/domain/publishing/schemas");

let validator: ValidateFunction | undefined;

function read(file: string) {
  const dir = existsSync(`${OFFICIAL_SCHEMA_DIR}/${file}`) ? OFFICIAL_SCHEMA_DIR : COPIES;
  return JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Record<string, unknown>;
}

/** What the official package schema finds wrong with a package (nothing for a valid one). */
export function officialSchemaProblems(pkg: unknown): string[] {
  validator ??= packageValidator({ package: read("360-giving-package-schema.json"), grant: read("360-giving-schema.json") });
  return schemaProblems(pkg, validator);
}
