/** The value, or a 404 response thrown for a loader or action when there is none. */
export function orNotFound<T>(value: T | null | undefined, message = "Not found"): T {
  if (value === null || value === undefined) throw new Response(message, { status: 404 });
  return value;
}
