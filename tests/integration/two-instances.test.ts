// Scale-out (ADR 0013): two built portal processes on one PostgreSQL, documents in one S3 bucket,
// and a separate worker sending email to a real SMTP server. Whatever instance a request reaches,
// the outcome is the same: sessions, documents, the pot and the outbox are shared state.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTotpSecret } from "~/domain/auth/totp.server";
import { outboxEmailData } from "~/domain/email/outbox.server";
import { db } from "~/lib/db.server";
import { signedInAs, TEST_PASSWORD } from "../support/app";
import { assignDirectly, createAssessmentRound } from "../support/assessment";
import { applicantWithOrganisation, createDraft, createRound } from "../support/bids";
import { pdfFile } from "../support/documents";
import { currentCode } from "../support/second-factor";
import { startMailServer, type TestMailServer } from "../support/mail-server";
import { startS3Server, type TestS3Server } from "../support/s3-server";
import { startPortal, startWorkerProcess, type ManagedProcess, type PortalProcess } from "../support/servers";
import { testDatabaseKind } from "../setup/test-database";

// SQLite is one file on one machine: the portal supports one instance with it (docs/deployment.md).
const onPostgres = testDatabaseKind() === "postgresql";
if (!onPostgres) console.info("two-instances: skipped on SQLite, which supports one portal instance only; run with TEST_DATABASE=postgresql");

const APP_URL = "https://fund.example.test";
const BUCKET = "csf-documents";

let s3: TestS3Server;
let mail: TestMailServer;
let a: PortalProcess;
let b: PortalProcess;
let worker: ManagedProcess;
let workerEnv: Record<string, string>;

/**
 * The portals run in production, where the session cookie is `__Host-csf_session` (ADR 0018);
 * a session made by the test helpers carries the development name, with the same signed value.
 */
function portalCookie(cookie: string) {
  return cookie.replace(/^csf_session=/, "__Host-csf_session=");
}

function get(portal: PortalProcess, path: string, cookie?: string) {
  return fetch(`${portal.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: portalCookie(cookie) } : {} });
}

function post(portal: PortalProcess, path: string, body: URLSearchParams | FormData, cookie?: string) {
  // What a browser sends: the instance's own origin (the load balancer's, in production).
  return fetch(`${portal.url}${path}`, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { Origin: portal.url, ...(cookie ? { Cookie: portalCookie(cookie) } : {}) },
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!onPostgres)("two portal instances, one worker, one database, one bucket", { timeout: 240_000 }, () => {
  beforeAll(async () => {
    [s3, mail] = await Promise.all([startS3Server(), startMailServer()]);
    await s3.createBucket(BUCKET);
    const common = {
      DATABASE_URL: process.env.DATABASE_URL!,
      SESSION_SECRET: process.env.SESSION_SECRET!,
      APP_URL,
      LOG_LEVEL: "info",
    };
    // Production needs a mail server everywhere (ADR 0018), though only the worker sends.
    const web = { ...common, ...s3.portalEnv(BUCKET), OUTBOX_WORKER: "off", SMTP_URL: mail.url };
    workerEnv = { ...common, NODE_ENV: "production", SMTP_URL: mail.url };
    [a, b, worker] = await Promise.all([startPortal({ env: web }), startPortal({ env: web }), startWorkerProcess({ env: workerEnv })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), worker?.stop()]);
    await Promise.all([s3?.stop(), mail?.stop()]);
  });

  it("both instances are ready: database migrated, bucket reachable", async () => {
    for (const portal of [a, b]) {
      const response = await get(portal, "/readyz");
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ready: true, database: "ok", migrations: "ok", storage: "ok" });
    }
  });

  it("a session started on A is valid on B, and signing out on B ends it on A", async () => {
    const { user } = await signedInAs("applicant");
    const signIn = await post(a, "/sign-in", new URLSearchParams({ email: user.email, password: TEST_PASSWORD }));
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

    const onB = await get(b, "/applicant", cookie);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(user.name);

    expect((await post(b, "/sign-out", new URLSearchParams(), cookie)).status).toBe(302);
    const onA = await get(a, "/applicant", cookie);
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toMatch(/^\/sign-in/);

    // Request logs: one line per request with its id; never the cookie, the session id or the password.
    const logs = [...a.output, ...b.output];
    const requests = logs.filter((line) => line.includes('"msg":"request"')).map((line) => JSON.parse(line) as { requestId: string; path: string });
    expect(requests.some((r) => r.path === "/sign-in" && /^[0-9a-f-]{36}$/.test(r.requestId))).toBe(true);
    const sessionValue = decodeURIComponent(cookie.split("=")[1]!);
    for (const line of logs) {
      expect(line).not.toContain(TEST_PASSWORD);
      expect(line).not.toContain(sessionValue.slice(0, 20));
      expect(line).not.toContain(user.email);
    }
  });

  it("a document uploaded through A is downloaded through B by the assigned assessor", async () => {
    const round = await createRound();
    const applicant = await applicantWithOrganisation();
    const bid = await createDraft(round.id, applicant.organisation.id, applicant.user.id);
    const form = new FormData();
    form.append("kind", "constitution");
    form.append("document", new File([Buffer.from(pdfFile())], "Our constitution.pdf", { type: "application/pdf" }));
    expect((await post(a, `/applicant/bids/${bid.id}/documents`, form, applicant.cookie)).status).toBe(302);
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId: bid.id } });

    await db.bid.update({
      where: { id: bid.id },
      data: { status: "submitted", reference: `CSF-${round.code}-0001`, submittedAt: new Date(), title: "Street safety" },
    });
    const assessor = await signedInAs("assessor");
    const administrator = await signedInAs("fund_administrator");
    await assignDirectly(bid.id, assessor.user.id, administrator.user.id);
    expect((await post(b, `/assessor/bids/${bid.id}`, new URLSearchParams({ conflict: "no" }), assessor.cookie)).status).toBe(302);

    const download = await get(b, `/assessor/bids/${bid.id}/documents/${document.id}`, assessor.cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("Our constitution.pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfFile()))).toBe(true);
    // And not to an assessor who is not assigned, whichever instance is asked.
    const other = await signedInAs("assessor");
    for (const portal of [a, b]) expect((await get(portal, `/assessor/bids/${bid.id}/documents/${document.id}`, other.cookie)).status).toBe(404);
  });

  it("50 concurrent reserve offers split across A and B never overspend the pot, and each award email goes out once with APP_URL links", async () => {
    const setup = await createAssessmentRound({ bids: 50, assessors: 1, assessorsPerBid: 1 });
    const { round, bids, administrator, criteria } = setup;
    const assessor = setup.assessors[0]!;
    const POT = 33 * 100_000;
    await db.round.update({
      where: { id: round.id },
      data: { allocationStatus: "released", outcomesReleasedAt: new Date(), opccSignOffRequired: false, baseAllocationPence: POT, remainingPotPence: POT },
    });
    for (const bid of bids) {
      await db.bid.update({ where: { id: bid.id }, data: { status: "reserve" } });
      await db.assessorAssignment.create({ data: { bidId: bid.id, assessorId: assessor.user.id, assignedById: administrator.user.id } });
      await db.assessment.create({
        data: {
          bidId: bid.id,
          assessorId: assessor.user.id,
          status: "submitted",
          recommendation: "fund",
          submittedAt: new Date(),
          scores: { create: criteria.map((c) => ({ criterionId: c.id, score: 4 })) },
        },
      });
    }
    const sentBefore = mail.received.length;
    // The fund administrator's real session, started by signing in on A and used on both.
    // Fund administrators give an authenticator code after the password (ADR 0020).
    await db.user.update({ where: { id: administrator.user.id }, data: { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } });
    const signIn = await post(a, "/sign-in", new URLSearchParams({ email: administrator.user.email, password: TEST_PASSWORD }));
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const code = await post(a, "/sign-in/code", new URLSearchParams({ code: await currentCode(administrator.user.id), redirectTo: "" }), cookie);
    expect(code.status).toBe(302);
    expect(code.headers.get("location")).not.toMatch(/sign-in/);

    const responses = await Promise.all(
      bids.map((bid, i) =>
        post(
          i % 2 === 0 ? a : b,
          `/administrator/rounds/${round.id}/allocation`,
          new URLSearchParams({ intent: "offer", bidId: bid.id, [`offer.${bid.id}`]: "1000", [`offerConditions.${bid.id}`]: "" }),
          cookie,
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const offered = statuses.filter((s) => s === 200).length;
    // Exactly what fits is awarded; every other request is refused, clearly, and changes nothing.
    expect({ offered, refused: statuses.filter((s) => s === 409).length }).toEqual({ offered: 33, refused: 17 });
    const refusals = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.text()));
    for (const page of refusals)
      expect(page).toContain("These awards total £1,000.00, which is £1,000.00 over the remaining pot of £0.00. Nothing was approved.");

    const awards = await db.award.findMany({
      where: { roundId: round.id, status: { in: ["approved", "released"] } },
      select: { amountPence: true, status: true },
    });
    const { remainingPotPence } = await db.round.findUniqueOrThrow({ where: { id: round.id }, select: { remainingPotPence: true } });
    expect(awards).toHaveLength(33);
    expect(awards.every((award) => award.status === "released" && award.amountPence === 100_000)).toBe(true);
    expect(remainingPotPence).toBe(0);
    expect(await db.bid.count({ where: { roundId: round.id, status: "awarded" } })).toBe(33);

    // The worker sends each award email once; every link in it uses APP_URL, not the instance's address.
    await until(
      "the award emails",
      async () => (await db.outboxEmail.count({ where: { status: { not: "sent" } } })) === 0 && mail.received.length - sentBefore >= offered,
    );
    const awardMails = mail.received.slice(sentBefore);
    expect(awardMails).toHaveLength(offered);
    expect(new Set(awardMails.map((m) => m.parsed.messageId)).size).toBe(offered);
    for (const m of awardMails) {
      const links = [...(m.parsed.text ?? "").matchAll(/https?:\/\/[^\s)>\]]+/g)].map((match) => match[0]);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${APP_URL}/`)).toBe(true);
      expect(m.raw).not.toContain("127.0.0.1");
    }
  });

  it("stopping the worker mid-send and starting it again delivers each queued email exactly once", async () => {
    const run = randomBytes(4).toString("hex");
    const count = 12;
    await db.outboxEmail.createMany({
      data: Array.from({ length: count }, (_, i) =>
        outboxEmailData({
          idempotencyKey: `scale-out-test:${run}:${i}`,
          to: `person${i}@example.org`,
          rendered: { template: "test", subject: `Queued ${run} ${i}`, html: `<p>Email ${i}</p>`, text: `Email ${i}` },
        }),
      ),
    });
    const ours = () => mail.received.filter((m) => m.parsed.subject?.startsWith(`Queued ${run} `));
    // Each message takes a while to be accepted, so the stop lands while one is being sent.
    mail.slowDown(400);
    await until("the first few emails", async () => ours().length >= 3);
    expect(await worker.stop()).toBe(0);
    expect(worker.output.some((line) => line.includes("worker: stopped"))).toBe(true);
    const afterStop = ours().length;
    expect(afterStop).toBeLessThan(count);
    // The email in hand was finished or handed back: none is left claimed by the stopped worker.
    expect(await db.outboxEmail.count({ where: { idempotencyKey: { startsWith: `scale-out-test:${run}:` }, status: "sending" } })).toBe(0);

    mail.slowDown(0);
    worker = await startWorkerProcess({ env: workerEnv });
    await until(
      "every queued email",
      async () => (await db.outboxEmail.count({ where: { idempotencyKey: { startsWith: `scale-out-test:${run}:` }, status: "sent" } })) === count,
    );
    const received = ours();
    expect(received).toHaveLength(count);
    expect(new Set(received.map((m) => m.parsed.subject)).size).toBe(count);
    expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(count);
  });

  it("an instance told to stop finishes the request in progress and exits cleanly", async () => {
    const { cookie } = await signedInAs("applicant");
    // A sign-in whose body is still arriving when the stop signal comes: the request is in progress.
    const encoder = new TextEncoder();
    let finishBody!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("email=nobody%40example.org&"));
        finishBody = () => {
          controller.enqueue(encoder.encode("password=not-the-password"));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${a.url}/sign-in`, {
      method: "POST",
      body,
      headers: { Origin: a.url, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
      duplex: "half",
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 500));
    let exited = false;
    const stopped = a.stop().then((code) => ((exited = true), code));
    await a.waitForOutput(/"msg":"stopping: finishing requests in progress"/);
    // New connections are refused while the one in progress is served.
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow();
    expect(exited).toBe(false);
    finishBody();
    const response = await inFlight;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Enter a correct email address and password");
    expect(await stopped).toBe(0);
    expect(a.output.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    // B carries on alone.
    expect((await get(b, "/applicant", cookie)).status).toBe(200);
  });
});
