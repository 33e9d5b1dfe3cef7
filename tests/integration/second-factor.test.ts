// The staff second factor (ADR 0020) through the built app on the database under test: the code
// step after the password, staff pages refused until it is passed, a code accepted once,
// recovery codes, enrolment, the admin's reset, throttling of codes and the demo code command.
import { describe, expect, it } from "vitest";
import { createAdminAccount } from "~/domain/auth/account-lifecycle.server";
import type { Role } from "~/domain/auth/roles";
import { hashPassword } from "~/domain/auth/password.server";
import { hashRecoveryCode, RECOVERY_CODE_COUNT } from "~/domain/auth/second-factor.server";
import { THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { newTotpSecret, stepStartsAt, totpCode, totpStep } from "~/domain/auth/totp.server";
import { db } from "~/lib/db.server";
import { DEMO_TOTP_SECRETS } from "../../prisma/demo-data";
import { demoCode } from "../../scripts/demo-code";
import { cookieFrom, send, signedInAs, TEST_PASSWORD } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

let counter = 0;

/** A member of staff with a password and, unless `enrolled: false`, an authenticator app set up. */
async function staff(role: Role = "fund_administrator", { enrolled = true, secret = newTotpSecret() } = {}) {
  counter += 1;
  return db.user.create({
    data: {
      email: `staff-${counter}-${Date.now()}@test.csf.test`,
      name: `Staff ${counter}`,
      role,
      passwordHash: await hashPassword(TEST_PASSWORD),
      ...(enrolled ? { totpSecret: secret, totpEnabledAt: new Date() } : {}),
    },
  });
}

/** The password step: returns the session cookie and where the app sent the browser. */
async function signInWithPassword(email: string, password = TEST_PASSWORD) {
  const response = await send("/sign-in", { form: { email, password, redirectTo: "" } });
  expect(response.status).toBe(302);
  return { cookie: cookieFrom(response), location: response.headers.get("Location") };
}

function enterCode(cookie: string, code: string, redirectTo = "") {
  return send("/sign-in/code", { cookie, form: { code, redirectTo } });
}

/** The page's words, without tags, comments or scripts. */
function textOf(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

const sessionOf = (userId: string) => db.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });

describe("signing in with the second factor", () => {
  it("sends the roles that need it to the code step, and not applicants or assessors", async () => {
    for (const role of ["fund_administrator", "opcc_sign_off", "admin"] as const) {
      const user = await staff(role);
      const { location } = await signInWithPassword(user.email);
      const home = { fund_administrator: "/administrator", opcc_sign_off: "/opcc", admin: "/admin" }[role];
      expect(location, role).toBe(`/sign-in/code?${new URLSearchParams({ redirectTo: home })}`);
    }
    for (const role of ["applicant", "assessor"] as const) {
      const { user } = await signedInAs(role);
      expect((await signInWithPassword(user.email)).location, role).toBe(`/${role}`);
    }
  });

  it("refuses every staff page, action and other page until the code is given, checked on the server each time", async () => {
    const user = await staff();
    const { cookie } = await signInWithPassword(user.email);
    const page = await send("/administrator", { cookie });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe(`/sign-in/code?${new URLSearchParams({ redirectTo: "/administrator" })}`);
    // An action is refused the same way, and does nothing.
    const rounds = await db.round.count();
    const post = await send("/administrator/rounds/new", { cookie, form: { name: "A round" } });
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toMatch(/^\/sign-in\/code\?redirectTo=/);
    expect(await db.round.count()).toBe(rounds);
    // Public pages too, and the account pages: nothing but the code step (and signing out).
    for (const path of ["/", "/rounds", "/account/password", "/account/two-factor"]) {
      expect((await send(path, { cookie })).headers.get("Location"), path).toMatch(/^\/sign-in\/code/);
    }
    const codePage = await send("/sign-in/code?redirectTo=%2Fadministrator", { cookie });
    expect(codePage.status).toBe(200);
    expect(await codePage.text()).toContain("Enter the code from your authenticator app");
    expect((await sessionOf(user.id)).secondFactorAt).toBeNull();
  });

  it("accepts the authenticator's code, marks the session verified and goes on to the page asked for", async () => {
    const user = await staff();
    const { cookie } = await signInWithPassword(user.email);
    const response = await enterCode(cookie, totpCode(user.totpSecret!, totpStep()), "/administrator/audit");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/administrator/audit");
    expect((await send("/administrator", { cookie })).status).toBe(200);
    expect((await sessionOf(user.id)).secondFactorAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.second_factor_verified", subjectId: user.id } });
    expect(JSON.parse(audit.details!)).toMatchObject({ method: "totp" });
    // Once verified, the code page sends the session home.
    expect((await send("/sign-in/code", { cookie })).headers.get("Location")).toBe("/administrator");
  });

  it("accepts the codes of the step before and after now, with spaces; refuses a wrong code and audits it", async () => {
    const user = await staff();
    const { cookie } = await signInWithPassword(user.email);
    const wrong = await enterCode(cookie, "000000" === totpCode(user.totpSecret!, totpStep()) ? "111111" : "000000");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Enter a correct code from your authenticator app or an unused recovery code");
    expect((await sessionOf(user.id)).secondFactorAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.second_factor_failed", subjectId: user.id, outcome: "refused" } })).toBe(1);
    const before = totpCode(user.totpSecret!, totpStep() - 1);
    expect((await enterCode(cookie, `${before.slice(0, 3)} ${before.slice(3)}`)).status).toBe(302);
    const again = await signInWithPassword(user.email);
    expect((await enterCode(again.cookie, totpCode(user.totpSecret!, totpStep() + 1))).status).toBe(302);
  });

  it("accepts a code once: the same code again, in another session, is refused as a replay", async () => {
    const user = await staff();
    const code = totpCode(user.totpSecret!, totpStep());
    const first = await signInWithPassword(user.email);
    expect((await enterCode(first.cookie, code)).status).toBe(302);
    const second = await signInWithPassword(user.email);
    const replayed = await enterCode(second.cookie, code);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain("That code has already been used");
    expect((await sessionOf(user.id)).secondFactorAt).toBeNull();
    const failed = await db.auditEvent.findFirstOrThrow({ where: { action: "user.second_factor_failed", subjectId: user.id } });
    expect(JSON.parse(failed.details!)).toEqual({ reason: "replayed" });
    // An earlier step than the one used is refused too; a later one is accepted.
    const step = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep!;
    expect((await enterCode(second.cookie, totpCode(user.totpSecret!, step - 1))).status).toBe(400);
    expect((await enterCode(second.cookie, totpCode(user.totpSecret!, step + 1))).status).toBe(302);
  });

  it("lets two sign-ins racing with one code have it once between them", async () => {
    const user = await staff();
    const a = await signInWithPassword(user.email);
    const b = await signInWithPassword(user.email);
    const code = totpCode(user.totpSecret!, totpStep());
    const answers = await Promise.all([enterCode(a.cookie, code), enterCode(b.cookie, code)]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 400]);
  });

  it("accepts a recovery code once, marks it used and says how many are left", async () => {
    const user = await staff();
    await db.recoveryCode.createMany({ data: ["abcde-fghjk", "mnpqr-stuvw"].map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })) });
    const first = await signInWithPassword(user.email);
    const used = await enterCode(first.cookie, "ABCDE FGHJK");
    expect(used.status).toBe(302);
    expect(used.headers.get("Location")).toBe("/account/two-factor?used=recovery-code");
    const page = textOf(await (await send("/account/two-factor?used=recovery-code", { cookie: first.cookie })).text());
    expect(page).toContain("You signed in with a recovery code. You have 1 code left.");
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
    const second = await signInWithPassword(user.email);
    expect((await enterCode(second.cookie, "abcde-fghjk")).status).toBe(400);
    expect((await sessionOf(user.id)).secondFactorAt).toBeNull();
    const verified = await db.auditEvent.findFirstOrThrow({ where: { action: "user.second_factor_verified", subjectId: user.id } });
    expect(JSON.parse(verified.details!)).toEqual({ method: "recovery_code", recoveryCodesLeft: 1 });
  });

  it(`throttles codes: the ${THROTTLE_LIMITS.secondFactor.max + 1}th try in 15 minutes is refused with 429, even a right one`, async () => {
    const user = await staff();
    const { cookie } = await signInWithPassword(user.email);
    const right = totpCode(user.totpSecret!, totpStep());
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < THROTTLE_LIMITS.secondFactor.max; i++) expect((await enterCode(cookie, wrong)).status).toBe(400);
    const refused = await enterCode(cookie, right);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await refused.text()).toMatch(/Too many attempts\. Wait \d+ minutes? and try again\./);
    expect((await sessionOf(user.id)).secondFactorAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "throttle.refused", actorId: user.id } })).toBe(1);
  });
});

describe("setting up the authenticator app", () => {
  it("makes staff without an app set one up before anything else, shows the QR code and key, and gives 10 recovery codes once", async () => {
    const user = await staff("opcc_sign_off", { enrolled: false });
    const { cookie, location } = await signInWithPassword(user.email);
    const codeStep = await send(location!, { cookie });
    expect(codeStep.headers.get("Location")).toBe(`/account/two-factor/set-up?${new URLSearchParams({ redirectTo: "/opcc" })}`);
    expect((await send("/opcc", { cookie })).headers.get("Location")).toMatch(/^\/account\/two-factor\/set-up\?redirectTo=%2Fopcc/);

    const setUp = await send("/account/two-factor/set-up?redirectTo=%2Fopcc", { cookie });
    expect(setUp.status).toBe(200);
    const html = await setUp.text();
    const secret = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(html).toContain(secret.match(/.{4}/g)!.join(" "));
    expect(html).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,/);
    // Reloading shows the same secret the app may already have scanned.
    await send("/account/two-factor/set-up", { cookie });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBe(secret);

    const wrong = await send("/account/two-factor/set-up?redirectTo=%2Fopcc", { cookie, form: { code: totpCode(secret, totpStep() + 5) } });
    expect(wrong.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const done = await send("/account/two-factor/set-up?redirectTo=%2Fopcc", { cookie, form: { code: totpCode(secret, totpStep()) } });
    expect(done.status).toBe(200);
    const page = await done.text();
    const codes = [...page.matchAll(/<code class="app-recovery-code">([a-z0-9-]+)<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    expect(page).toContain('href="/opcc"');
    // Only hashes are kept.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect((await send("/opcc", { cookie })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "user.second_factor_enrolled", subjectId: user.id, outcome: "allowed" } })).toBe(1);
    // The codes are not shown again.
    expect(await (await send("/account/two-factor/set-up", { cookie })).text()).not.toContain(codes[0]);

    // Next time: the code step, where a recovery code from the list works.
    const next = await signInWithPassword(user.email);
    expect(next.location).toMatch(/^\/sign-in\/code/);
    expect((await enterCode(next.cookie, codes[3]!)).status).toBe(302);
  });

  it("asks the first admin for the app before the one-time password is changed", async () => {
    const created = await createAdminAccount({ name: "First Admin", email: "first-admin@example.org" });
    if (!created.ok) throw new Error("not created");
    const { cookie } = await signInWithPassword("first-admin@example.org", created.password);
    expect((await send("/account/password", { cookie })).headers.get("Location")).toBe(
      `/account/two-factor/set-up?${new URLSearchParams({ redirectTo: "/account/password" })}`,
    );
    const secret = await send("/account/two-factor/set-up", { cookie }).then(() =>
      db.user.findUniqueOrThrow({ where: { email: "first-admin@example.org" } }).then((u) => u.totpSecret!),
    );
    expect((await send("/account/two-factor/set-up", { cookie, form: { code: totpCode(secret, totpStep()) } })).status).toBe(200);
    expect((await send("/admin", { cookie })).headers.get("Location")).toBe("/account/password");
  });

  it("gives new recovery codes on the account page; the old ones stop working", async () => {
    const { user, cookie } = await signedInAs("admin");
    await db.user.update({ where: { id: user.id }, data: { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } });
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode("oldco-de222") } });
    const status = textOf(await (await send("/account/two-factor", { cookie })).text());
    expect(status).toContain("Recovery codes left 1 of 10");
    const response = await send("/account/two-factor", { cookie, form: { intent: "regenerate" } });
    expect(response.status).toBe(200);
    const codes = [...(await response.text()).matchAll(/<code class="app-recovery-code">([a-z0-9-]+)<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(await db.recoveryCode.count({ where: { userId: user.id, codeHash: hashRecoveryCode("oldco-de222") } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.recovery_codes_regenerated", subjectId: user.id } })).toBe(1);
  });
});

describe("an admin resetting a second factor", () => {
  it("turns it off, ends the account's sessions, emails and audits; the owner must set up an app again", async () => {
    const { user: admin, cookie: adminCookie } = await signedInAs("admin");
    const user = await staff();
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode("abcde-fghjk") } });
    const { cookie } = await signInWithPassword(user.email);
    expect((await enterCode(cookie, totpCode(user.totpSecret!, totpStep()))).status).toBe(302);

    const account = await (await send(`/admin/users/${user.id}`, { cookie: adminCookie })).text();
    expect(account).toContain("Authenticator app set up on");
    expect(await (await send(`/admin/users/${user.id}?confirm=second-factor`, { cookie: adminCookie })).text()).toContain("Reset second factor");
    const response = await send(`/admin/users/${user.id}`, { cookie: adminCookie, form: { intent: "second-factor" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/users/${user.id}?done=second-factor`);

    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await send("/administrator", { cookie })).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.second_factor_reset", subjectId: user.id, outcome: "allowed" } });
    expect(audit.actorId).toBe(admin.id);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { template: "account-change", toAddress: user.email } })).text).toContain(
      "set up an authenticator app again",
    );
    const again = await signInWithPassword(user.email);
    expect((await send("/administrator", { cookie: again.cookie })).headers.get("Location")).toMatch(/^\/account\/two-factor\/set-up/);
  });

  it("never resets one's own, and audits the refusal", async () => {
    const { user: admin, cookie } = await signedInAs("admin");
    await db.user.update({ where: { id: admin.id }, data: { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } });
    expect(await (await send(`/admin/users/${admin.id}?confirm=second-factor`, { cookie })).text()).not.toContain("Reset second factor</button>");
    const response = await send(`/admin/users/${admin.id}`, { cookie, form: { intent: "second-factor" } });
    expect(response.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.second_factor_reset", subjectId: admin.id, outcome: "refused" } })).toBe(1);
  });
});

describe("the demo code command", () => {
  const quiet = () => {};

  it("prints a code the demo account can sign in with, a different one each time, waiting when the window is used up", async () => {
    const secret = DEMO_TOTP_SECRETS["administrator@demo.csf.test"]!;
    const user = await staff("fund_administrator", { secret });
    let clock = new Date(stepStartsAt(totpStep()).getTime() + 10_000);
    const codes: string[] = [];
    const run = async () => {
      const printed: string[] = [];
      const exit = await demoCode(db, [user.email], (line) => printed.push(line), quiet, {
        now: () => clock,
        sleep: async (ms) => {
          clock = new Date(clock.getTime() + ms);
        },
      });
      expect(exit).toBe(0);
      codes.push(printed[0]!);
      // Stand for the sign-in that uses it: the step of the printed code is now used.
      const step = [-1, 0, 1, 2].map((d) => totpStep(clock) + d).find((s) => totpCode(secret, s) === printed[0]);
      await db.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
    };
    for (let i = 0; i < 4; i++) await run();
    expect(new Set(codes).size).toBe(4);
    // The real clock: a code printed now signs in.
    await db.user.update({ where: { id: user.id }, data: { totpLastStep: null } });
    const printed: string[] = [];
    expect(await demoCode(db, [user.email], (line) => printed.push(line), quiet)).toBe(0);
    const { cookie } = await signInWithPassword(user.email);
    expect((await enterCode(cookie, printed[0]!)).status).toBe(302);
  });

  it("refuses in production unless DEMO_DATA=yes, and there prints only the published demo secrets' codes", async () => {
    const demo = await staff("admin", { secret: DEMO_TOTP_SECRETS["admin@demo.csf.test"]! });
    const real = await staff("admin");
    const errors: string[] = [];
    const collect = (line: string) => errors.push(line);
    expect(await demoCode(db, [demo.email], quiet, collect, { environment: { NODE_ENV: "production" } })).toBe(1);
    expect(errors.join("\n")).toContain("Refusing");
    expect(await demoCode(db, [demo.email], quiet, collect, { environment: { NODE_ENV: "production", DEMO_DATA: "yes" } })).toBe(0);
    expect(await demoCode(db, [real.email], quiet, collect, { environment: { NODE_ENV: "production", DEMO_DATA: "yes" } })).toBe(1);
    expect(await demoCode(db, [], quiet, collect)).toBe(2);
  });
});
