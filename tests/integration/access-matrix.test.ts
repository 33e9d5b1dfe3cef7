// Every route in the built app's manifest must declare who may use it (app/domain/auth/route-access.ts);
// this test asks each route as every role and as an anonymous visitor and checks the answer.
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS, type RouteAccess } from "~/domain/auth/route-access";
import { ROLES, roleHome, type Role } from "~/domain/auth/roles";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { build, send, signedInAs } from "../support/app";
import { emptyDatabase } from "../support/database";
import { fixtures, pathFor } from "../support/route-fixtures";

type Persona = "anonymous" | Role;
const PERSONAS: Persona[] = ["anonymous", ...ROLES];

function expectedGet(access: RouteAccess, persona: Persona): { status: number; location?: RegExp } {
  switch (access.kind) {
    case "public":
      return { status: 200 };
    case "signed-out":
      return persona === "anonymous" ? { status: 200 } : { status: 302, location: new RegExp(`^${roleHome(persona)}$`) };
    case "roles":
      if (persona === "anonymous") return { status: 302, location: /^\/sign-in\?redirectTo=/ };
      return { status: access.roles.includes(persona) ? 200 : 403 };
    case "post-only":
      return { status: 405 };
    case "second-step":
      // Every persona here has passed its second factor already (tests/support/app.ts signedInAs).
      return persona === "anonymous" ? { status: 302, location: /^\/sign-in$/ } : { status: 302, location: new RegExp(`^${roleHome(persona)}$`) };
  }
}

// Every route for every persona: hundreds of requests, which a loaded CI machine can take well over
// the default 30 s to answer on PostgreSQL.
describe("access-control matrix", { timeout: 180_000 }, () => {
  let routes: ServerBuild["routes"];
  let cookies: Record<Persona, string | undefined>;
  let params: Record<string, string>;

  beforeAll(async () => {
    await emptyDatabase();
    await seedDemo(db);
    routes = (await build()).routes;
    cookies = { anonymous: undefined } as Record<Persona, string | undefined>;
    for (const role of ROLES) cookies[role] = (await signedInAs(role)).cookie;
    params = await fixtures();
  });

  it("knows every route in the manifest, and every declared route exists", () => {
    const manifest = Object.keys(routes).sort();
    const undeclared = manifest.filter((id) => !(id in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((id) => !manifest.includes(id));
    expect(undeclared, "routes without an access declaration in app/domain/auth/route-access.ts").toEqual([]);
    expect(stale, "declarations for routes that no longer exist").toEqual([]);
  });

  it("answers GET for every route and persona as declared", async () => {
    const failures: string[] = [];
    for (const id of Object.keys(routes)) {
      if (id === "root") continue;
      const access = ROUTE_ACCESS[id]!;
      const path = pathFor(routes, id, params);
      for (const persona of PERSONAS) {
        const response = await send(path, { cookie: cookies[persona] });
        const expected = expectedGet(access, persona);
        const location = response.headers.get("Location") ?? "";
        if (response.status !== expected.status || (expected.location && !expected.location.test(location))) {
          failures.push(
            `${persona} GET ${path} (${id}): expected ${expected.status}${expected.location ? ` → ${expected.location}` : ""}, got ${response.status}${location ? ` → ${location}` : ""}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses POST to role-only actions from every other role, and changes nothing", async () => {
    const failures: string[] = [];
    for (const id of Object.keys(routes)) {
      const access = ROUTE_ACCESS[id]!;
      const route = routes[id]!;
      if (access.kind !== "roles" || !route.module.action) continue;
      const path = pathFor(routes, id, params);
      for (const persona of PERSONAS) {
        if (persona !== "anonymous" && access.roles.includes(persona)) continue;
        const before = await db.auditEvent.count({ where: { outcome: "allowed" } });
        const response = await send(path, { cookie: cookies[persona], form: { intent: "anything" } });
        const expected = persona === "anonymous" ? 302 : 403;
        if (response.status !== expected) failures.push(`${persona} POST ${path}: expected ${expected}, got ${response.status}`);
        if ((await db.auditEvent.count({ where: { outcome: "allowed" } })) !== before) failures.push(`${persona} POST ${path} changed something`);
      }
    }
    expect(failures).toEqual([]);
  });
});
