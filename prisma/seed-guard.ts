// The demo seed makes accounts with a published password: never in production by accident (ADR 0015).

/** Why the demo seed must not run with this environment, or null when it may. */
export function demoSeedRefusal(environment: Record<string, string | undefined>): string | null {
  if (environment.NODE_ENV !== "production" || environment.DEMO_DATA === "yes") return null;
  return [
    "Refusing to seed demo data: NODE_ENV is production.",
    "The demo accounts share a published password. To make the first admin of a live service, run:",
    '  npm run create-admin -- --email you@example.org --name "Your Name"',
    "To load the demo into a production build anyway (a demonstration, not a live service), set DEMO_DATA=yes.",
  ].join("\n");
}
