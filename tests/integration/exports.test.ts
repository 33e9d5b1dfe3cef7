// A round's CSV exports through the built app: each file agrees with the database, formula-like
// text comes out neutralised, the keyset pages join up, every download is audited, and only the
// roles declared in route-access.ts get a file.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { EXPORT_PAGE_SIZE, londonIsoDate } from "~/domain/exports/csv.server";
import { formSizeFor } from "~/domain/bids/proportionate";
import { send, signedInAs } from "../support/app";
import { assignDirectly, createAssessmentRound } from "../support/assessment";
import { csvRecords, parseCsv } from "../support/csv";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const FORMULA_ORGANISATION = '=HYPERLINK("http://x","y")';
const RISKY_TITLES = ["@SUM(A1:A9) youth club", "+44 safer streets", "\tTabbed title", "-1+2 mentoring"];

/** A round with four bids (risky names and titles), scores, a moderated score, awards and a monitoring report. */
async function seededRound() {
  const setup = await createAssessmentRound({ bids: 4, assessors: 2 });
  const { round, bids, criteria, administrator, assessors } = setup;
  await db.organisation.update({ where: { id: bids[0]!.organisationId }, data: { name: FORMULA_ORGANISATION } });
  for (const [i, bid] of bids.entries()) await db.bid.update({ where: { id: bid.id }, data: { title: RISKY_TITLES[i]! } });
  await db.bid.update({
    where: { id: bids[0]!.id },
    data: {
      status: "in_assessment",
      screeningDecision: "eligible",
      areas: { create: [{ roundAreaId: round.areas[1]!.id }, { roundAreaId: round.areas[0]!.id }] },
      priorities: { create: [{ priorityId: round.priorities[0]!.id }] },
    },
  });
  await db.bid.update({ where: { id: bids[3]!.id }, data: { status: "ineligible", screeningDecision: "ineligible", screeningReason: "=cmd|' /C calc'!A0" } });
  // A draft (no reference) is not exported.
  await db.bid.create({ data: { roundId: round.id, organisationId: bids[1]!.organisationId, createdById: setup.applicant.user.id, title: "Unsent draft" } });
  // Both assessors score bid 1; one leaves a formula-like comment.
  for (const [a, assessor] of assessors.entries()) {
    await assignDirectly(bids[0]!.id, assessor.user.id, administrator.user.id);
    await db.assessment.create({
      data: {
        bidId: bids[0]!.id,
        assessorId: assessor.user.id,
        status: "submitted",
        submittedAt: new Date(Date.UTC(2026, 4, 1, 10, a)),
        scores: {
          create: criteria.map((c, i) => ({ criterionId: c.id, score: (i + a) % 5, comment: a === 0 && i === 0 ? "=1+1 strong" : `Comment ${a}-${i}` })),
        },
      },
    });
  }
  await db.moderatedScore.create({
    data: { bidId: bids[0]!.id, criterionId: criteria[0]!.id, score: 3, reason: "Agreed at panel", moderatedById: administrator.user.id },
  });
  const accepted = await db.award.create({
    data: {
      bidId: bids[0]!.id,
      roundId: round.id,
      amountPence: 123_456,
      pccFundedPence: 123_456,
      matchFundedPence: 0,
      status: "accepted",
      conditions: "+Quarterly attendance figures",
      acceptBy: new Date(Date.UTC(2026, 5, 1)),
      respondedAt: new Date(Date.UTC(2026, 4, 20, 9)),
      returnedPence: 2_005,
    },
  });
  await db.award.create({
    data: {
      bidId: bids[1]!.id,
      roundId: round.id,
      amountPence: 200_000,
      pccFundedPence: 200_000,
      matchFundedPence: 0,
      status: "declined_by_applicant",
      declineReason: "@We found other funding",
      respondedAt: new Date(Date.UTC(2026, 4, 21, 9)),
    },
  });
  const bidOutcome = await db.bidOutcome.findFirstOrThrow({ where: { bidId: bids[0]!.id } });
  const budgetLine = await db.budgetLine.findFirstOrThrow({ where: { bidId: bids[0]!.id } });
  await db.monitoringReport.create({
    data: {
      awardId: accepted.id,
      title: "Mid-point report",
      dueAt: new Date(Date.UTC(2026, 8, 30)),
      status: "accepted",
      submittedAt: new Date(Date.UTC(2026, 8, 25)),
      reviewedAt: new Date(Date.UTC(2026, 8, 28)),
      outcomes: { create: [{ bidOutcomeId: bidOutcome.id, achievedValue: 64 }] },
      budgetLines: { create: [{ budgetLineId: budgetLine.id, spentPence: 40_000 }] },
    },
  });
  await db.monitoringReport.create({ data: { awardId: accepted.id, title: "Final report", dueAt: new Date(Date.UTC(2027, 2, 31)) } });
  const opcc = await signedInAs("opcc_sign_off");
  return { ...setup, opcc };
}

async function download(path: string, cookie: string) {
  const response = await send(path, { cookie });
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.body).toBeInstanceOf(ReadableStream);
  return { response, text: await response.text() };
}

/** No cell of the file, header or body, could be read as a formula. */
function expectNoFormulaCells(text: string) {
  for (const row of parseCsv(text)) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
}

describe("round exports", () => {
  it("exports the submitted bids as they are in the database, neutralised and audited", async () => {
    const { round, administrator } = await seededRound();
    const { response, text } = await download(`/administrator/rounds/${round.id}/exports/bids`, administrator.cookie);
    expect(response.headers.get("Content-Disposition")).toContain(`filename="${round.code}-bids-${londonIsoDate(new Date())}.csv"`);
    expectNoFormulaCells(text);
    const rows = csvRecords(text);
    const bandRound = await db.round.findUniqueOrThrow({ where: { id: round.id } });
    const bids = await db.bid.findMany({
      where: { roundId: round.id, reference: { not: null } },
      orderBy: { reference: "asc" },
      include: { organisation: true, areas: { include: { area: true } }, priorities: { include: { priority: true } } },
    });
    expect(rows.map((r) => r["Reference"])).toEqual(bids.map((b) => b.reference));
    for (const [i, bid] of bids.entries()) {
      const row = rows[i]!;
      expect(row["Status"]).toBe(bid.status);
      expect(row["Requested (pence)"]).toBe(String(bid.amountRequestedPence));
      expect(Number(row["Requested (£, 2 decimal places)"]) * 100).toBeCloseTo(bid.amountRequestedPence!, 6);
      expect(row["Requested (£, 2 decimal places)"]).toMatch(/^\d+\.\d\d$/);
      expect(row["Submitted at (UTC)"]).toBe(bid.submittedAt!.toISOString());
      expect(row["Screening result"]).toBe(bid.screeningDecision ?? "");
      expect(row["Form band (small or standard)"]).toBe(formSizeFor(bid.amountRequestedPence, bandRound.smallBidThresholdPence));
    }
    expect(rows[0]!["Organisation"]).toBe(`'${FORMULA_ORGANISATION}`);
    expect(rows.map((r) => r["Project title"])).toEqual(RISKY_TITLES.map((t) => `'${t}`));
    expect(rows[0]!["Areas"]).toBe("County Durham; Darlington");
    expect(rows[0]!["Priorities"]).toBe("Reducing anti-social behaviour");
    expect(rows[3]!["Screening reason"]).toBe("'=cmd|' /C calc'!A0");
    expect(rows.some((r) => r["Project title"] === "Unsent draft")).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { action: "export.bids" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: administrator.user.id, subjectType: "round", subjectId: round.id, outcome: "allowed" });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ rows: 4 });
  });

  it("exports a two-stage round's expressions of interest with area and priority names, drafts left out, neutralised and audited", async () => {
    const { round, bids, administrator, applicant } = await seededRound();
    await db.round.update({ where: { id: round.id }, data: { twoStage: true } });
    const [areas, priorities] = await Promise.all([
      db.roundArea.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } }),
      db.priority.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } }),
    ]);
    const organisations = await Promise.all(bids.slice(0, 3).map((b) => db.organisation.findUniqueOrThrow({ where: { id: b.organisationId } })));
    const eoi = (i: number, data: Record<string, unknown>) =>
      db.expressionOfInterest.create({
        data: {
          roundId: round.id,
          organisationId: organisations[i]!.id,
          createdById: applicant.user.id,
          title: `EOI ${i}`,
          summary: "What, where and for whom.",
          areaIds: JSON.stringify([areas[1]!.id, areas[0]!.id]),
          priorityIds: JSON.stringify([priorities[0]!.id]),
          amountRequestedPence: 250_000,
          ...data,
        },
      });
    const reviewedAt = new Date("2026-05-01T09:00:00Z");
    await eoi(0, {
      status: "invited",
      submittedAt: reviewedAt,
      reviewDecision: "eligible",
      reviewScore: 4,
      feedback: "+ strong local links",
      decidedAt: reviewedAt,
      bidId: bids[0]!.id,
    });
    await eoi(1, { status: "submitted", submittedAt: reviewedAt });
    await eoi(2, { status: "draft", title: "Unsent EOI" });

    const page = await (await send(`/administrator/rounds/${round.id}/exports`, { cookie: administrator.cookie })).text();
    expect(page).toContain(`href="/administrator/rounds/${round.id}/exports/expressions-of-interest"`);
    const { text } = await download(`/administrator/rounds/${round.id}/exports/expressions-of-interest`, administrator.cookie);
    expectNoFormulaCells(text);
    const rows = csvRecords(text);
    expect(rows.map((r) => r["Project title"]).sort()).toEqual(["EOI 0", "EOI 1"]);
    const invited = rows.find((r) => r["Project title"] === "EOI 0")!;
    expect(invited).toMatchObject({
      Organisation: `'${FORMULA_ORGANISATION}`,
      Status: "invited",
      "Roughly how much (£, 2 decimal places)": "2500.00",
      "Roughly how much (pence)": "250000",
      Areas: `${areas[0]!.name}; ${areas[1]!.name}`,
      Priorities: priorities[0]!.title,
      "Sent at (UTC)": reviewedAt.toISOString(),
      "Review (eligible or ineligible)": "eligible",
      "Review score (1 to 5)": "4",
      Feedback: "'+ strong local links",
      "Full bid reference": bids[0]!.reference,
    });
    expect(rows.find((r) => r["Project title"] === "EOI 1")!["Full bid reference"]).toBe("");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "export.expressions-of-interest" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ rows: 2 });
    // Only the fund administrator; a one-stage round's exports page does not offer it.
    expect((await send(`/administrator/rounds/${round.id}/exports/expressions-of-interest`, { cookie: applicant.cookie })).status).toBe(403);
    await db.round.update({ where: { id: round.id }, data: { twoStage: false } });
    const oneStage = await (await send(`/administrator/rounds/${round.id}/exports`, { cookie: administrator.cookie })).text();
    expect(oneStage).not.toContain("exports/expressions-of-interest");
  });

  it("exports every assessor's score per criterion, then the moderated scores, with names", async () => {
    const { round, administrator, assessors, criteria } = await seededRound();
    const { text } = await download(`/administrator/rounds/${round.id}/exports/scores`, administrator.cookie);
    expectNoFormulaCells(text);
    const rows = csvRecords(text);
    const scores = await db.criterionScore.findMany({
      where: { assessment: { bid: { roundId: round.id } } },
      include: { assessment: { include: { assessor: true } }, criterion: true },
    });
    expect(rows).toHaveLength(scores.length + 1);
    const assessorRows = rows.filter((r) => r["Score kind (assessor or moderated)"] === "assessor");
    expect(assessorRows).toHaveLength(scores.length);
    for (const score of scores) {
      const row = assessorRows.find((r) => r["Assessor or moderator"] === score.assessment.assessor.name && r["Criterion"] === score.criterion.title);
      expect(row, `${score.assessment.assessor.name} ${score.criterion.title}`).toBeDefined();
      expect(row!["Score"]).toBe(String(score.score));
      expect(row!["Weight (%)"]).toBe(String(score.criterion.weightPercent));
      expect(row!["Submitted or moderated at (UTC)"]).toBe(score.assessment.submittedAt!.toISOString());
    }
    const first = assessorRows.find((r) => r["Assessor or moderator"] === assessors[0]!.user.name && r["Criterion"] === criteria[0]!.title)!;
    expect(first["Comment or moderation reason"]).toBe("'=1+1 strong");
    expect(rows.at(-1)).toMatchObject({
      "Score kind (assessor or moderated)": "moderated",
      "Assessor or moderator": administrator.user.name,
      Score: "3",
      "Comment or moderation reason": "Agreed at panel",
    });
    expect(JSON.parse((await db.auditEvent.findFirstOrThrow({ where: { action: "export.scores" } })).details!)).toMatchObject({ rows: scores.length + 1 });
  });

  it("exports the awards with their acceptance and returns", async () => {
    const { round, opcc } = await seededRound();
    const { text } = await download(`/administrator/rounds/${round.id}/exports/awards`, opcc.cookie);
    expectNoFormulaCells(text);
    const rows = csvRecords(text);
    const awards = await db.award.findMany({ where: { roundId: round.id }, include: { bid: true } });
    expect(rows).toHaveLength(awards.length);
    const accepted = rows.find((r) => r["Status"] === "accepted")!;
    expect(accepted).toMatchObject({
      Organisation: `'${FORMULA_ORGANISATION}`,
      "Amount (£, 2 decimal places)": "1234.56",
      "Amount (pence)": "123456",
      Conditions: "'+Quarterly attendance figures",
      "Accept by (UTC)": "2026-06-01T00:00:00.000Z",
      "Responded at (UTC)": "2026-05-20T09:00:00.000Z",
      "Returned (£, 2 decimal places)": "20.05",
      "Returned (pence)": "2005",
    });
    expect(rows.find((r) => r["Status"] === "declined_by_applicant")!["Decline reason"]).toBe("'@We found other funding");
    expect(await db.auditEvent.count({ where: { action: "export.awards", actorId: opcc.user.id, subjectId: round.id } })).toBe(1);
  });

  it("exports monitoring returns with outcomes against targets and budget against spend", async () => {
    const { round, administrator } = await seededRound();
    const { text } = await download(`/administrator/rounds/${round.id}/exports/monitoring`, administrator.cookie);
    const rows = csvRecords(text);
    expect(rows.map((r) => r["Report"]).sort()).toEqual(["Final report", "Mid-point report"]);
    const mid = rows.find((r) => r["Report"] === "Mid-point report")!;
    expect(mid).toMatchObject({
      Status: "accepted",
      "Due (UTC)": "2026-09-30T00:00:00.000Z",
      "Submitted at (UTC)": "2026-09-25T00:00:00.000Z",
      "Accepted at (UTC)": "2026-09-28T00:00:00.000Z",
      "Outcomes: target and achieved": "People feel safer: target 80%; achieved 64",
      "Budget planned (pence)": "100000",
      "Spent (pence)": "40000",
      "Budget lines: planned and spent": "Volunteer training: planned £1000.00, spent £400.00",
    });
    expect(rows.find((r) => r["Report"] === "Final report")).toMatchObject({ Status: "due", "Accepted at (UTC)": "", "Spent (pence)": "0" });
    expect(await db.auditEvent.count({ where: { action: "export.monitoring" } })).toBe(1);
  });

  it("reads past the first page of rows: every bid once, in reference order", async () => {
    const { round, administrator, applicant, bids } = await createAssessmentRound({ bids: 1 });
    const total = EXPORT_PAGE_SIZE * 2 + 3;
    await db.bid.createMany({
      data: Array.from({ length: total - 1 }, (_, i) => ({
        roundId: round.id,
        organisationId: bids[0]!.organisationId,
        createdById: applicant.user.id,
        reference: `CSF-${round.code}-${String(i + 2).padStart(4, "0")}`,
        status: "submitted",
        title: `Bulk bid ${i + 2}`,
        amountRequestedPence: 100_000,
      })),
    });
    const { text } = await download(`/administrator/rounds/${round.id}/exports/bids`, administrator.cookie);
    const references = csvRecords(text).map((r) => r["Reference"]);
    expect(references).toHaveLength(total);
    expect(new Set(references).size).toBe(total);
    expect(references).toEqual([...references].sort());
  });

  it("answers only the roles that may have each file, and 404 for an unknown round", async () => {
    const { round, administrator, opcc, applicant, assessors } = await seededRound();
    const admin = await signedInAs("admin");
    const expected: Record<string, Record<string, number>> = {
      bids: { administrator: 200, opcc: 200, applicant: 403, assessor: 403, admin: 403 },
      awards: { administrator: 200, opcc: 200, applicant: 403, assessor: 403, admin: 403 },
      scores: { administrator: 200, opcc: 403, applicant: 403, assessor: 403, admin: 403 },
      monitoring: { administrator: 200, opcc: 403, applicant: 403, assessor: 403, admin: 403 },
    };
    const cookies: Record<string, string> = {
      administrator: administrator.cookie,
      opcc: opcc.cookie,
      applicant: applicant.cookie,
      assessor: assessors[0]!.cookie,
      admin: admin.cookie,
    };
    for (const [kind, byPersona] of Object.entries(expected)) {
      for (const [persona, status] of Object.entries(byPersona)) {
        const response = await send(`/administrator/rounds/${round.id}/exports/${kind}`, { cookie: cookies[persona] });
        expect(response.status, `${kind} as ${persona}`).toBe(status);
        if (status !== 200) expect(await response.text()).not.toContain(FORMULA_ORGANISATION);
      }
    }
    // Refusals are audited by the guard; only the allowed downloads are export events.
    expect(await db.auditEvent.count({ where: { action: { startsWith: "export." }, outcome: "allowed" } })).toBe(6);
    expect(await db.auditEvent.count({ where: { action: "access.refused", subjectId: { startsWith: `/administrator/rounds/${round.id}/exports/` } } })).toBe(
      14,
    );
    expect((await send("/administrator/rounds/no-such-round/exports/bids", { cookie: administrator.cookie })).status).toBe(404);
    expect((await send(`/administrator/rounds/${round.id}/exports/bids`)).status).toBe(302);
  });

  it("lists the downloads on the round's exports page with plain links, and OPCC's two on its sign-off page", async () => {
    const { round, administrator, opcc } = await seededRound();
    const signOffPage = await (await send(`/opcc/rounds/${round.id}`, { cookie: opcc.cookie })).text();
    for (const kind of ["bids", "awards"]) expect(signOffPage).toContain(`href="/administrator/rounds/${round.id}/exports/${kind}"`);
    for (const kind of ["scores", "monitoring"]) expect(signOffPage).not.toContain(`exports/${kind}`);
    const response = await send(`/administrator/rounds/${round.id}/exports`, { cookie: administrator.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const kind of ["bids", "scores", "awards", "monitoring"]) expect(html).toContain(`href="/administrator/rounds/${round.id}/exports/${kind}"`);
  });
});
