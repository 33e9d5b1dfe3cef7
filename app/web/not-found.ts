import { throwRefusal } from "./respond.server";

/** The value, or a 404 thrown for a loader or action when there is none. */
export function orNotFound<T>(value: T | null | undefined, message = "Not found"): T {
  if (value === null || value === undefined) throwRefusal({ kind: "not_found", message });
  return value;
}
