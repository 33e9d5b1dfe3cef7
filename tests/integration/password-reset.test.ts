// Password reset by email link, through the app (send) and the domain functions, on the
// database under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "~/domain/auth/accounts.server";
import { hashResetToken, MAX_RESET_TOKENS_PER_HOUR, requestPasswordReset, resetPassword } from "~/domain/auth/password-reset.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { createOutboxSender } from "~/domain/email/sender.server";
import { db } from "~/lib/db.server";
import { send, signedInAs, TEST_PASSWORD } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { startMailServer, type TestMailServer } from "../support/mail-server";

startEachTestEmpty();

let mail: TestMailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => {
  await mail?.stop();
});

const NEW_PASSWORD = "a-brand-new-password-9";

/**
 * The raw token from the link in the newest reset email delivered to `email`: the outbox is sent
 * through a real SMTP server and the link read from what it received, as the recipient would
 * (the stored body is cleared once sent, ADR 0018).
 */
async function tokenFromEmail(email: string) {
  const sender = createOutboxSender({ smtpUrl: mail.url });
  try {
    await sender.deliverDue();
  } finally {
    sender.close();
  }
  const delivered = mail.received.filter((m) => m.envelope.to.includes(email) && m.parsed.subject?.startsWith("Reset your"));
  const match = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(delivered.at(-1)?.parsed.text ?? "");
  expect(match, "the delivered email's text carries the reset link").not.toBeNull();
  const row = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  expect(row.text, "the stored copy no longer holds the link").not.toContain(match![1]!);
  return match![1]!;
}

async function applicant() {
  const { user, cookie } = await signedInAs("applicant", { email: `nia-${Date.now()}@example.org` });
  return { user, cookie };
}

describe("asking for a reset link", () => {
  it("offers the link on the sign-in page", async () => {
    const html = await (await send("/sign-in")).text();
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain("Forgotten your password?");
  });

  it("answers the same whether or not the account exists, and queues the email only for a real one", async () => {
    const { user } = await applicant();
    const known = await send("/forgot-password", { form: { email: user.email.toUpperCase() } });
    const unknown = await send("/forgot-password", { form: { email: "nobody@example.org" } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const knownHtml = await known.text();
    expect(knownHtml).toContain("If an account exists for that email, we have sent a link");
    expect(await unknown.text()).toBe(knownHtml);

    const emails = await db.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    const token = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(emails[0]).toMatchObject({
      template: "password-reset",
      toAddress: user.email,
      idempotencyKey: emailKeys.passwordReset(token.id),
      status: "pending",
    });
    const raw = await tokenFromEmail(user.email);
    // Only the hash is stored, and the link expires after an hour.
    expect(token.tokenHash).toBe(hashResetToken(raw));
    expect(token.tokenHash).not.toContain(raw);
    expect(emails[0]!.text).toContain(`http://localhost:3000/reset-password/${raw}`);
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("shows a GOV.UK error for an email address in the wrong format and queues nothing", async () => {
    const response = await send("/forgot-password", { form: { email: "not-an-email" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter an email address in the correct format, like name@example.org");
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("sends nothing to a disabled account", async () => {
    const { user } = await applicant();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await requestPasswordReset(user.email)).toBe("no_account");
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it(`creates no more than ${MAX_RESET_TOKENS_PER_HOUR} links an hour for one account`, async () => {
    const { user } = await applicant();
    const now = new Date();
    const outcomes = [];
    for (let i = 0; i < MAX_RESET_TOKENS_PER_HOUR + 2; i++) outcomes.push(await requestPasswordReset(user.email, now));
    expect(outcomes.filter((o) => o === "queued")).toHaveLength(MAX_RESET_TOKENS_PER_HOUR);
    expect(outcomes.at(-1)).toBe("rate_limited");
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(MAX_RESET_TOKENS_PER_HOUR);
    expect(await db.outboxEmail.count()).toBe(MAX_RESET_TOKENS_PER_HOUR);
    // An hour later the account can ask again.
    expect(await requestPasswordReset(user.email, new Date(now.getTime() + 60 * 60 * 1000 + 1))).toBe("queued");
  });

  it(`holds to ${MAX_RESET_TOKENS_PER_HOUR} links an hour when many requests for one account arrive at once`, async () => {
    const { user } = await applicant();
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => requestPasswordReset(user.email, now)));
    expect(outcomes.filter((o) => o === "queued")).toHaveLength(MAX_RESET_TOKENS_PER_HOUR);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(12 - MAX_RESET_TOKENS_PER_HOUR);
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(MAX_RESET_TOKENS_PER_HOUR);
    expect(await db.outboxEmail.count()).toBe(MAX_RESET_TOKENS_PER_HOUR);
  });
});

describe("choosing a new password with the link", () => {
  it("changes the password, signs the account out everywhere, audits it and sends them to sign in", async () => {
    const { user, cookie } = await applicant();
    await db.session.create({ data: { id: `second-session-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await send("/forgot-password", { form: { email: user.email } });
    const token = await tokenFromEmail(user.email);

    const page = await send(`/reset-password/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(await page.text()).toContain("Choose a new password");

    const response = await send(`/reset-password/${token}`, { form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in?password=changed");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The old cookie no longer signs anyone in.
    const home = await send("/applicant", { cookie });
    expect(home.status).toBe(302);
    expect(home.headers.get("Location")).toMatch(/^\/sign-in/);

    expect(await authenticate(user.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(user.email, NEW_PASSWORD)).toMatchObject({ id: user.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", subjectId: user.id } })).toBe(1);
    expect(await (await send("/sign-in?password=changed")).text()).toContain("Your password has been changed");
  });

  it("uses a link once, even when two requests race", async () => {
    const { user } = await applicant();
    await requestPasswordReset(user.email);
    const token = await tokenFromEmail(user.email);
    const form = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const responses = await Promise.all([send(`/reset-password/${token}`, { form }), send(`/reset-password/${token}`, { form })]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 410]);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset" } })).toBe(1);

    const again = await send(`/reset-password/${token}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link has already been used");
    expect(await resetPassword(token, "yet-another-password-1")).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired link with a clear page", async () => {
    const { user } = await applicant();
    const asked = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await requestPasswordReset(user.email, asked);
    const token = await tokenFromEmail(user.email);
    const page = await send(`/reset-password/${token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This link has expired");
    const post = await send(`/reset-password/${token}`, { form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } });
    expect(post.status).toBe(410);
    expect(await authenticate(user.email, TEST_PASSWORD)).toMatchObject({ id: user.id });
  });

  it("refuses an unknown or malformed link with a clear page, never a 500", async () => {
    for (const token of ["a".repeat(43), "short", "..%2F..%2Fetc"]) {
      const page = await send(`/reset-password/${token}`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("This link does not work");
      const post = await send(`/reset-password/${token}`, { form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } });
      expect(post.status).toBe(404);
    }
    expect(await db.auditEvent.count({ where: { action: "user.password_reset" } })).toBe(0);
  });

  it("shows GOV.UK errors for a short or mismatched password and keeps the link usable", async () => {
    const { user } = await applicant();
    await requestPasswordReset(user.email);
    const token = await tokenFromEmail(user.email);
    const response = await send(`/reset-password/${token}`, { form: { password: "short", confirmPassword: "other" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("<title>Error: Choose a new password");
    expect(html).toContain("Password must be 12 characters or more");
    expect(html).toContain("Passwords do not match");
    expect(html).not.toContain('value="short"');
    expect(await db.passwordResetToken.count({ where: { usedAt: null } })).toBe(1);
    expect(await authenticate(user.email, TEST_PASSWORD)).toMatchObject({ id: user.id });
  });

  it("stops the account's other links working once one is used", async () => {
    const { user } = await applicant();
    await requestPasswordReset(user.email);
    const first = await tokenFromEmail(user.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestPasswordReset(user.email);
    const second = await tokenFromEmail(user.email);
    expect(second).not.toBe(first);
    expect(await resetPassword(second, NEW_PASSWORD)).toMatchObject({ ok: true });
    expect(await resetPassword(first, "yet-another-password-1")).toEqual({ ok: false, reason: "used" });
  });
});
