import { ORGANISATION_FIELDS } from "~/domain/organisations/organisation.schema";
import { recordOrganisationAccessRefused } from "~/domain/organisations/organisations.server";
import { inFieldOrder } from "~/lib/form-errors";
import { textValues } from "~/lib/form-values";
import type { Parsed } from "~/lib/parse-form";
import { refusalResponse, throwRefusal } from "./respond.server";

/** Not a member, or no such organisation: the same 404 (audited), so nothing about it leaks. */
export async function organisationNotFound(request: Request, userId: string, organisationId: string): Promise<never> {
  await recordOrganisationAccessRefused(userId, organisationId, { method: request.method, path: new URL(request.url).pathname });
  throwRefusal({ kind: "not_found", message: "Not found" });
}

/** The organisation form sent back refused: its errors in question order, its answers as typed. */
export function organisationFormRefused(parsed: Extract<Parsed<unknown>, { ok: false }>) {
  const values = textValues(parsed.values, ORGANISATION_FIELDS);
  return refusalResponse({ ...parsed.refusal, fieldErrors: inFieldOrder(parsed.refusal.fieldErrors, ORGANISATION_FIELDS) }, { values });
}
