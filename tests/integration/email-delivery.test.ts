// The outbox sender against a real SMTP server (smtp-server on 127.0.0.1), on the database under
// test: every template arrives as rendered; refusals and outages delay mail but never lose it;
// any number of senders deliver each email exactly once. The sender's clock is moved forward
// instead of waiting for back-off.
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueEmail, type RenderedEmail } from "~/domain/email/outbox.server";
import { CLAIM_MS, createOutboxSender, startOutboxWorker, type OutboxSenderOptions } from "~/domain/email/sender.server";
import { retryDelayMs } from "~/domain/email/retry";
import { db } from "~/lib/db.server";
import { EMAIL_TEMPLATES, renderOrganisationInvitation, renderSubmissionReceipt, submissionReceiptSample, type EmailTemplateName } from "../../emails";
import { startEachTestEmpty } from "../support/database";
import { startMailServer, type ReceivedMail, type TestMailServer } from "../support/mail-server";

startEachTestEmpty();

const FROM = "Community Safety Fund <no-reply@csf.test>";
const MINUTE = 60_000;

let mail: TestMailServer;
let clock: Date;
const senders: { close(): void }[] = [];

beforeEach(async () => {
  mail = await startMailServer();
  clock = new Date();
});

afterEach(async () => {
  for (const sender of senders.splice(0)) sender.close();
  mail.refuseAll(false);
  await mail.stop();
});

function sender(options: OutboxSenderOptions = {}) {
  const created = createOutboxSender({ smtpUrl: mail.url, from: FROM, now: () => clock, ...options });
  senders.push(created);
  return created;
}

/** Moves the senders' clock on (never backwards), so rows queued "now" are due. */
function advance(ms: number) {
  clock = new Date(Math.max(clock.getTime(), Date.now()) + ms);
}

async function queue(idempotencyKey: string, rendered: RenderedEmail, to = "nia@example.org") {
  await queueEmail(db, { idempotencyKey, to, rendered });
  return db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey } });
}

const receipt = () => renderSubmissionReceipt(submissionReceiptSample);
const textOf = (m: ReceivedMail) => (m.parsed.text ?? "").replace(/\r\n/g, "\n").trim();

describe("each email type", () => {
  // What must be in each email's text, beyond the text being exactly what was rendered.
  const mustSay: Record<EmailTemplateName, string[]> = {
    "submission-receipt": [
      "We have received your bid",
      "Bid reference: CSF-2526-R1-0042",
      "Title: Street safe Stanley",
      "Funding round: 2025 to 2026, round 1",
      "£8,500.00",
    ],
    "assessor-assignment": ["You have a bid to assess", "Bid reference: CSF-2526-R1-0042", "conflict of interest", "http://localhost:3000/assessor"],
    "assessor-removal": [
      "You no longer need to assess a bid",
      "Bid reference: CSF-2526-R1-0042",
      "draft assessment you started has been kept",
      "http://localhost:3000/assessor",
    ],
    "outcome-award": [
      "Your bid has been awarded funding",
      "Amount awarded: £18,500.00",
      "Amount requested: £22,000.00",
      "Report the number of mentees",
      "Funded by the Police and Crime Commissioner: £14,800.00",
      "Match funding from the fund administrator: £3,700.00",
      "Accept or decline the award by 14 March 2026.",
      "http://localhost:3000/applicant/bids/sample/award",
      "http://localhost:3000/applicant/bids/sample/outcome",
    ],
    "award-money-back": [
      "£8,500.00 is back in the pot",
      "Safe Streets CIC has declined its award.",
      "Their reason: Our venue has closed.",
      "http://localhost:3000/administrator/rounds/sample/awards",
    ],
    "outcome-reserve": ["Your bid is on the reserve list", "Bid reference: CSF-2526-R1-0001", "31 March 2026"],
    "outcome-decline": ["Your bid has not been funded", "Feedback from the fund team:", "the outcomes were hard to measure"],
    "outcome-ineligible": [
      "Your bid is not eligible for this round",
      "Why the bid is not eligible: The project is outside the eligible areas",
      "which is outside the force area",
      "http://localhost:3000/applicant/bids/sample/outcome",
    ],
    "eoi-receipt": ["Expression of interest received", "Title: Night-time economy street pastors", "Roughly how much: £25,000.00", "29 May 2026"],
    "eoi-invitation": ["You are invited to make a full bid", "What we thought: A clear need", "31 July 2026", "http://localhost:3000/applicant/bids/example"],
    "eoi-not-invited": ["not inviting a full bid", "Our feedback: The project fits the priorities", "future rounds"],
    "organisation-invitation": ["Asha Patel has invited you to join Darlington Youth Outreach", "http://localhost:3000/invitations/sample-token"],
    "password-reset": ["Reset your password", "http://localhost:3000/reset-password/sample-token", "60 minutes"],
    "registration-link": ["Finish creating your account", "http://localhost:3000/register/sample-token", "24 hours"],
    "registration-account-exists": ["You already have an account", "http://localhost:3000/sign-in", "http://localhost:3000/forgot-password"],
    "password-changed": ["Your password was changed", "has been signed out", "http://localhost:3000/forgot-password"],
    "account-change": ["Your role has changed", "from Assessor to Fund administrator"],
    "deadline-reminder": ["Your bid has not been submitted yet", "Closes: 4 July 2025 at midday", "Friday night detached youth work"],
    "report-reminder": [
      "Your monitoring report is due soon",
      "Report: Mid-point report",
      "Due: 1 October 2026",
      "http://localhost:3000/applicant/bids/sample/reports/sample",
    ],
    "report-review": [
      "Your monitoring report needs changes",
      "Comment from the fund team:",
      "attendance summary",
      "Make the changes and submit the report again.",
    ],
    "report-submitted": [
      "A monitoring report is ready to review",
      "Report: Mid-point report",
      "http://localhost:3000/administrator/rounds/sample/reports/sample",
    ],
    "award-response": ["You have accepted your award", "Award: £18,500.00", "Mid-point report, due", "http://localhost:3000/applicant/bids/example/award"],
    "acceptance-reminder": ["Please accept or decline your award", "Bid reference: CSF-2526-R1-0002", "http://localhost:3000/applicant/bids/example/award"],
    "award-return": ["Unspent money returned", "Returned so far: £1,200.00", "The summer sessions cost less than planned."],
  };

  it("arrives with its subject, text, HTML and the row's Message-ID", async () => {
    const names = Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[];
    const rendered = new Map<string, RenderedEmail>();
    for (const name of names) {
      const email = await EMAIL_TEMPLATES[name].renderSample();
      rendered.set(name, email);
      await queue(`test:${name}`, email, `${name}@example.org`);
    }
    advance(0);
    expect(await sender().deliverDue()).toEqual({ sent: names.length, retrying: 0, failed: 0 });

    expect(mail.received).toHaveLength(names.length);
    for (const name of names) {
      const message = mail.received.find((m) => m.envelope.to[0] === `${name}@example.org`);
      expect(message, name).toBeDefined();
      const row = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `test:${name}` } });
      const email = rendered.get(name)!;
      expect(message!.parsed.subject).toBe(email.subject);
      expect(textOf(message!)).toBe(email.text.trim());
      for (const phrase of mustSay[name]) expect(textOf(message!), `${name} says "${phrase}"`).toContain(phrase);
      expect(message!.parsed.html).toContain("Community Safety Fund");
      expect(message!.parsed.messageId).toBe(row.messageId);
      expect(message!.parsed.from?.text).toBe('"Community Safety Fund" <no-reply@csf.test>');
      expect(message!.parsed.headers.get("auto-submitted")).toBe("auto-generated");
      expect(row).toMatchObject({ status: "sent", deliveredVia: "smtp", attempts: 1, lastError: null, lockedUntil: null });
    }
  });
});

describe("when the mail server refuses or is down", () => {
  it("retries after a 421 refusal with back-off and delivers once", async () => {
    const row = await queue("test:refused", await receipt());
    mail.refuseNextConnections(1);
    advance(0);
    const firstTry = clock;

    expect(await sender().deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, sentAt: null, lockedUntil: null });
    expect(waiting.lastError).toContain("421");
    expect(waiting.nextAttemptAt.getTime()).toBe(firstTry.getTime() + retryDelayMs(1));
    expect(mail.received).toHaveLength(0);

    // Not due yet: a sender running in the meantime leaves it alone.
    clock = new Date(firstTry.getTime() + retryDelayMs(1) - 1);
    expect(await sender().deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    clock = new Date(firstTry.getTime() + retryDelayMs(1));
    expect(await sender().deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await sender().deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.parsed.messageId).toBe(row.messageId);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("keeps a decision and its email while the server is down, and delivers when it is back", async () => {
    const bid = await makeSubmittedBid();
    await mail.stop();

    const rendered = await EMAIL_TEMPLATES["outcome-decline"].renderSample();
    await db.$transaction(async (tx) => {
      const decided = await tx.bid.update({ where: { id: bid.id }, data: { status: "declined", decidedAt: new Date(), decisionVersion: { increment: 1 } } });
      await queueEmail(tx, { idempotencyKey: `outcome:${bid.id}:${decided.decisionVersion}`, to: "applicant@example.org", rendered });
    });

    // Three tries during the outage, each after its back-off.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      advance(attempt === 1 ? 0 : retryDelayMs(attempt - 1));
      expect(await sender().deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    }
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("declined");
    const waiting = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `outcome:${bid.id}:1` } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 3 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);

    await mail.start();
    advance(retryDelayMs(3));
    expect(await sender().deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.parsed.subject).toBe(rendered.subject);
    expect(mail.received[0]!.parsed.messageId).toBe(waiting.messageId);
  });

  it("marks an email failed after the last attempt, for an admin to retry", async () => {
    const row = await queue("test:always-refused", await receipt());
    mail.refuseAll(true);
    advance(0);
    expect(await sender({ maxAttempts: 2 }).deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    advance(retryDelayMs(1));
    expect(await sender({ maxAttempts: 2 }).deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    advance(24 * 60 * MINUTE);
    expect(await sender({ maxAttempts: 2 }).deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed.lastError).toContain("421");
  });
});

describe("senders running at the same time", () => {
  it("deliver each email exactly once: two in this process and two worker processes", async () => {
    const rendered = await receipt();
    const count = 40;
    for (let i = 0; i < count; i += 1) await queue(`test:race:${i}`, rendered, `person-${i}@example.org`);
    // Each acceptance takes a moment, so the four senders overlap for the whole run.
    mail.slowDown(15);
    advance(0);

    const workerProcesses = [runWorkerProcess(), runWorkerProcess()];
    const inProcess = await Promise.all([sender({ now: () => new Date() }).deliverDue(), sender({ now: () => new Date() }).deliverDue()]);
    await Promise.all(workerProcesses);

    const ids = mail.received.map((m) => m.parsed.messageId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(new Set(mail.received.map((m) => m.envelope.to[0])).size).toBe(count);
    expect(await db.outboxEmail.count({ where: { status: "sent" } })).toBe(count);
    expect(inProcess.every((report) => report.retrying === 0 && report.failed === 0)).toBe(true);
  });

  it("takes over an email whose sender stopped mid-send once its claim runs out", async () => {
    const row = await queue("test:abandoned", await receipt());
    advance(0);
    // What a sender that crashed after claiming leaves behind.
    await db.outboxEmail.update({ where: { id: row.id }, data: { status: "sending", attempts: 1, lockedUntil: new Date(clock.getTime() + CLAIM_MS) } });

    expect(await sender().deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock = new Date(clock.getTime() + CLAIM_MS + 1);
    expect(await sender().deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(mail.received).toHaveLength(1);
    // Same Message-ID as any copy the stopped sender may have got out: a recognisable duplicate.
    expect(mail.received[0]!.parsed.messageId).toBe(row.messageId);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("the in-process worker sends what is due and stops cleanly", async () => {
    await queue("test:worker", await receipt());
    const stop = startOutboxWorker({ sender: sender({ now: () => new Date() }), intervalMs: 60 * MINUTE, log: { info: () => {}, error: console.error } });
    // stop() waits for the round already running, so the email has been dealt with by now.
    await stop();
    expect(mail.received).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { status: "sent" } })).toBe(1);
  });
});

describe("header safety", () => {
  it("keeps line breaks in titles and names out of the headers", async () => {
    const title = "Street safe\r\nBcc: attacker@example.org\r\nX-Injected: yes";
    const receiptEmail = await renderSubmissionReceipt({ ...submissionReceiptSample, bidTitle: title });
    const invitation = await EMAIL_TEMPLATES["organisation-invitation"].renderSample();
    const invitationWithBadName = await renderOrganisationInvitation({
      inviterName: "Asha\nContent-Type: text/plain\n\nHello",
      organisationName: "Darlington\rYouth Outreach",
      acceptUrl: "http://localhost:3000/invitations/x",
      expiresAt: new Date("2025-06-09T17:00:00Z"),
    });
    await queue("test:inject-title", receiptEmail);
    await queue("test:inject-name", invitationWithBadName, "invitee@example.org");
    // A row written some other way than queueEmail is made safe again when it is sent.
    await db.outboxEmail.create({
      data: {
        idempotencyKey: "test:raw",
        template: "organisation-invitation",
        toAddress: "raw@example.org",
        subject: "Hello\r\nBcc: attacker@example.org",
        html: invitation.html,
        text: invitation.text,
        messageId: "<raw-row@csf.test>",
      },
    });
    advance(0);
    expect(await sender().deliverDue()).toEqual({ sent: 3, retrying: 0, failed: 0 });

    expect(mail.received).toHaveLength(3);
    for (const message of mail.received) {
      const headerBlock = message.raw.split("\r\n\r\n")[0]!;
      expect(headerBlock).not.toMatch(/^(Bcc|X-Injected|Content-Type: text\/plain):?/im);
      expect(message.parsed.headers.has("bcc")).toBe(false);
      expect(message.parsed.headers.has("x-injected")).toBe(false);
      expect(message.parsed.subject).not.toMatch(/[\r\n]/);
      expect(message.envelope.to).toHaveLength(1);
      expect(message.envelope.to[0]).not.toContain("attacker");
    }
    const subjects = mail.received.map((m) => m.parsed.subject).sort();
    expect(subjects).toEqual(
      [
        "Asha Content-Type: text/plain Hello has invited you to join Darlington Youth Outreach on the Community Safety Fund",
        "Hello Bcc: attacker@example.org",
        "We have received your bid CSF-2526-R1-0042: Street safe Bcc: attacker@example.org X-Injected: yes",
      ].sort(),
    );
  });

  it("refuses a recipient that is not one plain address, and queues nothing", async () => {
    const rendered = await receipt();
    for (const to of ["nia@example.org\r\nBcc: attacker@example.org", "Nia <nia@example.org>", "nia@example.org, attacker@example.org"]) {
      await expect(queueEmail(db, { idempotencyKey: `test:bad:${to}`, to, rendered })).rejects.toThrow(/not a single plain email address/);
    }
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

/** Runs the standalone worker command once against this test's database and mail server. */
function runWorkerProcess() {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/outbox-worker.ts", "--once"], {
      env: { ...process.env, SMTP_URL: mail.url, MAIL_FROM: FROM, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`outbox worker exited with ${code}:\n${output}`))));
  });
}

async function makeSubmittedBid() {
  const user = await db.user.create({ data: { email: "applicant@example.org", name: "Nia Brown", role: "applicant", passwordHash: "not-used" } });
  const fund = await db.fund.create({ data: { slug: "csf", code: "CSF", name: "Community Safety Fund", description: "" } });
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: "r1",
      code: "2526-R1",
      name: "2025 to 2026, round 1",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      baseAllocationPence: 10_000_000,
      remainingPotPence: 10_000_000,
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
    },
  });
  const organisation = await db.organisation.create({
    data: {
      name: "Darlington Youth Outreach",
      type: "registered_charity",
      addressLine1: "12 Bondgate",
      town: "Darlington",
      postcode: "DL3 7JJ",
      contactName: "Nia Brown",
      contactEmail: user.email,
    },
  });
  return db.bid.create({
    data: {
      roundId: round.id,
      organisationId: organisation.id,
      createdById: user.id,
      reference: "CSF-2526-R1-0001",
      status: "submitted",
      title: "Street safe",
      amountRequestedPence: 500_000,
      submittedAt: new Date(),
    },
  });
}
