// Drives the built Remix app in-process, as the Node server does, against the test database.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { pathToFileURL } from "node:url";
import { sessionCookie } from "~/web/session.server";
import { hashPassword } from "~/domain/auth/password.server";
import { hashSessionToken } from "~/domain/auth/session.server";
import type { Role } from "~/domain/auth/roles";
import { needsSecondFactor } from "~/domain/auth/second-factor-state";
import { db } from "~/lib/db.server";
import { serverBuildPath } from "./build-path";

export const ORIGIN = "http://localhost:3000";

let handler: ReturnType<typeof createRequestHandler> | undefined;
let serverBuild: ServerBuild | undefined;

export async function build(): Promise<ServerBuild> {
  serverBuild ??= (await import(/* @vite-ignore */ pathToFileURL(serverBuildPath()).href)) as ServerBuild;
  return serverBuild;
}

type RequestOptions = {
  method?: string;
  cookie?: string;
  form?: Record<string, string | string[]> | FormData;
  headers?: Record<string, string>;
  /** The client address the Node server would put in the load context. */
  clientAddress?: string;
};

/** Sends a request to the app and returns its response (redirects are not followed). */
export async function send(path: string, options: RequestOptions = {}) {
  handler ??= createRequestHandler(await build(), "production");
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    body = params;
  }
  const method = options.method ?? (body ? "POST" : "GET");
  // What a browser and the Node server would send: the site's host, and its origin on a POST.
  headers.set("X-Forwarded-Host", new URL(ORIGIN).host);
  if (method !== "GET") headers.set("Origin", ORIGIN);
  return handler(new Request(`${ORIGIN}${path}`, { method, headers, body }), { cspNonce: "test", clientAddress: options.clientAddress ?? "127.0.0.1" });
}

export const TEST_PASSWORD = "a-test-password-123";

/** TEST_PASSWORD's argon2id hash, made once per test process: every test user shares the password. */
let testPasswordHash: Promise<string> | undefined;
export function hashedTestPassword() {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}
let counter = 0;

/**
 * Creates a user with a session directly in the database; returns the user and a Cookie header.
 * A role that needs the second factor gets a session that has passed it (ADR 0020), as after
 * signing in with a code; tests/integration/second-factor.test.ts signs in the real way.
 */
export async function signedInAs(role: Role, overrides: { email?: string; name?: string } = {}) {
  counter += 1;
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role}-${counter}-${Date.now()}@test.csf.test`,
      name: overrides.name ?? `Test ${role} ${counter}`,
      role,
      passwordHash: await hashedTestPassword(),
    },
  });
  const token = `test-session-${user.id}`;
  const secondFactorAt = needsSecondFactor(role) ? new Date() : null;
  await db.session.create({ data: { id: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), secondFactorAt } });
  return { user, cookie: await cookieFor(token) };
}

/** The Cookie header for a session token (the Session row's id is the token's hash). */
export async function cookieFor(sessionToken: string) {
  const setCookie = await sessionCookie.serialize(sessionToken);
  return setCookie.split(";")[0]!;
}

/** The Cookie header a response's Set-Cookie would give the browser. */
export function cookieFrom(response: Response) {
  const setCookie = response.headers.get("Set-Cookie");
  return setCookie ? setCookie.split(";")[0]! : "";
}

/** A page's text as read: React's markers between adjacent texts removed. */
export const visibleText = (html: string) => html.replaceAll("<!-- -->", "");

/** A list of ids as a form posts them: one numbered hidden field each (`name.0`, `name.1`, …). */
export const numbered = (name: string, ids: readonly string[]) => Object.fromEntries(ids.map((id, i) => [`${name}.${i}`, id]));
