/**
 * Work the web server process runs beside serving pages (the outbox sender joins here).
 * Returns a function that stops it for a clean shutdown.
 */
export async function startBackgroundWork(): Promise<() => Promise<void>> {
  return async () => {};
}
