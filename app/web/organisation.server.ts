import { recordOrganisationAccessRefused } from "~/domain/organisations/organisations.server";
import { throwRefusal } from "./respond.server";

/** Not a member, or no such organisation: the same 404 (audited), so nothing about it leaks. */
export async function organisationNotFound(request: Request, userId: string, organisationId: string): Promise<never> {
  await recordOrganisationAccessRefused(userId, organisationId, { method: request.method, path: new URL(request.url).pathname });
  throwRefusal({ kind: "not_found", message: "Not found" });
}
