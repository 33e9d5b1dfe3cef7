// The admin's email pages, through the built app: the outbox with retry, the demo mailbox that
// the sender fills when no SMTP server is set, and template previews.
import { describe, expect, it } from "vitest";
import { queueEmail } from "~/domain/email/outbox.server";
import { createOutboxSender } from "~/domain/email/sender.server";
import { db } from "~/lib/db.server";
import { EMAIL_TEMPLATES, renderSubmissionReceipt, submissionReceiptSample } from "../../emails";
import { send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function queueReceipt(key: string, overrides: Partial<typeof submissionReceiptSample> = {}) {
  const rendered = await renderSubmissionReceipt({ ...submissionReceiptSample, ...overrides });
  await queueEmail(db, { idempotencyKey: key, to: "gwen@example.org", rendered });
  return { rendered, row: await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: key } }) };
}

describe("the demo mailbox", () => {
  it("holds what the sender delivered without a mail server, readable as text and as sandboxed HTML", async () => {
    const { cookie } = await signedInAs("admin");
    const { rendered, row } = await queueReceipt("test:mailbox", { bidTitle: "<script>alert(1)</script> Safer streets" });
    expect(await createOutboxSender({ smtpUrl: null }).deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", deliveredVia: "mailbox" });

    const list = await send("/admin/mailbox", { cookie });
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`href="/admin/outbox/${row.id}"`);
    expect(listHtml).toContain("gwen@example.org");
    expect(listHtml).not.toContain("<script>alert(1)</script>");

    const page = await send(`/admin/outbox/${row.id}`, { cookie });
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toContain("Bid reference: CSF-2526-R1-0042");
    expect(pageHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Safer streets");
    expect(pageHtml).toContain(`href="/admin/outbox/${row.id}/html"`);

    const htmlVersion = await send(`/admin/outbox/${row.id}/html`, { cookie });
    expect(htmlVersion.status).toBe(200);
    expect(htmlVersion.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(htmlVersion.headers.get("Content-Security-Policy")).toMatch(/^sandbox;.*default-src 'none'/);
    const body = await htmlVersion.text();
    expect(body).toBe(rendered.html);
    expect(body).not.toContain("<script>alert(1)</script>");
  });

  it("does not show what an email says unless it was delivered to the mailbox", async () => {
    const { cookie } = await signedInAs("admin");
    const { row } = await queueReceipt("test:pending");
    const page = await (await send(`/admin/outbox/${row.id}`, { cookie })).text();
    expect(page).toContain("The message itself is not shown here");
    expect(page).not.toContain("Bid reference: CSF-2526-R1-0042");
    expect((await send(`/admin/outbox/${row.id}/html`, { cookie })).status).toBe(404);
    expect((await send("/admin/outbox/no-such-email", { cookie })).status).toBe(404);
  });

  it("is for admins only", async () => {
    const { row } = await queueReceipt("test:private");
    await createOutboxSender({ smtpUrl: null }).deliverDue();
    for (const role of ["applicant", "assessor", "fund_administrator", "opcc_sign_off"] as const) {
      const { cookie } = await signedInAs(role);
      for (const path of [
        "/admin/mailbox",
        "/admin/outbox",
        `/admin/outbox/${row.id}`,
        `/admin/outbox/${row.id}/html`,
        "/admin/emails",
        "/admin/emails/password-reset/html",
      ]) {
        expect((await send(path, { cookie })).status, `${role} GET ${path}`).toBe(403);
      }
    }
  });
});

describe("the outbox page", () => {
  async function failedEmail() {
    const { row } = await queueReceipt("test:failed");
    await db.outboxEmail.update({ where: { id: row.id }, data: { status: "failed", attempts: 10, lastError: "ECONNECTION 421 Service not available" } });
    return row;
  }

  it("lists emails by status with attempts and the last error", async () => {
    const { cookie } = await signedInAs("admin");
    const failed = await failedEmail();
    await queueReceipt("test:waiting", { reference: "CSF-2526-R1-0099" });

    const all = await (await send("/admin/outbox", { cookie })).text();
    expect(all).toContain("Waiting to send (1)");
    expect(all).toContain("Failed (1)");
    expect(all).toContain("ECONNECTION 421 Service not available");

    const onlyFailed = await (await send("/admin/outbox?status=failed", { cookie })).text();
    expect(onlyFailed).toContain(`action="/admin/outbox/${failed.id}"`);
    expect(onlyFailed).toContain("Send again");
    expect(onlyFailed).not.toContain("CSF-2526-R1-0099");
  });

  it("sends a failed email again, once, and records who asked", async () => {
    const { user, cookie } = await signedInAs("admin");
    const failed = await failedEmail();

    const response = await send(`/admin/outbox/${failed.id}`, { cookie, form: { intent: "retry" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/outbox/${failed.id}?retried=1`);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "outbox.retry" } });
    expect(audit).toMatchObject({ actorId: user.id, subjectType: "outbox_email", subjectId: failed.id, outcome: "allowed" });
    expect(JSON.parse(audit.before!)).toMatchObject({ status: "failed", attempts: 10 });

    expect(await (await send(`/admin/outbox/${failed.id}?retried=1`, { cookie })).text()).toContain("The email is back in the queue");

    const again = await send(`/admin/outbox/${failed.id}`, { cookie, form: { intent: "retry" } });
    expect(again.status).toBe(400);
    const againHtml = await again.text();
    expect(againHtml).toContain("There is a problem");
    expect(againHtml).toContain("This email has not failed, so it cannot be sent again");
    expect(await db.auditEvent.count({ where: { action: "outbox.retry" } })).toBe(1);

    expect(await createOutboxSender({ smtpUrl: null }).deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it("refuses a retry from anyone but an admin and changes nothing", async () => {
    const failed = await failedEmail();
    const { cookie } = await signedInAs("fund_administrator");
    expect((await send(`/admin/outbox/${failed.id}`, { cookie, form: { intent: "retry" } })).status).toBe(403);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
    expect(await db.auditEvent.count({ where: { action: "outbox.retry" } })).toBe(0);
  });
});

describe("template previews", () => {
  it("lists every template and shows each with sample details", async () => {
    const { cookie } = await signedInAs("admin");
    const index = await (await send("/admin/emails", { cookie })).text();
    for (const [name, template] of Object.entries(EMAIL_TEMPLATES)) {
      expect(index).toContain(`href="/admin/emails/${name}"`);
      expect(index).toContain(template.title);
    }

    const award = await send("/admin/emails/outcome-award", { cookie });
    expect(award.status).toBe(200);
    const awardHtml = await award.text();
    expect(awardHtml).toContain("Your bid CSF-2526-R1-0002 has been awarded funding");
    expect(awardHtml).toContain("Amount awarded: £18,500.00");

    const html = await send("/admin/emails/outcome-award/html", { cookie });
    expect(html.status).toBe(200);
    expect(html.headers.get("Content-Security-Policy")).toMatch(/^sandbox;/);
    expect(await html.text()).toContain("Your bid has been awarded funding");

    expect((await send("/admin/emails/no-such-template", { cookie })).status).toBe(404);
    expect((await send("/admin/emails/no-such-template/html", { cookie })).status).toBe(404);
  });
});
