// Monitoring reports end to end through the built app and the domain, on the database under test:
// the round's schedule, the organisation's draft and submission, the fund administrator's review
// (and closing the award), reminders, documents and who may see what.
import { describe, expect, it } from "vitest";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { createMonitoringReports } from "~/domain/monitoring/schedule.server";
import { queueReportReminders } from "~/domain/monitoring/reminders.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";
import { pdfFile } from "../support/documents";

startEachTestEmpty();

const DAY = 24 * 60 * 60 * 1000;

/** A round with the usual schedule, and an accepted award whose two reports are owed. */
async function acceptedAward({ withStages = true } = {}) {
  const round = await createRound();
  if (withStages) {
    await db.reportStage.createMany({
      data: [
        { roundId: round.id, position: 0, title: "Mid-point report", relativeTo: "midpoint", offsetDays: 0 },
        { roundId: round.id, position: 1, title: "Final report", relativeTo: "end", offsetDays: 28 },
      ],
    });
  }
  const applicant = await applicantWithOrganisation();
  const draft = await createDraft(round.id, applicant.organisation.id, applicant.user.id);
  await completeDraft(draft.id, round, applicant.user.id);
  const bid = await db.bid.update({
    where: { id: draft.id },
    data: { status: "submitted", submittedAt: new Date(), reference: `CSF-${round.code}-0001` },
    include: { outcomes: true, budgetLines: { orderBy: { position: "asc" } } },
  });
  const award = await db.award.create({
    data: {
      bidId: bid.id,
      roundId: round.id,
      amountPence: 1_200_000,
      pccFundedPence: 1_200_000,
      matchFundedPence: 0,
      status: "accepted",
      respondedAt: new Date(),
    },
  });
  await db.$transaction((tx) => createMonitoringReports(tx, award.id, new Date()));
  const reports = await db.monitoringReport.findMany({ where: { awardId: award.id }, orderBy: { dueAt: "asc" } });
  const administrator = await signedInAs("fund_administrator");
  return { round, applicant, bid, award, reports, administrator };
}

type Setup = Awaited<ReturnType<typeof acceptedAward>>;

function completeAnswers(setup: Setup, intent: "save" | "submit" = "submit"): Record<string, string> {
  return {
    intent,
    [`outcomes.${setup.bid.outcomes[0]!.id}.achieved`]: "64",
    [`outcomes.${setup.bid.outcomes[0]!.id}.commentary`]: "From the autumn survey of 85 young people.",
    [`spent.${setup.bid.budgetLines[0]!.id}`]: "5,400.50",
    [`spent.${setup.bid.budgetLines[1]!.id}`]: "250",
    progress: "Twenty Friday sessions so far, with 85 young people attending.",
    challenges: "Two sessions were cancelled in storms.",
  };
}

const reportPath = (setup: Setup, reportId = setup.reports[0]!.id) => `/applicant/bids/${setup.bid.id}/reports/${reportId}`;
const reviewPath = (setup: Setup, reportId = setup.reports[0]!.id) => `/administrator/rounds/${setup.round.id}/reports/${reportId}`;

describe("the report schedule", () => {
  it("offers the usual schedule, then adds, changes and removes stages, each audited", async () => {
    const { round, administrator } = await acceptedAward({ withStages: false });
    const path = `/administrator/rounds/${round.id}/monitoring`;
    const cookie = administrator.cookie;
    expect((await send(path, { cookie })).status).toBe(200);

    expect((await send(path, { cookie, form: { intent: "usual" } })).status).toBe(302);
    const usual = await db.reportStage.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
    expect(usual.map((s) => [s.title, s.relativeTo, s.offsetDays])).toEqual([
      ["Mid-point report", "midpoint", 0],
      ["Final report", "end", 28],
    ]);
    // Only when there are none.
    expect((await send(path, { cookie, form: { intent: "usual" } })).status).toBe(409);

    expect((await send(path, { cookie, form: { intent: "save", title: "Starting report", relativeTo: "start", offsetDays: "14" } })).status).toBe(302);
    const added = await db.reportStage.findFirstOrThrow({ where: { roundId: round.id, title: "Starting report" } });
    expect(added).toMatchObject({ relativeTo: "start", offsetDays: 14, position: 2 });

    expect(
      (await send(path, { cookie, form: { intent: "save", stageId: added.id, title: "Early report", relativeTo: "start", offsetDays: "-7" } })).status,
    ).toBe(302);
    expect(await db.reportStage.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ title: "Early report", offsetDays: -7 });

    expect((await send(path, { cookie, form: { intent: "remove", stageId: added.id } })).status).toBe(302);
    expect(await db.reportStage.count({ where: { roundId: round.id } })).toBe(2);

    const actions = (await db.auditEvent.findMany({ where: { subjectId: round.id, outcome: "allowed" }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["round.report_schedule_set", "round.report_stage_added", "round.report_stage_changed", "round.report_stage_removed"]);
  });

  it("refuses a stage with missing or wrong answers, saying why by each field, and saves nothing", async () => {
    const { round, administrator } = await acceptedAward({ withStages: false });
    const path = `/administrator/rounds/${round.id}/monitoring`;
    const response = await send(path, { cookie: administrator.cookie, form: { intent: "save", title: "", offsetDays: "four weeks" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter a name for the report");
    expect(html).toContain("Select what the due date is counted from");
    expect(html).toContain("Number of days must be a whole number, like 0 or 28");
    expect(await db.reportStage.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "round.report_schedule_refused", outcome: "refused" } })).toBe(1);
  });

  it("dates an accepted award's reports from its own project dates", async () => {
    const { reports } = await acceptedAward();
    expect(reports.map((r) => [r.title, r.dueAt.toISOString().slice(0, 10), r.status])).toEqual([
      ["Mid-point report", "2026-09-30", "due"],
      ["Final report", "2027-04-28", "due"],
    ]);
  });
});

describe("filling in a report", () => {
  it("saves a draft with answers missing, and shows them again", async () => {
    const setup = await acceptedAward();
    const cookie = setup.applicant.cookie;
    const outcomeId = setup.bid.outcomes[0]!.id;
    const response = await send(reportPath(setup), {
      cookie,
      form: { intent: "save", [`outcomes.${outcomeId}.achieved`]: "12", progress: "Started in April." },
    });
    expect(response.status).toBe(302);
    const report = await db.monitoringReport.findUniqueOrThrow({ where: { id: setup.reports[0]!.id }, include: { outcomes: true, budgetLines: true } });
    expect(report).toMatchObject({ status: "draft", progress: "Started in April.", challenges: "", submittedAt: null });
    expect(report.outcomes).toMatchObject([{ bidOutcomeId: outcomeId, achievedValue: 12, commentary: "" }]);
    expect(report.budgetLines).toEqual([]);
    const page = await (await send(reportPath(setup), { cookie })).text();
    expect(page).toContain("Started in April.");
    expect(page).toContain('value="12"');
    expect(page).toContain("75% of 120");
  });

  it("refuses a submission with answers missing, by each field, and saves none of it", async () => {
    const setup = await acceptedAward();
    const cookie = setup.applicant.cookie;
    await send(reportPath(setup), { cookie, form: { intent: "save", progress: "Saved earlier." } });
    const saved = await db.reportOutcome.findMany({ where: { reportId: setup.reports[0]!.id } });
    expect(saved).toMatchObject([{ achievedValue: null, commentary: "" }]);
    const answers = completeAnswers(setup);
    delete answers[`spent.${setup.bid.budgetLines[1]!.id}`];
    const response = await send(reportPath(setup), {
      cookie,
      form: { ...answers, challenges: "", [`outcomes.${setup.bid.outcomes[0]!.id}.achieved`]: "about 60" },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("What has been achieved for outcome 1 must be a whole number, like 45");
    expect(html).toContain("Enter how much has been spent so far on budget line 2");
    expect(html).toContain("Enter the challenges the project has met, or say there were none");
    const report = await db.monitoringReport.findUniqueOrThrow({ where: { id: setup.reports[0]!.id }, include: { outcomes: true, budgetLines: true } });
    expect(report).toMatchObject({ status: "draft", progress: "Saved earlier.", submittedAt: null });
    expect(report.outcomes).toEqual(saved);
    expect(report.budgetLines).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "report.submit_refused", subjectId: report.id } })).toBe(1);
  });

  it("submits a whole report, which is then read-only", async () => {
    const setup = await acceptedAward();
    const cookie = setup.applicant.cookie;
    expect((await send(reportPath(setup), { cookie, form: completeAnswers(setup) })).status).toBe(302);
    const report = await db.monitoringReport.findUniqueOrThrow({ where: { id: setup.reports[0]!.id }, include: { budgetLines: true } });
    expect(report).toMatchObject({ status: "submitted", submittedById: setup.applicant.user.id });
    expect(report.budgetLines.map((l) => l.spentPence).sort((a, b) => a - b)).toEqual([25_000, 540_050]);
    // The fund administrator is told, once, with a link to the review.
    const notices = await db.outboxEmail.findMany({ where: { template: "report-submitted" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      toAddress: setup.administrator.user.email,
      idempotencyKey: emailKeys.reportSubmitted(report.id, report.submittedAt!, setup.administrator.user.id),
    });
    expect(notices[0]!.text).toContain(`http://localhost:3000${reviewPath(setup)}`);

    const late = await send(reportPath(setup), { cookie, form: { ...completeAnswers(setup, "save"), progress: "Changed afterwards." } });
    expect(late.status).toBe(409);
    expect(await db.outboxEmail.count({ where: { template: "report-submitted" } })).toBe(1);
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } })).progress).toBe(
      "Twenty Friday sessions so far, with 85 young people attending.",
    );
    const page = await (await send(reportPath(setup), { cookie })).text();
    expect(page).not.toContain("Save as draft");
    expect(page).toContain("£5,400.50");
  });
});

describe("reviewing a report", () => {
  it("asks for changes with a required comment, emails the organisation once, and lets them submit again", async () => {
    const setup = await acceptedAward();
    const cookie = setup.administrator.cookie;
    await send(reportPath(setup), { cookie: setup.applicant.cookie, form: completeAnswers(setup) });

    const noComment = await send(reviewPath(setup), { cookie, form: { decision: "changes", comment: " " } });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Enter a comment for the organisation");
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: setup.reports[0]!.id } })).status).toBe("submitted");
    expect(await db.auditEvent.count({ where: { action: "report.review_refused", outcome: "refused" } })).toBe(1);

    const asked = await send(reviewPath(setup), { cookie, form: { decision: "changes", comment: "Please add the attendance figures." } });
    expect(asked.status).toBe(302);
    const report = await db.monitoringReport.findUniqueOrThrow({ where: { id: setup.reports[0]!.id } });
    expect(report).toMatchObject({
      status: "changes_requested",
      reviewComment: "Please add the attendance figures.",
      reviewedById: setup.administrator.user.id,
    });
    const emails = await db.outboxEmail.findMany({ where: { template: "report-review" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      toAddress: setup.applicant.organisation.contactEmail,
      idempotencyKey: emailKeys.reportReview(report.id, report.reviewedAt!),
    });
    expect(emails[0]!.text).toContain("Please add the attendance figures.");
    expect(emails[0]!.text).toContain(`http://localhost:3000${reportPath(setup)}`);

    // Sending the same review again finds nothing waiting for review: no second email.
    const again = await send(reviewPath(setup), { cookie, form: { decision: "changes", comment: "Please add the attendance figures." } });
    expect(again.status).toBe(409);
    expect(await db.outboxEmail.count({ where: { template: "report-review" } })).toBe(1);

    // The organisation sees the comment, can change the report and submit it again.
    const page = await (await send(reportPath(setup), { cookie: setup.applicant.cookie })).text();
    expect(page).toContain("The fund team has asked for changes");
    expect(page).toContain("Save as draft");
    expect(
      (await send(reportPath(setup), { cookie: setup.applicant.cookie, form: { ...completeAnswers(setup), progress: "With attendance figures." } })).status,
    ).toBe(302);
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("submitted");
  });

  it("closes the award once every report is accepted, leaving the pot alone", async () => {
    const setup = await acceptedAward();
    const cookie = setup.administrator.cookie;
    const potBefore = (await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).remainingPotPence;
    for (const [index, report] of setup.reports.entries()) {
      await send(reportPath(setup, report.id), { cookie: setup.applicant.cookie, form: completeAnswers(setup) });
      const accepted = await send(reviewPath(setup, report.id), { cookie, form: { decision: "accept", comment: "Thank you, a clear report." } });
      expect(accepted.status).toBe(302);
      const last = index === setup.reports.length - 1;
      expect(accepted.headers.get("Location")).toContain(last ? "saved=closed" : "saved=accepted");
      expect((await db.award.findUniqueOrThrow({ where: { id: setup.award.id } })).status).toBe(last ? "closed" : "accepted");
    }
    expect(await db.outboxEmail.count({ where: { template: "report-review" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "award.closed", subjectId: setup.award.id } })).toBe(1);
    expect((await db.round.findUniqueOrThrow({ where: { id: setup.round.id } })).remainingPotPence).toBe(potBefore);
    // An accepted report cannot be reviewed again.
    expect((await send(reviewPath(setup), { cookie, form: { decision: "changes", comment: "Second thoughts." } })).status).toBe(409);
  });
});

describe("report reminders", () => {
  it("queues each due reminder once, even when two runs race, to the organisation's contact", async () => {
    const setup = await acceptedAward();
    const report = setup.reports[0]!;
    const now = new Date(report.dueAt.getTime() - 10 * DAY);
    const racing = await Promise.all([queueReportReminders(now), queueReportReminders(now)]);
    expect(racing[0]! + racing[1]!).toBe(1);
    expect(await queueReportReminders(new Date(now.getTime() + 60_000))).toBe(0);
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "report-reminder" } });
    expect(email).toMatchObject({ toAddress: setup.applicant.organisation.contactEmail, idempotencyKey: emailKeys.reportReminder(report.id, "before-14") });
    expect(email.text).toContain(`http://localhost:3000${reportPath(setup)}`);

    // The day before, a day after and a week after: one more each.
    for (const [days, kind] of [
      [-1, "before-1"],
      [1, "overdue-1"],
      [7, "overdue-7"],
    ] as const) {
      const at = new Date(report.dueAt.getTime() + days * DAY);
      const runs = await Promise.all([queueReportReminders(at), queueReportReminders(at)]);
      expect(runs[0]! + runs[1]!).toBe(1);
      expect(await db.outboxEmail.count({ where: { idempotencyKey: emailKeys.reportReminder(report.id, kind) } })).toBe(1);
    }
    expect(await db.outboxEmail.count({ where: { template: "report-reminder" } })).toBe(4);
    const overdue = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: emailKeys.reportReminder(report.id, "overdue-7") } });
    expect(overdue.subject).toContain("Overdue: Mid-point report");
  });

  it("sends none for submitted or accepted reports", async () => {
    const setup = await acceptedAward();
    await db.monitoringReport.update({ where: { id: setup.reports[0]!.id }, data: { status: "accepted" } });
    await db.monitoringReport.update({ where: { id: setup.reports[1]!.id }, data: { status: "submitted" } });
    for (const report of setup.reports) {
      expect(await queueReportReminders(new Date(report.dueAt.getTime() - 1 * DAY))).toBe(0);
      expect(await queueReportReminders(new Date(report.dueAt.getTime() + 8 * DAY))).toBe(0);
    }
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

describe("documents and access", () => {
  it("lets the organisation attach a document, which only it and the fund administrator can download", async () => {
    const setup = await acceptedAward();
    const form = new FormData();
    form.append("document", new File([Buffer.from(pdfFile())], "attendance.pdf", { type: "application/pdf" }));
    expect((await send(reportPath(setup), { cookie: setup.applicant.cookie, form })).status).toBe(302);
    const document = await db.reportDocument.findFirstOrThrow({ where: { reportId: setup.reports[0]!.id } });
    expect(document).toMatchObject({ originalName: "attendance.pdf", mediaType: "application/pdf" });

    const applicantDownload = await send(`${reportPath(setup)}/documents/${document.id}`, { cookie: setup.applicant.cookie });
    expect(applicantDownload.status).toBe(200);
    expect(applicantDownload.headers.get("Content-Disposition")).toContain("attachment");
    expect((await send(`${reviewPath(setup)}/documents/${document.id}`, { cookie: setup.administrator.cookie })).status).toBe(200);

    const other = await applicantWithOrganisation("Another Community Group");
    expect((await send(`${reportPath(setup)}/documents/${document.id}`, { cookie: other.cookie })).status).toBe(404);
    // The document through a report of another award is not found either.
    expect((await send(`${reportPath(setup, setup.reports[1]!.id)}/documents/${document.id}`, { cookie: setup.applicant.cookie })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "report.document_access_refused", outcome: "refused" } })).toBe(2);
  });

  it("refuses another organisation's member (not found) and an assessor (forbidden), and changes nothing", async () => {
    const setup = await acceptedAward();
    const other = await applicantWithOrganisation("Another Community Group");
    const assessor = await signedInAs("assessor");
    expect((await send(reportPath(setup), { cookie: other.cookie })).status).toBe(404);
    expect((await send(reportPath(setup), { cookie: other.cookie, form: completeAnswers(setup) })).status).toBe(404);
    expect((await send(reportPath(setup), { cookie: assessor.cookie })).status).toBe(403);
    expect((await send(reviewPath(setup), { cookie: assessor.cookie })).status).toBe(403);
    expect((await send(reviewPath(setup), { cookie: setup.applicant.cookie, form: { decision: "accept", comment: "Mine." } })).status).toBe(403);
    expect((await send(`/administrator/rounds/${setup.round.id}/reports`, { cookie: assessor.cookie })).status).toBe(403);
    expect(await db.monitoringReport.count({ where: { status: "due" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "report.access_refused", outcome: "refused" } })).toBeGreaterThanOrEqual(2);
  });
});

describe("the administrator's list", () => {
  it("pages the round's reports, overdue first then by due date, and flags and filters overdue ones", async () => {
    const setup = await acceptedAward();
    // Only these reports, whatever today's date makes of the scheduled ones.
    await db.monitoringReport.deleteMany({ where: { awardId: setup.award.id } });
    const now = Date.now();
    await db.monitoringReport.createMany({
      data: Array.from({ length: 28 }, (_, i) => ({
        awardId: setup.award.id,
        title: `Quarterly report ${String(i + 1).padStart(2, "0")}`,
        dueAt: new Date(now + (i - 2.5) * DAY),
        status: i === 0 ? "submitted" : "due",
      })),
    });
    const path = `/administrator/rounds/${setup.round.id}/reports`;
    const cookie = setup.administrator.cookie;
    const first = await (await send(path, { cookie })).text();
    expect(first).toContain("28 reports, page 1 of 2");
    expect(first).toContain("2 reports are overdue.");
    expect(first).toContain("Quarterly report 01");
    expect(first).not.toContain("Quarterly report 26");
    expect(first.match(/govuk-tag--red/g)).toHaveLength(2);
    // Overdue first, then by due date (the submitted report, due earliest, comes after them).
    const order = ["Quarterly report 02", "Quarterly report 03", "Quarterly report 01", "Quarterly report 04"].map((title) => first.indexOf(title));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    const second = await (await send(`${path}?page=2`, { cookie })).text();
    expect(second).toContain("Quarterly report 28");
    expect(second).toContain("Quarterly report 26");
    expect(second).not.toContain("Quarterly report 25");
    const overdue = await (await send(`${path}?status=overdue`, { cookie })).text();
    expect(overdue).toContain("2 reports");
    expect(overdue).toContain("Quarterly report 02");
    expect(overdue).not.toContain("Quarterly report 01");
  });
});
