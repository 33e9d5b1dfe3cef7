import { describe, expect, it } from "vitest";
import { hashSessionToken } from "~/domain/auth/session.server";
import { needsSecondFactor } from "~/domain/auth/second-factor-state";
import { readSessionToken } from "~/web/session.server";
import { db } from "~/lib/db.server";
import { cookieFor, cookieFrom, send, signedInAs, TEST_PASSWORD } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { registrationLinkFor, registerThroughLink } from "../support/registration";
import { sealRegistrationLink } from "~/domain/auth/registration-link.server";

startEachTestEmpty();

const good = { name: "Nia Brown", email: "Nia@Example.org", password: "a-long-password-1" };

/** The Session row id for a cookie: the hash of the token it carries. */
async function sessionIdOf(cookie: string) {
  const token = await readSessionToken(new Request("http://x", { headers: { Cookie: cookie } }));
  return token ? hashSessionToken(token) : null;
}

describe("registering as an applicant", () => {
  it("answers the same page after the same work whether or not the address has an account", async () => {
    await signedInAs("applicant", { email: "taken@example.org", name: "Tam Reid" });
    const ask = (email: string) => send("/register", { form: { email, redirectTo: "" } });
    const fresh = await ask("Fresh@Example.org");
    const taken = await ask("taken@example.org");
    expect(fresh.status).toBe(200);
    expect(taken.status).toBe(200);
    const freshHtml = await fresh.text();
    expect(freshHtml).toContain("<title>Check your email");
    expect(freshHtml.replace(/fresh@example\.org/g, "X")).toBe((await taken.text()).replace(/taken@example\.org/g, "X"));
    // One email each: a link to the new address, word that an account exists to the other.
    const emails = await db.outboxEmail.findMany({
      orderBy: { createdAt: "asc" },
      select: { toAddress: true, template: true, carriesSecret: true, text: true },
    });
    expect(emails.map(({ toAddress, template, carriesSecret }) => ({ toAddress, template, carriesSecret }))).toEqual([
      { toAddress: "fresh@example.org", template: "registration-link", carriesSecret: true },
      { toAddress: "taken@example.org", template: "registration-account-exists", carriesSecret: false },
    ]);
    expect(emails[1]!.text).toContain("http://localhost:3000/forgot-password");
    expect(emails[1]!.text).not.toMatch(/\/register\//);
    // Nobody has an account until they follow the link; both requests are audited.
    expect(await db.user.count({ where: { email: "fresh@example.org" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.registration_requested" } })).toBe(2);
  });

  it("creates an applicant with an argon2id hash from the emailed link and signs them in", async () => {
    const response = await registerThroughLink(good);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/applicant");
    const user = await db.user.findUniqueOrThrow({ where: { email: "nia@example.org" } });
    expect(user.role).toBe("applicant");
    expect(user.name).toBe("Nia Brown");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(good.password);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const sessionId = await sessionIdOf(cookieFrom(response));
    expect(await db.session.count({ where: { id: sessionId!, userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.registered", actorId: user.id } })).toBe(1);
  });

  it("shows the address the link is for, and works once", async () => {
    await send("/register", { form: { email: good.email } });
    const link = await registrationLinkFor(good.email);
    expect(link).not.toContain("nia");
    const page = await send(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("Referrer-Policy")).toBe("same-origin");
    const html = await page.text();
    expect(html).toContain("<title>Finish creating your account");
    expect(html).toContain("nia@example.org");
    const form = { name: good.name, password: good.password, confirmPassword: good.password };
    expect((await send(link, { form })).status).toBe(302);
    const again = await send(link, { form: { ...form, name: "Someone Else" } });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link has already been used");
    expect((await send(link)).status).toBe(410);
    expect(await db.user.count({ where: { email: "nia@example.org" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: "nia@example.org" } })).name).toBe("Nia Brown");
  });

  it("refuses an expired or altered link with a way to start again", async () => {
    const expired = sealRegistrationLink({ email: "late@example.org", redirectTo: "", expiresAt: new Date(Date.now() - 1) });
    const form = { name: "Lee Late", password: good.password, confirmPassword: good.password };
    for (const response of [await send(`/register/${expired}`), await send(`/register/${expired}`, { form })]) {
      expect(response.status).toBe(410);
      const html = await response.text();
      expect(html).toContain("This link has expired");
      expect(html).toContain('href="/register"');
    }
    const live = sealRegistrationLink({ email: "late@example.org", redirectTo: "", expiresAt: new Date(Date.now() + 60_000) });
    const altered = `${live.slice(0, 20)}${live[20] === "A" ? "B" : "A"}${live.slice(21)}`;
    for (const token of [altered, "not-a-token", "x".repeat(5_000)]) {
      const response = await send(`/register/${token}`, { form });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("This link does not work");
    }
    expect(await db.user.count()).toBe(0);
  });

  it("shows every problem, keeps the name but never the password, and saves nothing", async () => {
    await send("/register", { form: { email: good.email } });
    const link = await registrationLinkFor(good.email);
    const response = await send(link, { form: { name: "<script>alert(1)</script>", password: "short", confirmPassword: "other" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("<title>Error: Finish creating your account");
    expect(html).toContain("There is a problem");
    expect(html).toContain("Password must be 12 characters or more");
    expect(html).toContain("Passwords do not match");
    expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('value="short"');
    expect(await db.user.count()).toBe(0);
  });

  it("asks for a valid email address first and sends nothing without one", async () => {
    const response = await send("/register", { form: { email: "not-an-email" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("<title>Error: Create an account");
    expect(html).toContain("Enter an email address in the correct format, like name@example.org");
    expect(html).toContain('value="not-an-email"');
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

describe("signing in and out", () => {
  async function register() {
    await registerThroughLink(good);
    return db.user.findUniqueOrThrow({ where: { email: "nia@example.org" } });
  }

  it("issues a new session id at sign-in and revokes the one the browser had", async () => {
    const user = await register();
    await db.session.deleteMany({});
    await db.session.create({ data: { id: hashSessionToken("planted-session-id"), userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    const planted = await cookieFor("planted-session-id");
    const response = await send("/sign-in", { cookie: planted, form: { email: good.email, password: good.password, redirectTo: "" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/applicant");
    const newId = await sessionIdOf(cookieFrom(response));
    expect(newId).not.toBe(hashSessionToken("planted-session-id"));
    expect(await db.session.findUnique({ where: { id: hashSessionToken("planted-session-id") } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: newId! } })).not.toBeNull();
  });

  it("refuses a wrong password with one message for both fields and an audit event", async () => {
    await register();
    const response = await send("/sign-in", { form: { email: good.email, password: "wrong-password-123" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Enter a correct email address and password");
    expect(await db.auditEvent.count({ where: { action: "user.sign_in_failed", outcome: "refused" } })).toBe(1);
  });

  it("gives the same answer for an unknown email", async () => {
    const response = await send("/sign-in", { form: { email: "nobody@example.org", password: "wrong-password-123" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Enter a correct email address and password");
  });

  it("follows only same-site paths after sign-in", async () => {
    await register();
    const to = async (redirectTo: string) =>
      (await send("/sign-in", { form: { email: good.email, password: good.password, redirectTo } })).headers.get("Location");
    expect(await to("/rounds")).toBe("/rounds");
    expect(await to("https://evil.example/")).toBe("/applicant");
    expect(await to("//evil.example/")).toBe("/applicant");
  });

  it("deletes the session at sign-out so the old cookie no longer works", async () => {
    const { user, cookie } = await signedInAs("assessor");
    expect((await send("/assessor", { cookie })).status).toBe(200);
    const response = await send("/sign-out", { method: "POST", cookie });
    expect(response.status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await send("/assessor", { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=%2Fassessor/);
  });

  it("does not sign out on GET", async () => {
    const { user, cookie } = await signedInAs("assessor");
    const response = await send("/sign-out", { cookie });
    expect(response.status).toBe(405);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("stops a disabled account's sessions working", async () => {
    const { user, cookie } = await signedInAs("fund_administrator");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await send("/administrator", { cookie })).status).toBe(302);
  });

  it("sends each role to its own home page", async () => {
    const homes = { applicant: "/applicant", assessor: "/assessor", fund_administrator: "/administrator", opcc_sign_off: "/opcc", admin: "/admin" } as const;
    for (const [role, home] of Object.entries(homes)) {
      const { user } = await signedInAs(role as keyof typeof homes);
      const response = await send("/sign-in", { form: { email: user.email, password: TEST_PASSWORD } });
      // By way of the second step for the roles that need one (ADR 0020).
      const expected = needsSecondFactor(role as keyof typeof homes) ? `/sign-in/code?${new URLSearchParams({ redirectTo: home })}` : home;
      expect(response.headers.get("Location"), role).toBe(expected);
    }
  });
});

describe("staff accounts", () => {
  it("lets an admin create a staff account and records who did it", async () => {
    const { user: admin, cookie } = await signedInAs("admin");
    const response = await send("/admin/staff/new", {
      cookie,
      form: { name: "Ola Smith", email: "ola@opcc.example.org", role: "assessor", password: "temporary-password-1" },
    });
    expect(response.status).toBe(302);
    const created = await db.user.findUniqueOrThrow({ where: { email: "ola@opcc.example.org" } });
    expect(created.role).toBe("assessor");
    expect(await db.auditEvent.count({ where: { action: "user.created", actorId: admin.id, subjectId: created.id } })).toBe(1);
  });

  it("refuses to create an applicant or admin-made role outside the staff list", async () => {
    const { cookie } = await signedInAs("admin");
    const response = await send("/admin/staff/new", {
      cookie,
      form: { name: "Ola Smith", email: "ola@opcc.example.org", role: "applicant", password: "temporary-password-1" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Select the person&#x27;s role");
    expect(await db.user.count({ where: { email: "ola@opcc.example.org" } })).toBe(0);
  });

  it("does not let other roles create staff accounts", async () => {
    const { user, cookie } = await signedInAs("fund_administrator");
    const response = await send("/admin/staff/new", {
      cookie,
      form: { name: "Sneaky", email: "sneaky@example.org", role: "admin", password: "temporary-password-1" },
    });
    expect(response.status).toBe(403);
    expect(await db.user.count({ where: { email: "sneaky@example.org" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "access.refused", actorId: user.id } })).toBe(1);
  });
});
