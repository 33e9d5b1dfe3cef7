// Validates a 360Giving data package against the official 1.4.3 schemas (draft 2020-12), kept
// byte for byte in ./schemas, and against the publisher's own checks (three-sixty-giving.ts).
// A package is served only when both pass (ADR 0015).
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import packageSchema from "./schemas/360-giving-package-schema.json";
import grantSchema from "./schemas/360-giving-schema.json";
import { publisherProblems, type GrantPackage, type PublishingConfig } from "./three-sixty-giving";

type Schema = Record<string, unknown> & { $id: string };

/**
 * The files name their meta-schema as http://json-schema.org/draft/2020-12/schema, which ajv
 * knows only under https://, so `$schema` is left out when adding them (the draft is the one
 * Ajv2020 speaks anyway).
 */
function withoutMetaSchema(schema: Record<string, unknown>): Schema {
  const { $schema: _metaSchema, ...rest } = schema;
  return rest as Schema;
}

export type OfficialSchemas = { package: Record<string, unknown>; grant: Record<string, unknown> };

/** A validator for the package schema with the grant schema it refers to. */
export function packageValidator(schemas: OfficialSchemas): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  // Annotations the standard adds for its own tools (code lists, flattening into spreadsheets).
  ajv.addVocabulary(["codelist", "openCodelist", "rollUp"]);
  const grant = withoutMetaSchema(schemas.grant);
  ajv.addSchema(grant);
  // The package schema (1.4.3) refers to the grant schema by its 1.4.2 address: the same schema
  // is registered under that address as well.
  const grantRef = (schemas.package as { properties: { grants: { items: { $ref: string } } } }).properties.grants.items.$ref;
  if (grantRef !== grant.$id) ajv.addSchema({ ...grant, $id: grantRef });
  return ajv.compile(withoutMetaSchema(schemas.package));
}

let compiled: ValidateFunction | undefined;

function describe(error: ErrorObject): string {
  const where = error.instancePath || "the package";
  const detail = error.keyword === "enum" ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.slice(0, 5).join(", ")}…)` : "";
  return `${where}: ${error.message ?? error.keyword}${detail}`;
}

export type PackageCheck = { valid: true } | { valid: false; problems: string[] };

/** The official schema's errors only (the schemas kept in ./schemas, or others given). */
export function schemaProblems(
  pkg: unknown,
  validate: ValidateFunction = (compiled ??= packageValidator({ package: packageSchema, grant: grantSchema })),
): string[] {
  if (validate(pkg)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}

/** Both the official schema and the publisher's checks; every reason, for the staff page. */
export function checkPackage(config: PublishingConfig, pkg: GrantPackage): PackageCheck {
  const problems = [...schemaProblems(pkg), ...publisherProblems(config, pkg)];
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}
