// An account's life after it is made (ADR 0018): disabling and re-enabling, role changes, changing
// one's own password, one-time passwords, the idle time-out, hashed session ids, no-store pages,
// the create-admin command, the demo seed's production guard and secret-carrying emails.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAccount } from "~/domain/auth/account-lifecycle.server";
import { requestPasswordReset } from "~/domain/auth/password-reset.server";
import { hashPassword } from "~/domain/auth/password.server";
import { hashSessionToken, SESSION_IDLE_MS } from "~/domain/auth/session.server";
import { totpCode, totpStep } from "~/domain/auth/totp.server";
import { CLEARED_BODY_TEXT, createOutboxSender } from "~/domain/email/sender.server";
import { inviteColleague } from "~/domain/organisations/invitations.server";
import { db } from "~/lib/db.server";
import { readSessionToken } from "~/web/session.server";
import { createAdmin } from "../../scripts/create-admin";
import { cookieFor, cookieFrom, send, signedInAs, TEST_PASSWORD } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { startMailServer, type TestMailServer } from "../support/mail-server";
import { startPortal, type PortalProcess } from "../support/servers";

startEachTestEmpty();

const NEW_PASSWORD = "a-brand-new-password-9";

async function signIn(email: string, password: string) {
  return send("/sign-in", { form: { email, password, redirectTo: "" } });
}

/** Another session of the same user, as a second browser would have. */
async function secondSession(email: string) {
  const response = await signIn(email, TEST_PASSWORD);
  expect(response.status).toBe(302);
  return cookieFrom(response);
}

describe("disabling and re-enabling an account", () => {
  it("ends the account's sessions at once, refuses sign-in like a wrong password, emails and audits; re-enabling lets it sign in", async () => {
    const { cookie: adminCookie, user: admin } = await signedInAs("admin");
    const { user, cookie } = await signedInAs("fund_administrator");
    const other = await secondSession(user.email);
    expect((await send("/administrator", { cookie })).status).toBe(200);

    // The confirmation comes first; nothing changes until it is answered.
    const confirm = await send(`/admin/users/${user.id}?confirm=disable`, { cookie: adminCookie });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Disable account");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ disabledAt: null });

    const response = await send(`/admin/users/${user.id}`, { cookie: adminCookie, form: { intent: "disable" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/users/${user.id}?done=disable`);
    expect(await (await send(response.headers.get("Location")!, { cookie: adminCookie })).text()).toContain("The account has been disabled");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const c of [cookie, other]) {
      const next = await send("/administrator", { cookie: c });
      expect(next.status).toBe(302);
      expect(next.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    }
    const refused = await signIn(user.email, TEST_PASSWORD);
    expect(refused.status).toBe(400);
    const wrong = await signIn(user.email, "not-the-password-1");
    expect(await refused.text()).toBe(await wrong.text());
    expect(await db.auditEvent.count({ where: { action: "user.disabled", actorId: admin.id, subjectId: user.id } })).toBe(1);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "account-change", toAddress: user.email } });
    expect(email.text).toContain("disabled your account");

    // A second submit of the same form changes nothing and says why.
    const again = await send(`/admin/users/${user.id}`, { cookie: adminCookie, form: { intent: "disable" } });
    expect(again.status).toBe(409);
    expect(await db.outboxEmail.count({ where: { template: "account-change" } })).toBe(1);

    const enable = await send(`/admin/users/${user.id}`, { cookie: adminCookie, form: { intent: "enable" } });
    expect(enable.status).toBe(302);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    expect(await db.auditEvent.count({ where: { action: "user.enabled", subjectId: user.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { template: "account-change", toAddress: user.email } })).toBe(2);
  });

  it("is for admins only", async () => {
    const { cookie } = await signedInAs("fund_administrator");
    const { user } = await signedInAs("assessor");
    const response = await send(`/admin/users/${user.id}`, { cookie, form: { intent: "disable" } });
    expect(response.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
  });
});

describe("changing a role", () => {
  it("changes it with the before and after in the audit, ends the account's sessions and emails its owner", async () => {
    const { cookie: adminCookie, user: admin } = await signedInAs("admin");
    const { user, cookie } = await signedInAs("assessor");
    const confirm = await send(`/admin/users/${user.id}?confirm=role&role=fund_administrator`, { cookie: adminCookie });
    expect(await confirm.text()).toContain("Change role");
    const response = await send(`/admin/users/${user.id}`, { cookie: adminCookie, form: { intent: "role", role: "fund_administrator" } });
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("fund_administrator");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role_changed", subjectId: user.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.before!)).toEqual({ role: "assessor" });
    expect(JSON.parse(audit.after!)).toEqual({ role: "fund_administrator" });
    expect((await send("/assessor", { cookie })).status).toBe(302);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { template: "account-change" } })).text).toContain("from Assessor to Fund administrator");
  });

  it("refuses a change to one's own account, and audits the attempt", async () => {
    const { cookie, user: admin } = await signedInAs("admin");
    const forms: Record<string, string>[] = [{ intent: "role", role: "assessor" }, { intent: "disable" }];
    for (const form of forms) {
      const response = await send(`/admin/users/${admin.id}`, { cookie, form });
      expect(response.status).toBe(403);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabledAt: null });
    expect(await db.auditEvent.count({ where: { subjectId: admin.id, outcome: "refused", action: { in: ["user.role_changed", "user.disabled"] } } })).toBe(2);
  });

  it("never leaves the portal without an enabled admin", async () => {
    const { user: a } = await signedInAs("admin");
    const { user: b } = await signedInAs("admin");
    expect((await changeAccount(a.id, b.id, { intent: "role", role: "assessor" })).ok).toBe(true);
    // b is no longer an admin; were its request already past the guard, the last admin still stays.
    const last = await changeAccount(b.id, a.id, { intent: "disable" });
    expect(last).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    const demote = await changeAccount(b.id, a.id, { intent: "role", role: "assessor" });
    expect(demote).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { subjectId: a.id, outcome: "refused" } })).toBe(2);
  });

  it("keeps one enabled admin when two admins disable each other at the same moment", async () => {
    const { user: a } = await signedInAs("admin");
    const { user: b } = await signedInAs("admin");
    const results = await Promise.all([changeAccount(a.id, b.id, { intent: "disable" }), changeAccount(b.id, a.id, { intent: "disable" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});

describe("the accounts list", () => {
  it("searches by email or name, filters by role and status, and pages on the server", async () => {
    const { cookie } = await signedInAs("admin");
    const password = await hashPassword(TEST_PASSWORD);
    await db.user.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ email: `person-${i}@example.org`, name: `Person ${i}`, role: "applicant", passwordHash: password })),
    });
    await db.user.create({ data: { email: "zed@example.org", name: "Zed Quinn", role: "assessor", passwordHash: password, disabledAt: new Date() } });
    const first = await (await send("/admin/users", { cookie })).text();
    expect(first).toContain("32 accounts, page 1 of 2");
    expect(first).toContain('aria-label="Pages of accounts"');
    expect(await (await send("/admin/users?q=quinn", { cookie })).text()).toContain("zed@example.org");
    const disabled = await (await send("/admin/users?status=disabled", { cookie })).text();
    expect(disabled).toContain("1 account");
    expect(disabled).toContain("Zed Quinn");
    const assessors = await (await send("/admin/users?role=assessor&status=enabled", { cookie })).text();
    expect(assessors).toContain("No accounts match");
  });
});

describe("changing one's own password", () => {
  it("asks for the current password, then revokes the other sessions only, and emails and audits", async () => {
    const { user, cookie } = await signedInAs("applicant");
    const other = await secondSession(user.email);
    const form = { currentPassword: "not-the-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const wrong = await send("/account/password", { cookie, form });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Your current password is not right");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", outcome: "refused" } })).toBe(1);

    const response = await send("/account/password", { cookie, form: { ...form, currentPassword: TEST_PASSWORD } });
    expect(response.status).toBe(302);
    expect((await send("/applicant", { cookie })).status).toBe(200);
    expect((await send("/applicant", { cookie: other })).status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const changed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.passwordChangedAt).not.toBeNull();
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(302);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(400);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { template: "password-changed" } })).toAddress).toBe(user.email);
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", outcome: "allowed", actorId: user.id } })).toBe(1);
  });

  it("stops guessing of the current password after five tries, even with the right one, and audits it", async () => {
    const { user, cookie } = await signedInAs("applicant");
    const guess = { currentPassword: "not-the-password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (let attempt = 1; attempt <= 5; attempt++) expect((await send("/account/password", { cookie, form: guess })).status, `guess ${attempt}`).toBe(400);
    const refused = await send("/account/password", { cookie, form: { ...guess, currentPassword: TEST_PASSWORD } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many attempts. Wait 15 minutes and try again.");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "throttle.refused", actorId: user.id } })).toBe(1);
  });

  it("uses the registration rules for the new password", async () => {
    const { cookie } = await signedInAs("assessor");
    const response = await send("/account/password", { cookie, form: { currentPassword: TEST_PASSWORD, password: "short", confirmPassword: "other" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Password must be 12 characters or more");
    expect(html).toContain("Passwords do not match");
  });
});

describe("a one-time password", () => {
  it("sends every page to the change-password page until it is changed", async () => {
    const { user, cookie } = await signedInAs("fund_administrator");
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    for (const path of ["/administrator", "/rounds", "/"]) {
      const response = await send(path, { cookie });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location")).toBe("/account/password");
    }
    const page = await send("/account/password", { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("You must choose a new password before you continue");
    const changed = await send("/account/password", {
      cookie,
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(302);
    expect((await send("/administrator", { cookie })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });
});

describe("sessions", () => {
  it("stores only the hash of the token the cookie carries", async () => {
    const { user } = await signedInAs("applicant");
    const response = await signIn(user.email, TEST_PASSWORD);
    const token = await readSessionToken(new Request("http://x", { headers: { Cookie: cookieFrom(response) } }));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(rows.map((r) => r.id)).toContain(hashSessionToken(token!));
    expect(rows.map((r) => r.id)).not.toContain(token);
    // A copy of the database gives nothing a browser can present.
    const replayed = await send("/applicant", { cookie: await cookieFor(hashSessionToken(token!)) });
    expect(replayed.status).toBe(302);
  });

  it("ends after 30 minutes without a request, and returns the user to the page after signing in again", async () => {
    const { user, cookie } = await signedInAs("assessor");
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) } });
    const response = await send("/assessor?tab=1", { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: "/assessor?tab=1" })}`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const again = await send("/sign-in", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/assessor?tab=1" } });
    expect(again.headers.get("Location")).toBe("/assessor?tab=1");
  });

  it("writes lastSeenAt at most once a minute, and Stay signed in writes it at once", async () => {
    const { user, cookie } = await signedInAs("assessor");
    const recent = new Date(Date.now() - 20_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: recent } });
    await send("/assessor", { cookie });
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime()).toBe(recent.getTime());
    const older = new Date(Date.now() - 5 * 60_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: older } });
    await send("/assessor", { cookie });
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: recent } });
    const stay = await send("/account/session", { method: "POST", cookie });
    expect(stay.status).toBe(200);
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime()).toBeGreaterThan(recent.getTime());
    expect((await send("/account/session", { cookie })).status).toBe(405);
  });
});

describe("the production server", { timeout: 120_000 }, () => {
  let portal: PortalProcess;
  beforeAll(async () => {
    portal = await startPortal({
      env: {
        DATABASE_URL: process.env.DATABASE_URL!,
        SESSION_SECRET: process.env.SESSION_SECRET!,
        APP_URL: "http://127.0.0.1",
        DEMO_MAILBOX: "yes",
        OUTBOX_WORKER: "off",
      },
    });
  }, 90_000);
  afterAll(async () => {
    await portal?.stop();
  });

  it("uses a __Host- cookie, and marks signed-in responses no-store while assets keep their long cache", async () => {
    const email = `host-${Date.now()}@example.org`;
    await db.user.create({ data: { email, name: "Host Cookie", role: "applicant", passwordHash: await hashPassword(TEST_PASSWORD) } });
    const signInResponse = await fetch(`${portal.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: portal.url },
      body: new URLSearchParams({ email, password: TEST_PASSWORD, redirectTo: "" }),
    });
    expect(signInResponse.status).toBe(302);
    const setCookie = signInResponse.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-csf_session=/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(";")[0]!;

    const page = await fetch(`${portal.url}/applicant`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const html = await page.text();
    const asset = /\/assets\/[^"]+\.(?:css|js)/.exec(html)?.[0];
    expect(asset, "the page links an asset").toBeTruthy();
    const assetResponse = await fetch(`${portal.url}${asset}`, { headers: { Cookie: cookie } });
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get("Cache-Control")).toMatch(/max-age=31536000/);
    const anonymous = await fetch(`${portal.url}/rounds`);
    expect(anonymous.headers.get("Cache-Control") ?? "").not.toContain("no-store");
  });
});

describe("the create-admin command", () => {
  it("makes an admin with a one-time password printed once, that must be changed at first sign-in", async () => {
    const printed: string[] = [];
    const code = await createAdmin(["--email", "First.Admin@Example.org", "--name", "First Admin"], (line) => printed.push(line));
    expect(code).toBe(0);
    const password = /One-time password \(shown once, not stored\): (\S+)/.exec(printed.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.org" } });
    expect(user).toMatchObject({ role: "admin", mustChangePassword: true });
    expect(user.passwordHash).not.toContain(password);
    expect(await db.auditEvent.count({ where: { action: "user.created", subjectId: user.id } })).toBe(1);

    const signedIn = await signIn("first.admin@example.org", password!);
    expect(signedIn.status).toBe(302);
    const cookie = cookieFrom(signedIn);
    // An admin sets up the authenticator app first (ADR 0020), then chooses a password.
    expect((await send("/admin", { cookie })).headers.get("Location")).toMatch(/^\/account\/two-factor\/set-up/);
    await send("/account/two-factor/set-up", { cookie });
    const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await send("/account/two-factor/set-up", { cookie, form: { code: totpCode(totpSecret!, totpStep()) } })).status).toBe(200);
    const home = await send("/admin", { cookie });
    expect(home.headers.get("Location")).toBe("/account/password");
    await send("/account/password", { cookie, form: { currentPassword: password!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } });
    expect((await send("/admin", { cookie })).status).toBe(200);
  });

  it("refuses an email address that already has an account, and bad arguments", async () => {
    const { user } = await signedInAs("applicant");
    const errors: string[] = [];
    expect(
      await createAdmin(
        ["--email", user.email, "--name", "Someone"],
        () => {},
        (line) => errors.push(line),
      ),
    ).toBe(1);
    expect(errors.join("\n")).toContain("An account with this email address already exists");
    expect(
      await createAdmin(
        ["--email", "not-an-email", "--name", "X"],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(
      await createAdmin(
        ["--name", "X"],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(0);
  });
});

describe("the demo seed", () => {
  it("refuses to run in production unless DEMO_DATA=yes", () => {
    const result = spawnSync("node_modules/.bin/tsx", ["prisma/seed.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to seed demo data: NODE_ENV is production.");
    expect(result.stderr).toContain("npm run create-admin");
  });
});

describe("emails that carry a one-time link", () => {
  let mail: TestMailServer;
  beforeAll(async () => {
    mail = await startMailServer();
  });
  afterAll(async () => {
    await mail?.stop();
  });

  it("are delivered whole, then their stored bodies are cleared in the same update that marks them sent", async () => {
    const { user } = await signedInAs("applicant");
    expect(await requestPasswordReset(user.email)).toBe("queued");
    const { user: owner } = await signedInAs("applicant");
    const organisation = await db.organisation.create({
      data: {
        name: "Link Test Group",
        type: "unincorporated_group",
        addressLine1: "1 Front Street",
        town: "Durham",
        postcode: "DH1 3NP",
        contactName: owner.name,
        contactEmail: owner.email,
        members: { create: { userId: owner.id, role: "owner" } },
      },
    });
    expect((await inviteColleague({ organisationId: organisation.id, inviter: owner, email: "colleague@example.org" })).ok).toBe(true);
    expect(await db.outboxEmail.count({ where: { carriesSecret: true } })).toBe(2);

    const sender = createOutboxSender({ smtpUrl: mail.url });
    try {
      expect((await sender.deliverDue()).sent).toBe(2);
    } finally {
      sender.close();
    }
    for (const [to, pattern] of [
      [user.email, /\/reset-password\/([A-Za-z0-9_-]{43})/],
      ["colleague@example.org", /\/invitations\/([A-Za-z0-9_-]{43})/],
    ] as const) {
      const received = mail.received.find((m) => m.envelope.to.includes(to));
      const token = pattern.exec(received?.parsed.text ?? "")?.[1];
      expect(token, `the delivered email to ${to} carries its link`).toBeTruthy();
      const row = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: to } });
      expect(row.status).toBe("sent");
      expect(row.bodyClearedAt).not.toBeNull();
      expect(row.text).toBe(CLEARED_BODY_TEXT);
      expect(row.html).not.toContain(token);
      expect(row.text).not.toContain(token);
    }
    // The delivered link still works: only the stored copy is gone.
    const resetToken = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.received.find((m) => m.envelope.to.includes(user.email))!.parsed.text ?? "")![1];
    expect((await send(`/reset-password/${resetToken}`)).status).toBe(200);
  });

  it("show the admin that a link was sent, not the link", async () => {
    const { cookie } = await signedInAs("admin");
    const { user } = await signedInAs("applicant");
    await requestPasswordReset(user.email);
    const sender = createOutboxSender({ smtpUrl: mail.url });
    await sender.deliverDue();
    sender.close();
    const row = await db.outboxEmail.findFirstOrThrow({ where: { template: "password-reset" } });
    const html = await (await send(`/admin/outbox/${row.id}`, { cookie })).text();
    expect(html).toContain("A one-time link was sent");
    expect(html).not.toContain("/reset-password/");
  });

  it("keep their body in the demo mailbox, which is their delivery", async () => {
    const { user } = await signedInAs("applicant");
    await requestPasswordReset(user.email);
    await createOutboxSender({ smtpUrl: null }).deliverDue();
    const row = await db.outboxEmail.findFirstOrThrow({ where: { template: "password-reset" } });
    expect(row).toMatchObject({ status: "sent", deliveredVia: "mailbox", bodyClearedAt: null });
    expect(row.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
  });
});
