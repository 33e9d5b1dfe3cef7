// Hostile values to every form action (ADR 0021): for each route with an action, signed in as a
// role allowed there, with real ids in the path, fast-check posts bodies made from the page's own
// field names filled with values no form would send. Whatever arrives, the answer is never a 5xx,
// and a refusal (any 4xx) saves nothing: every table's row count is unchanged apart from the audit
// trail and throttle hits, which refusals are meant to write.
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "~/domain/auth/route-access";
import { hashSessionToken } from "~/domain/auth/session.server";
import { ROLES, type Role } from "~/domain/auth/roles";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { build, send, signedInAs } from "../support/app";
import { emptyDatabase, TABLES_IN_DELETE_ORDER } from "../support/database";
import { fixtures, pathFor } from "../support/route-fixtures";

const RUNS_PER_ROUTE = 10;
// Refusals are audited and throttling counts attempts: those rows are meant to appear.
const WRITTEN_BY_REFUSALS = new Set<string>(["auditEvent", "rateLimitHit"]);

/** An applicant's bid pages that change a draft. */
const DRAFT_SECTIONS =
  /^routes\/applicant\.bids\.\$bidId\.(about|priorities|areas|outcomes|budget|beneficiaries|safeguarding-and-equality|documents|declarations|check-answers|withdraw)$/;

type Persona = { role: Role; userId: string; token: string; cookie: string };

/**
 * What a page's forms send as they stand: each named input, select, textarea and button with its
 * first value (so a body can start as the form would post it and have some fields spoiled), and
 * the intents its buttons carry.
 */
function formFields(html: string): { defaults: Record<string, string>; intents: string[] } {
  const defaults: Record<string, string> = {};
  const intents = new Set<string>();
  const decode = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const match of html.matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
    const tag = match[0];
    const name = /\sname="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    const field = decode(name);
    const value = decode(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
    if (field === "intent") {
      if (value) intents.add(value);
      continue;
    }
    // The first option of a select, or the value a textarea holds, is good enough as a start.
    const start = match[1] === "select" ? (/<option[^>]*value="([^"]*)"/.exec(html.slice(match.index))?.[1] ?? "") : value;
    if (!(field in defaults)) defaults[field] = decode(start);
  }
  return { defaults, intents: [...intents] };
}

const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\r\nBcc: victim@example.org",
    "\u202Eevil\u202C",
    "\uFEFF",
    "\uD800",
    "💷🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "' OR 1=1 --",
    '\'; DROP TABLE "User"; --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "%00",
    "${7*7}{{7*7}}",
    "-1",
    "-0.01",
    "-999999999999",
    "0",
    "1e308",
    "-1e308",
    "9".repeat(40),
    "NaN",
    "Infinity",
    "0x10",
    "12.345",
    "1,000",
    "£12,500.00",
    "2026-02-30",
    "31/12/1899",
    "true",
    "null",
    "undefined",
    "[]",
    "{}",
    "__proto__",
    "constructor",
    "a@b",
    "x".repeat(2_000),
    "é".repeat(600),
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
);

/** A value for one field: missing, one hostile value, or several where one is expected. */
const hostileValue = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) },
);

/** The form as the page would post it, with some fields spoiled or dropped and extra ones added. */
function hostileBody(defaults: Record<string, string>, intents: string[]) {
  const fields = [...Object.keys(defaults), "unexpected", "__proto__"];
  const intent = fc.oneof(fc.constantFrom(...intents, "wrong-intent", ""), hostileText, fc.constant(undefined));
  const spoil = fc.oneof({ weight: 1, arbitrary: fc.constant("keep" as const) }, { weight: 2, arbitrary: hostileValue });
  return fc.record({ values: fc.tuple(...fields.map(() => spoil)), intent }).map(({ values, intent: chosen }) => {
    const form: Record<string, string | string[]> = {};
    fields.forEach((name, i) => {
      const value = values[i];
      if (value === "keep") {
        if (name in defaults) form[name] = defaults[name]!;
      } else if (value !== undefined) form[name] = value;
    });
    if (chosen !== undefined) form.intent = chosen;
    return form;
  });
}

async function rowCounts(): Promise<Record<string, number>> {
  const counts = await Promise.all(
    TABLES_IN_DELETE_ORDER.filter((t) => !WRITTEN_BY_REFUSALS.has(t)).map(
      async (table) => [table, await (db[table] as unknown as { count(): Promise<number> }).count()] as const,
    ),
  );
  return Object.fromEntries(counts);
}

describe("hostile values to every form action", () => {
  let routes: ServerBuild["routes"];
  let params: Record<string, string>;
  const personas = new Map<Role, Persona>();
  let draftBidId = "";

  beforeAll(async () => {
    await emptyDatabase();
    await seedDemo(db);
    routes = (await build()).routes;
    for (const role of ROLES) {
      const { user, cookie } = await signedInAs(role);
      personas.set(role, { role, userId: user.id, token: `test-session-${user.id}`, cookie });
    }
    params = await fixtures();
    // The fixture bid is submitted, so its section pages refuse every change; a draft in the same
    // organisation takes their place so the section actions are reached.
    const submitted = await db.bid.findUniqueOrThrow({ where: { id: params.bidId! } });
    const draft = await db.bid.create({
      data: { roundId: submitted.roundId, organisationId: submitted.organisationId, createdById: personas.get("applicant")!.userId, title: "A draft" },
    });
    draftBidId = draft.id;
  }, 120_000);

  /** Undo what an accepted hostile post may have done to the personas (signed out, disabled, role changed). */
  async function restore(persona: Persona | undefined) {
    if (!persona) return;
    await db.user.update({ where: { id: persona.userId }, data: { disabledAt: null, role: persona.role } });
    const id = hashSessionToken(persona.token);
    const expiresAt = new Date(Date.now() + 3_600_000);
    await db.session.upsert({ where: { id }, create: { id, userId: persona.userId, expiresAt }, update: { expiresAt } });
  }

  it("never answers 5xx, and saves nothing when it refuses", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const id of Object.keys(routes)) {
      const route = routes[id]!;
      const access = ROUTE_ACCESS[id];
      if (!route.module.action || !access) continue;
      const role: Role | undefined =
        access.kind === "roles" ? access.roles[0] : access.kind === "post-only" ? (access.roles === "any" ? "applicant" : access.roles[0]) : undefined;
      const persona = role ? personas.get(role) : undefined;
      const path = pathFor(routes, id, DRAFT_SECTIONS.test(id) ? { ...params, bidId: draftBidId } : params);
      await restore(persona);
      const page = await send(path, { cookie: persona?.cookie });
      const { defaults, intents } = page.status === 200 ? formFields(await page.text()) : { defaults: {}, intents: [] };
      let n = 0;
      await fc
        .assert(
          fc.asyncProperty(hostileBody(defaults, intents), async (form) => {
            await restore(persona);
            const before = await rowCounts();
            n += 1;
            requests += 1;
            // A different client address each time, so throttling does not answer in the action's place.
            const response = await send(path, { cookie: persona?.cookie, form, clientAddress: `198.51.100.${n}` });
            await response.arrayBuffer();
            if (response.status >= 500) {
              failures.push(`${id} ${path}: ${response.status} for ${JSON.stringify(form).slice(0, 300)}`);
              return false;
            }
            if (response.status >= 400) {
              const after = await rowCounts();
              const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
              if (changed.length > 0) {
                failures.push(`${id} ${path}: ${response.status} but rows changed in ${changed.join(", ")} for ${JSON.stringify(form).slice(0, 300)}`);
                return false;
              }
            }
            return true;
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(requests).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
});
