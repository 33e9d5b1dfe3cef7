// Throttling held in the database (ADR 0016), through the built app on the database under test:
// per account and per address, requests at once, the 429 answer, the audit trail, the sliding
// window and pruning.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneThrottleHits, THROTTLE_LIMITS, throttleKey, type ThrottleLimit } from "~/domain/auth/throttle.server";
import { hashSessionToken } from "~/domain/auth/session.server";
import { db } from "~/lib/db.server";
import { send, signedInAs, TEST_PASSWORD } from "../support/app";
import { applicantWithOrganisation } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

// The other suites raise the per-address limits (tests/setup/worker-setup.ts); here they are real.
const raisedFactor = process.env.THROTTLE_ADDRESS_FACTOR;
beforeAll(() => {
  process.env.THROTTLE_ADDRESS_FACTOR = "1";
});
afterAll(() => {
  process.env.THROTTLE_ADDRESS_FACTOR = raisedFactor;
});

const MINUTE = 60_000;
const TOO_MANY = /Too many attempts\. Wait \d+ minutes? and try again\./;

function signIn(email: string, password: string, clientAddress = "192.0.2.10") {
  return send("/sign-in", { form: { email, password, redirectTo: "" }, clientAddress });
}

/** Hits as if made `ago` ms before now, for the sliding window. */
async function pastHits(limit: ThrottleLimit, value: string, count: number, ago: number) {
  const createdAt = new Date(Date.now() - ago);
  for (let i = 0; i < count; i++) await db.rateLimitHit.create({ data: { scope: limit.scope, key: throttleKey(value), createdAt } });
}

async function expectThrottled(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("Retry-After"));
  expect(retryAfter).toBeGreaterThan(0);
  const html = await response.text();
  expect(html).toMatch(TOO_MANY);
  expect(html).toContain("govuk-error-summary");
  return { retryAfter, html };
}

describe("signing in", () => {
  it(`refuses the ${THROTTLE_LIMITS.signInAccount.max + 1}th attempt on one account in 15 minutes with 429, Retry-After and a GOV.UK message`, async () => {
    const { user } = await signedInAs("admin");
    for (let i = 0; i < THROTTLE_LIMITS.signInAccount.max; i++) expect((await signIn(user.email, "wrong-password-123")).status).toBe(400);
    // Even the right password is not tried now: the throttle answers before the password check.
    const { retryAfter } = await expectThrottled(await signIn(user.email, TEST_PASSWORD));
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(await db.session.count({ where: { userId: user.id, id: { not: hashSessionToken(`test-session-${user.id}`) } } })).toBe(0);
    // Another account from the same address is not held back by this one's failures.
    const other = await signedInAs("assessor");
    expect((await signIn(other.user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("counts an unknown address the same way as a real account (no enumeration)", async () => {
    for (let i = 0; i < THROTTLE_LIMITS.signInAccount.max; i++) expect((await signIn("nobody@example.org", "wrong-password-123")).status).toBe(400);
    await expectThrottled(await signIn("NOBODY@example.org", "wrong-password-123"));
  });

  it("audits a refusal with its scope and the hashed key, never the email or password", async () => {
    const { user } = await signedInAs("applicant");
    await pastHits(THROTTLE_LIMITS.signInAccount, user.email, THROTTLE_LIMITS.signInAccount.max, MINUTE);
    await expectThrottled(await signIn(user.email, "a-guessed-password-1"));
    const events = await db.auditEvent.findMany({ where: { action: "throttle.refused" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.outcome).toBe("refused");
    const details = JSON.parse(events[0]!.details!) as { scope: string; key: string };
    expect(details).toEqual({ scope: "sign-in:account", key: createHash("sha256").update(user.email.toLowerCase()).digest("hex") });
    expect(JSON.stringify(events)).not.toContain(user.email);
    expect(JSON.stringify(events)).not.toContain("a-guessed-password-1");
    // The refused attempt took its hit back: retrying while refused does not lengthen the wait.
    expect(await db.rateLimitHit.count({ where: { scope: "sign-in:account" } })).toBe(THROTTLE_LIMITS.signInAccount.max);
  });

  it("clears an account's failures when its owner signs in, but keeps counting the address", async () => {
    const { user } = await signedInAs("applicant");
    for (let i = 0; i < THROTTLE_LIMITS.signInAccount.max - 1; i++) await signIn(user.email, "wrong-password-123");
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    expect(await db.rateLimitHit.count({ where: { scope: "sign-in:account" } })).toBe(0);
    expect(await db.rateLimitHit.count({ where: { scope: "sign-in:address" } })).toBe(THROTTLE_LIMITS.signInAccount.max);
    for (let i = 0; i < THROTTLE_LIMITS.signInAccount.max; i++) expect((await signIn(user.email, "wrong-password-123")).status).toBe(400);
    await expectThrottled(await signIn(user.email, "wrong-password-123"));
  });

  it(`refuses an address after ${THROTTLE_LIMITS.signInAddress.max} attempts in 15 minutes across any accounts; other addresses carry on`, async () => {
    const { user } = await signedInAs("applicant");
    await pastHits(THROTTLE_LIMITS.signInAddress, "198.51.100.7", THROTTLE_LIMITS.signInAddress.max, MINUTE);
    await expectThrottled(await signIn(user.email, TEST_PASSWORD, "198.51.100.7"));
    expect((await signIn(user.email, TEST_PASSWORD, "198.51.100.8")).status).toBe(302);
  });

  it("lets no more than the limit through when requests arrive at once", async () => {
    const { user } = await signedInAs("applicant");
    const max = THROTTLE_LIMITS.signInAccount.max;
    // One attempt left: two at once, only one may be tried.
    await pastHits(THROTTLE_LIMITS.signInAccount, user.email, max - 1, MINUTE);
    const pair = await Promise.all([signIn(user.email, "wrong-password-123"), signIn(user.email, "wrong-password-456")]);
    const pairStatuses = pair.map((r) => r.status).sort();
    expect(pairStatuses.filter((s) => s === 400).length).toBeLessThanOrEqual(1);
    expect(pairStatuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);

    // From none: twelve at once, at most the limit are tried.
    await db.rateLimitHit.deleteMany();
    await db.auditEvent.deleteMany();
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(user.email, `wrong-password-${i}00`)));
    const tried = many.filter((r) => r.status === 400).length;
    expect(tried).toBeLessThanOrEqual(max);
    expect(many.filter((r) => r.status === 429).length).toBe(12 - tried);
    expect(await db.auditEvent.count({ where: { action: "user.sign_in_failed" } })).toBe(tried);
  });

  it("slides the window: hits older than 15 minutes no longer count, and the wait is until the oldest counted one leaves", async () => {
    const { user } = await signedInAs("applicant");
    await pastHits(THROTTLE_LIMITS.signInAccount, user.email, 10, 16 * MINUTE);
    expect((await signIn(user.email, "wrong-password-123")).status).toBe(400);
    await db.rateLimitHit.deleteMany();
    await pastHits(THROTTLE_LIMITS.signInAccount, user.email, 2, 14 * MINUTE);
    await pastHits(THROTTLE_LIMITS.signInAccount, user.email, 3, 5 * MINUTE);
    const { retryAfter } = await expectThrottled(await signIn(user.email, TEST_PASSWORD));
    // The oldest of the five leaves the window in a minute.
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

describe("registering, resetting and inviting", () => {
  const registration = (email: string, clientAddress = "192.0.2.20") => send("/register", { form: { email }, clientAddress });

  it(`allows ${THROTTLE_LIMITS.registerAddress.max} registration emails an hour from one address`, async () => {
    for (let i = 0; i < THROTTLE_LIMITS.registerAddress.max; i++) expect((await registration(`nia-${i}@example.org`)).status).toBe(200);
    await expectThrottled(await registration("nia-99@example.org"));
    expect(await db.outboxEmail.count({ where: { toAddress: "nia-99@example.org" } })).toBe(0);
    expect((await registration("nia-100@example.org", "192.0.2.21")).status).toBe(200);
  });

  it(`sends at most ${THROTTLE_LIMITS.registerAccount.max} registration emails an hour to one address, with or without an account`, async () => {
    const { user } = await signedInAs("applicant", { email: "known@example.org" });
    let from = 40;
    const ask = (email: string) => registration(email, `192.0.2.${from++}`);
    for (let i = 0; i < THROTTLE_LIMITS.registerAccount.max; i++) {
      expect((await ask(user.email)).status).toBe(200);
      expect((await ask("unknown@example.org")).status).toBe(200);
    }
    const known = await expectThrottled(await ask(user.email));
    const unknown = await expectThrottled(await ask("unknown@example.org"));
    expect(unknown.html.replace(/unknown@example\.org/g, "X")).toBe(known.html.replace(/known@example\.org/g, "X"));
    expect(await db.outboxEmail.count()).toBe(2 * THROTTLE_LIMITS.registerAccount.max);
  });

  it("gives the same 429 page for a known and an unknown address after three reset requests an hour", async () => {
    const { user } = await signedInAs("applicant", { email: "known@example.org" });
    const ask = (email: string) => send("/forgot-password", { form: { email }, clientAddress: "192.0.2.30" });
    for (let i = 0; i < THROTTLE_LIMITS.resetAccount.max; i++) {
      expect((await ask(user.email)).status).toBe(200);
      expect((await ask("unknown@example.org")).status).toBe(200);
    }
    const known = await expectThrottled(await ask(user.email));
    const unknown = await expectThrottled(await ask("unknown@example.org"));
    expect(unknown.html.replace(/unknown@example\.org/g, "X")).toBe(known.html.replace(/known@example\.org/g, "X"));
    expect(await db.outboxEmail.count()).toBe(THROTTLE_LIMITS.resetAccount.max);
  });

  it(`refuses reset requests from an address after ${THROTTLE_LIMITS.resetAddress.max} an hour`, async () => {
    for (let i = 0; i < THROTTLE_LIMITS.resetAddress.max; i++) {
      expect((await send("/forgot-password", { form: { email: `someone-${i}@example.org` }, clientAddress: "192.0.2.31" })).status).toBe(200);
    }
    await expectThrottled(await send("/forgot-password", { form: { email: "one-more@example.org" }, clientAddress: "192.0.2.31" }));
  });

  it(`allows ${THROTTLE_LIMITS.organisationInvitation.max} organisation invitations a day per person`, async () => {
    const { user, cookie, organisation } = await applicantWithOrganisation();
    await pastHits(THROTTLE_LIMITS.organisationInvitation, user.id, THROTTLE_LIMITS.organisationInvitation.max - 1, 23 * 60 * MINUTE);
    const invite = (email: string) => send(`/applicant/organisations/${organisation.id}/invite`, { cookie, form: { email } });
    expect((await invite("friend-1@example.org")).status).toBe(302);
    const { retryAfter } = await expectThrottled(await invite("friend-2@example.org"));
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    expect(await db.organisationInvitation.count()).toBe(1);
  });

  it(`allows ${THROTTLE_LIMITS.staffInvitation.max} new staff accounts a day per admin`, async () => {
    const { user, cookie } = await signedInAs("admin");
    await pastHits(THROTTLE_LIMITS.staffInvitation, user.id, THROTTLE_LIMITS.staffInvitation.max, 60 * MINUTE);
    const response = await send("/admin/staff/new", {
      cookie,
      form: { name: "Sam Patel", email: "sam@example.org", role: "assessor", password: "a-long-password-1" },
    });
    await expectThrottled(response);
    expect(await db.user.count({ where: { email: "sam@example.org" } })).toBe(0);
    // A signed-in person's refusal is audited against them.
    expect(await db.auditEvent.count({ where: { action: "throttle.refused", actorId: user.id } })).toBe(1);
  });
});

describe("pruning", () => {
  it("deletes hits older than a day and keeps the rest", async () => {
    await pastHits(THROTTLE_LIMITS.signInAddress, "192.0.2.40", 3, 25 * 60 * MINUTE);
    await pastHits(THROTTLE_LIMITS.signInAddress, "192.0.2.40", 2, 60 * MINUTE);
    expect(await pruneThrottleHits()).toBe(3);
    expect(await db.rateLimitHit.count()).toBe(2);
  });
});
