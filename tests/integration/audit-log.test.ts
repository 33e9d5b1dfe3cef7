// The audit log page and its CSV through the built app: each filter picks the right events
// (a round's events include those about its bids, awards and reports), pages of 50 newest first,
// UK calendar days for the dates, the CSV matches the filtered view, and who may see it.
import { describe, expect, it } from "vitest";
import { auditLogPage } from "~/domain/audit/audit-log.server";
import { readAuditFilters } from "~/domain/audit/audit-filters";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { createRoundWithManyBids } from "../support/many-bids";
import { csvRecords } from "../support/csv";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const T0 = Date.UTC(2026, 5, 1, 12); // 1 June 2026, 1pm in London

async function event(data: {
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  outcome?: string;
  at: number;
  details?: unknown;
}) {
  return db.auditEvent.create({
    data: {
      actorId: data.actorId ?? null,
      action: data.action,
      outcome: data.outcome ?? "allowed",
      subjectType: data.subjectType,
      subjectId: data.subjectId ?? null,
      details: data.details === undefined ? null : JSON.stringify(data.details),
      createdAt: new Date(data.at),
    },
  });
}

/** Two rounds; events about round A itself, its bid, award and report; one about round B's bid; an account event. */
async function seeded() {
  const a = await createAssessmentRound({ bids: 1, assessors: 1 });
  const b = await createAssessmentRound({ bids: 1, assessors: 1 });
  const bidA = a.bids[0]!;
  const award = await db.award.create({
    data: { bidId: bidA.id, roundId: a.round.id, amountPence: 100_000, pccFundedPence: 100_000, matchFundedPence: 0, status: "accepted" },
  });
  const report = await db.monitoringReport.create({ data: { awardId: award.id, title: "Mid-point report", dueAt: new Date(T0) } });
  const staff = await signedInAs("fund_administrator", { name: "Priya Sharma", email: "priya.sharma@opcc.test" });
  const admin = await signedInAs("admin");
  const ids = {
    roundA: await event({ actorId: staff.user.id, action: "round.updated", subjectType: "round", subjectId: a.round.id, at: T0 }),
    bidA: await event({
      actorId: staff.user.id,
      action: "bid.screened",
      subjectType: "bid",
      subjectId: bidA.id,
      at: T0 + 60_000,
      details: { note: '=HYPERLINK("http://x","y")' },
    }),
    awardA: await event({ actorId: a.applicant.user.id, action: "award.accepted", subjectType: "award", subjectId: award.id, at: T0 + 120_000 }),
    reportA: await event({
      actorId: a.applicant.user.id,
      action: "report.submit",
      subjectType: "monitoring_report",
      subjectId: report.id,
      outcome: "refused",
      at: T0 + 180_000,
    }),
    bidB: await event({ actorId: staff.user.id, action: "bid.screened", subjectType: "bid", subjectId: b.bids[0]!.id, at: T0 + 240_000 }),
    // 30 June 23:30 UTC is 1 July 00:30 in London (BST).
    account: await event({ actorId: admin.user.id, action: "user.created", subjectType: "user", subjectId: staff.user.id, at: Date.UTC(2026, 5, 30, 23, 30) }),
  };
  return { a, b, bidA, staff, admin, ids };
}

function filtered(query: Record<string, string>) {
  return auditLogPage(readAuditFilters(new URLSearchParams(query)).filters, 1).then((p) => p.events.map((e) => e.id));
}

describe("audit log filters", () => {
  it("finds a round's events through its bids, awards and reports, and a bid's by reference", async () => {
    const { a, bidA, ids } = await seeded();
    expect(await filtered({ round: a.round.id })).toEqual([ids.reportA.id, ids.awardA.id, ids.bidA.id, ids.roundA.id]);
    expect(await filtered({ bid: bidA.reference!.toLowerCase() })).toEqual([ids.reportA.id, ids.awardA.id, ids.bidA.id]);
    expect(await filtered({ bid: "CSF-NO-SUCH-0001" })).toEqual([]);
  });

  it("filters by who, action (its start), outcome and UK dates", async () => {
    const { staff, ids } = await seeded();
    expect(await filtered({ user: "PRIYA.SHARMA@opcc.test" })).toEqual([ids.bidB.id, ids.bidA.id, ids.roundA.id]);
    expect(await filtered({ user: "Sharma" })).toEqual([ids.bidB.id, ids.bidA.id, ids.roundA.id]);
    expect(await filtered({ user: "nobody@example.org" })).toEqual([]);
    expect(await filtered({ action: "bid." })).toEqual([ids.bidB.id, ids.bidA.id]);
    expect(await filtered({ outcome: "refused" })).toEqual([ids.reportA.id]);
    expect(await filtered({ from: "2026-07-01" })).toEqual([ids.account.id]);
    expect(await filtered({ to: "2026-06-30" })).not.toContain(ids.account.id);
    expect(await filtered({ from: "2026-06-01", to: "2026-06-01", user: staff.user.email })).toEqual([ids.bidB.id, ids.bidA.id, ids.roundA.id]);
    expect(readAuditFilters(new URLSearchParams({ from: "2026-02-30" })).errors.from).toMatch(/real date/);
    expect(readAuditFilters(new URLSearchParams({ from: "2026-06-02", to: "2026-06-01" })).errors.to).toMatch(/after/);
  });
});

describe("audit log of a large round", () => {
  it("filters by a round of more bids than SQLite's old 999 bound values, on the page and in the CSV", async () => {
    // Every bid of the round is listed in the filter's statement (ADR 0032): 1,100 of them.
    const large = await createRoundWithManyBids(1_100);
    const { cookie } = await signedInAs("fund_administrator");
    await event({ action: "bid.screened", subjectType: "bid", subjectId: large.bidId(1_050), at: T0 });
    await event({ action: "round.updated", subjectType: "round", subjectId: large.round.id, at: T0 + 60_000 });
    await event({ action: "bid.screened", subjectType: "bid", subjectId: "a-bid-of-another-round", at: T0 + 120_000 });
    const page = await send(`/administrator/audit?round=${large.round.id}`, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("bid.screened");
    expect(html).toContain("round.updated");
    const rows = csvRecords(await (await send(`/administrator/audit/export?round=${large.round.id}`, { cookie })).text());
    expect(rows.map((r) => r["Action"])).toEqual(["round.updated", "bid.screened"]);
  }, 120_000);
});

describe("audit log page", () => {
  it("shows the filtered events 50 a page, newest first, with working page links", async () => {
    const { staff } = await seeded();
    for (let i = 0; i < 120; i += 1)
      await event({ actorId: staff.user.id, action: `bulk.event-${String(i).padStart(3, "0")}`, subjectType: "round", at: T0 + 1_000_000 + i * 1000 });
    const actionsOn = async (page: number) => {
      const response = await send(`/administrator/audit?action=bulk.&page=${page}`, { cookie: staff.cookie });
      expect(response.status).toBe(200);
      const html = await response.text();
      return { html, actions: [...html.matchAll(/>bulk\.event-(\d{3})/g)].map((m) => Number(m[1])) };
    };
    const one = await actionsOn(1);
    expect(one.actions).toEqual(Array.from({ length: 50 }, (_, i) => 119 - i));
    expect(one.html).toContain("120 events, showing 1 to 50");
    expect(one.html).toContain('href="/administrator/audit?action=bulk.&amp;page=2"');
    expect((await actionsOn(3)).actions).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    // A page past the end shows the last page.
    expect((await actionsOn(9)).actions).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
  });

  it("keeps the filters in the form and shows a date that is not real as an error", async () => {
    const { staff } = await seeded();
    const response = await send("/administrator/audit?user=Sharma&from=2026-13-01", { cookie: staff.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('value="Sharma"');
    expect(html).toContain("<title>Error: Audit log");
  });

  it("lets fund administrators and admins in, and no one else", async () => {
    await seeded();
    for (const role of ["fund_administrator", "admin"] as const)
      expect((await send("/administrator/audit", { cookie: (await signedInAs(role)).cookie })).status).toBe(200);
    for (const role of ["applicant", "assessor", "opcc_sign_off"] as const) {
      const { cookie } = await signedInAs(role);
      expect((await send("/administrator/audit", { cookie })).status, role).toBe(403);
      expect((await send("/administrator/audit/export", { cookie })).status, role).toBe(403);
    }
  });
});

describe("audit log CSV", () => {
  it("holds exactly the filtered view, neutralised, and is itself audited", async () => {
    const { a, staff, admin } = await seeded();
    const query = `round=${a.round.id}`;
    const response = await send(`/administrator/audit/export?${query}`, { cookie: admin.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="audit-log-events-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = csvRecords(await response.text());
    const view = await auditLogPage(readAuditFilters(new URLSearchParams(query)).filters, 1);
    expect(rows.map((r) => [r["Time (UTC)"], r["Action"], r["Outcome"], r["Actor"]])).toEqual(
      view.events.map((e) => [e.at, e.action, e.outcome, e.actor?.name ?? "System"]),
    );
    expect(rows.find((r) => r["Action"] === "bid.screened")!["Details"]).toBe(`{"note":"=HYPERLINK(\\"http://x\\",\\"y\\")"}`);
    expect(rows.find((r) => r["Action"] === "bid.screened")!["Actor"]).toBe(staff.user.name);
    const audited = await db.auditEvent.findFirstOrThrow({ where: { action: "export.audit" } });
    expect(audited.actorId).toBe(admin.user.id);
    expect(JSON.parse(audited.details!)).toMatchObject({ rows: 4, filters: { roundId: a.round.id } });
    // The export is not part of its own file, and the next export of everything includes it.
    const everything = csvRecords(await (await send("/administrator/audit/export", { cookie: admin.cookie })).text());
    expect(everything.filter((r) => r["Action"] === "export.audit")).toHaveLength(1);
  });

  it("neutralises formula-like text in every column", async () => {
    const { staff } = await seeded();
    // Details are JSON when the portal writes them; the column is text all the same, so raw text is tried too.
    await db.auditEvent.create({
      data: {
        actorId: staff.user.id,
        action: "=cmd|' /C calc'!A0",
        subjectType: "@round",
        subjectId: "+1",
        before: "\t=1",
        after: "\r=2",
        details: "-2+3",
        createdAt: new Date(T0 + 5_000_000),
      },
    });
    const text = await (await send("/administrator/audit/export?action=%3Dcmd", { cookie: staff.cookie })).text();
    const [row] = csvRecords(text);
    expect(row).toMatchObject({
      Action: "'=cmd|' /C calc'!A0",
      "Subject type": "'@round",
      "Subject id": "'+1",
      Before: "'\t=1",
      After: "'\r=2",
      Details: "'-2+3",
    });
  });
});
