// Each section page of the bid form: what it saves, what it refuses (with GOV.UK messages in the
// error summary and inline, keeping what was typed), and the status it gives the task list.
import { beforeEach, describe, expect, it } from "vitest";
import { saveSection } from "~/domain/bids/bids.server";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { applicantWithOrganisation, createDraft, createRound, type TestRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

let round: TestRound;
let cookie: string;
let bidId: string;

beforeEach(async () => {
  round = await createRound();
  const applicant = await applicantWithOrganisation();
  cookie = applicant.cookie;
  bidId = (await createDraft(round.id, applicant.organisation.id, applicant.user.id)).id;
});

const post = (section: string, form: Record<string, string | string[]>) => send(`/applicant/bids/${bidId}/${section}`, { cookie, form });
const bid = () =>
  db.bid.findUniqueOrThrow({
    where: { id: bidId },
    include: { outcomes: { orderBy: { position: "asc" } }, budgetLines: { orderBy: { position: "asc" } }, areas: true, priorities: true },
  });
const progress = async () => JSON.parse((await bid()).sectionProgress) as Record<string, string>;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

/** The page answered 400 with the message in the error summary and inline, and an "Error:" title. */
async function expectErrors(response: Response, ...messages: string[]) {
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toContain("<title>Error: ");
  expect(html).toContain("There is a problem");
  for (const message of messages) {
    const escaped = message.replaceAll("'", "&#x27;");
    expect(html.split(escaped).length - 1, message).toBeGreaterThanOrEqual(2);
  }
  return html;
}

const goodAbout = {
  intent: "save-and-continue",
  title: "Friday night detached youth work",
  summary: "Youth workers on the streets of central Darlington.",
  amountRequested: "£12,000",
  "projectStart.day": "1",
  "projectStart.month": "4",
  "projectStart.year": "2026",
  "projectEnd.day": "31",
  "projectEnd.month": "3",
  "projectEnd.year": "2027",
};

describe("about the project", () => {
  it("saves the answers, the amount in pence and the dates, and marks the section completed", async () => {
    const response = await post("about", goodAbout);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/applicant/bids/${bidId}`);
    const saved = await bid();
    expect(saved).toMatchObject({ title: goodAbout.title, summary: goodAbout.summary, amountRequestedPence: 1_200_000 });
    expect(saved.projectStartDate?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(saved.projectEndDate?.toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect(await progress()).toEqual({ about: "completed" });
    const page = await (await send(`/applicant/bids/${bidId}/about`, { cookie })).text();
    expect(page).toContain('value="12000"');
    const taskList = await (await send(`/applicant/bids/${bidId}`, { cookie })).text();
    expect(taskList).toMatch(/About the project[\s\S]*?Completed/);
  });

  it("accepts pence as 12500.50", async () => {
    await post("about", { ...goodAbout, amountRequested: "12500.50" });
    expect((await bid()).amountRequestedPence).toBe(1_250_050);
  });

  it("asks for every missing answer and saves nothing", async () => {
    const response = await post("about", { intent: "save-and-continue" });
    await expectErrors(
      response,
      "Enter the project title",
      "Enter a summary of your project",
      "Enter the amount you are requesting, like 12500",
      "Enter the date your project will start",
      "Enter the date your project will end",
    );
    expect((await bid()).title).toBe("");
    expect(await progress()).toEqual({});
  });

  it.each([
    ["12,5OO", "Amount requested must be an amount in pounds, like 12500 or 12500.50"],
    ["-5000", "Amount requested must be an amount in pounds, like 12500 or 12500.50"],
    ["12.345", "Amount requested must be an amount in pounds, like 12500 or 12500.50"],
    ["99999999999", "Amount requested must be £10,000,000 or less"],
    ["0", "Amount requested must be between £1,000.00 and £25,000.00"],
    ["25000.01", "Amount requested must be between £1,000.00 and £25,000.00"],
  ])("refuses the amount %j", async (amount, message) => {
    const html = await expectErrors(await post("about", { ...goodAbout, amountRequested: amount }), message);
    expect(html).toContain(`value="${amount}"`);
    expect((await bid()).amountRequestedPence).toBeNull();
  });

  it("applies the shorter summary limit to a small bid and the longer one to a larger bid", async () => {
    await expectErrors(await post("about", { ...goodAbout, amountRequested: "4000", summary: words(151) }), "Summary must be 150 words or fewer");
    expect((await post("about", { ...goodAbout, amountRequested: "4000", summary: words(150) })).status).toBe(302);
    expect((await post("about", { ...goodAbout, amountRequested: "5000", summary: words(300) })).status).toBe(302);
    await expectErrors(await post("about", { ...goodAbout, amountRequested: "5000", summary: words(301) }), "Summary must be 300 words or fewer");
  });

  it.each([
    [{ "projectStart.day": "31", "projectStart.month": "2" }, "Project start date must be a real date"],
    [{ "projectStart.month": "" }, "Project start date must include a month"],
    [{ "projectStart.year": "26" }, "Year must include 4 numbers"],
    [{ "projectEnd.year": "2025" }, "Project end date must be after the project start date"],
    [{ "projectStart.day": "first" }, "Project start date must be a real date"],
  ])("refuses the dates %j", async (dates, message) => {
    await expectErrors(await post("about", { ...goodAbout, ...dates }), message);
  });

  it("refuses a title that is too long and keeps it", async () => {
    await expectErrors(await post("about", { ...goodAbout, title: "x".repeat(151) }), "Project title must be 150 characters or fewer");
  });

  it("shows HTML typed into an answer as text, never as markup", async () => {
    await post("about", { ...goodAbout, title: "<script>alert(1)</script>", summary: '<img src=x onerror="alert(1)">' });
    const check = await (await send(`/applicant/bids/${bidId}/check-answers`, { cookie })).text();
    expect(check).not.toContain("<script>alert(1)</script>");
    expect(check).not.toContain('<img src=x onerror="alert(1)">');
    expect(check).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("saves a draft with blanks as in progress, but still refuses what is wrong", async () => {
    const response = await post("about", { intent: "save-draft", title: "Half done" });
    expect(response.status).toBe(302);
    expect((await bid()).title).toBe("Half done");
    expect(await progress()).toEqual({ about: "in_progress" });
    await expectErrors(
      await post("about", { intent: "save-draft", amountRequested: "lots" }),
      "Amount requested must be an amount in pounds, like 12500 or 12500.50",
    );
    const taskList = await (await send(`/applicant/bids/${bidId}`, { cookie })).text();
    expect(taskList).toMatch(/About the project[\s\S]*?In progress/);
  });

  it("ignores tampered hidden fields: status, organisation and reference come from the server", async () => {
    const { organisation: other } = await applicantWithOrganisation("Other group");
    await post("about", { ...goodAbout, status: "awarded", organisationId: other.id, reference: "CSF-FAKE-0001", amountRequestedPence: "1" });
    const saved = await bid();
    expect(saved.status).toBe("draft");
    expect(saved.organisationId).not.toBe(other.id);
    expect(saved.reference).toBeNull();
    expect(saved.amountRequestedPence).toBe(1_200_000);
  });
});

describe("priorities and areas", () => {
  it("saves the chosen priorities and areas", async () => {
    expect((await post("priorities", { intent: "save-and-continue", priorityIds: [round.priorities[0]!.id, round.priorities[1]!.id] })).status).toBe(302);
    expect((await post("areas", { intent: "save-and-continue", areaIds: [round.areas[0]!.id] })).status).toBe(302);
    const saved = await bid();
    expect(saved.priorities.map((p) => p.priorityId).sort()).toEqual([round.priorities[0]!.id, round.priorities[1]!.id].sort());
    expect(saved.areas.map((a) => a.roundAreaId)).toEqual([round.areas[0]!.id]);
    expect(await progress()).toEqual({ priorities: "completed", areas: "completed" });
    // Choosing again replaces the earlier choice.
    await post("areas", { intent: "save-and-continue", areaIds: [round.areas[1]!.id] });
    expect((await bid()).areas.map((a) => a.roundAreaId)).toEqual([round.areas[1]!.id]);
  });

  it("asks for at least one", async () => {
    await expectErrors(await post("priorities", { intent: "save-and-continue" }), "Select at least one priority your project addresses");
    await expectErrors(await post("areas", { intent: "save-and-continue" }), "Select at least one area your project works in");
  });

  it("refuses ids that are not the round's own", async () => {
    const other = await createRound();
    await expectErrors(await post("priorities", { intent: "save-and-continue", priorityIds: [other.priorities[0]!.id] }), "Select priorities from the list");
    await expectErrors(await post("areas", { intent: "save-and-continue", areaIds: ["made-up"] }), "Select areas from the list");
    expect((await bid()).priorities).toEqual([]);
  });
});

describe("outcomes", () => {
  it("adds and removes rows without JavaScript, keeping what was typed, and saves nothing until asked", async () => {
    const added = await post("outcomes", {
      intent: "add-outcome",
      "outcomes.0.outcome": "Fewer incidents",
      "outcomes.0.indicator": "Police data",
      "outcomes.0.target": "20% fewer",
    });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain("Outcome 2");
    expect(html).toContain('value="Fewer incidents"');
    expect(html).toContain('name="outcomes.1.outcome"');
    expect((await bid()).outcomes).toEqual([]);

    const removed = await post("outcomes", {
      intent: "remove-outcome:0",
      "outcomes.0.outcome": "First",
      "outcomes.0.indicator": "a",
      "outcomes.0.target": "b",
      "outcomes.1.outcome": "Second",
      "outcomes.1.indicator": "c",
      "outcomes.1.target": "d",
    });
    const after = await removed.text();
    expect(after).not.toContain('value="First"');
    expect(after).toContain('value="Second"');
    expect(after).not.toContain("Outcome 2");
  });

  it("saves complete rows in order, leaving blank rows out", async () => {
    const response = await post("outcomes", {
      intent: "save-and-continue",
      "outcomes.0.outcome": "Young people feel safer",
      "outcomes.0.indicator": "Survey",
      "outcomes.0.target": "75%",
      "outcomes.1.outcome": "",
      "outcomes.1.indicator": "",
      "outcomes.1.target": "",
      "outcomes.2.outcome": "Fewer call-outs",
      "outcomes.2.indicator": "Police data",
      "outcomes.2.target": "20% fewer",
    });
    expect(response.status).toBe(302);
    expect((await bid()).outcomes.map((o) => [o.position, o.outcome])).toEqual([
      [0, "Young people feel safer"],
      [1, "Fewer call-outs"],
    ]);
    expect(await progress()).toEqual({ outcomes: "completed" });
  });

  it("asks for every part of a row and for at least one outcome", async () => {
    await expectErrors(
      await post("outcomes", { intent: "save-and-continue", "outcomes.0.outcome": "Fewer incidents" }),
      "Enter how you will measure outcome 1",
      "Enter the target for outcome 1",
    );
    await expectErrors(await post("outcomes", { intent: "save-and-continue" }), "Enter outcome 1");
    await expectErrors(
      await post("outcomes", { intent: "save-and-continue", "outcomes.0.outcome": "x".repeat(301), "outcomes.0.indicator": "a", "outcomes.0.target": "b" }),
      "Outcome 1 must be 300 characters or fewer",
    );
    expect((await bid()).outcomes).toEqual([]);
  });

  it("allows fewer outcomes on a small bid", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 400_000 } });
    const rows = Object.fromEntries(
      [0, 1, 2, 3].flatMap((i) => [
        [`outcomes.${i}.outcome`, `O${i}`],
        [`outcomes.${i}.indicator`, "I"],
        [`outcomes.${i}.target`, "T"],
      ]),
    );
    await expectErrors(await post("outcomes", { intent: "save-and-continue", ...rows }), "You can add up to 3 outcomes");
  });
});

describe("budget", () => {
  const lines = {
    "lines.0.item": "Youth workers",
    "lines.0.cost": "£11,500",
    "lines.0.otherFunding": "",
    "lines.1.item": "Venue hire",
    "lines.1.cost": "1000.50",
    "lines.1.otherFunding": "500.50",
  };

  it("saves lines in pence and completes when the budget matches the amount requested", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_200_000 } });
    const response = await post("budget", { intent: "save-and-continue", ...lines });
    expect(response.status).toBe(302);
    expect((await bid()).budgetLines.map((l) => [l.item, l.costPence, l.otherFundingPence])).toEqual([
      ["Youth workers", 1_150_000, 0],
      ["Venue hire", 100_050, 50_050],
    ]);
    expect(await progress()).toEqual({ budget: "completed" });
  });

  it("explains the amount rule when the budget does not match, and saves nothing", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_000_000 } });
    const html = await expectErrors(
      await post("budget", { intent: "save-and-continue", ...lines }),
      "The amount you are requesting (£10,000.00) must equal your budget total (£12,500.50) minus other funding (£500.50), which is £12,000.00. Change the budget or the amount requested",
    );
    expect(html).toContain('href="#budgetTotal"');
    expect(html).toContain('value="1000.50"');
    expect((await bid()).budgetLines).toEqual([]);
  });

  it("a changed amount puts a completed budget back in progress", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_200_000 } });
    await post("budget", { intent: "save-and-continue", ...lines });
    await post("about", { ...goodAbout, amountRequested: "13000" });
    const taskList = await (await send(`/applicant/bids/${bidId}`, { cookie })).text();
    expect(taskList).toMatch(/Budget<\/a>[\s\S]*?must equal your budget total[\s\S]*?In progress/);
  });

  it.each([
    [{ "lines.0.cost": "" }, "Enter the cost of budget line 1, like 1500"],
    [{ "lines.0.cost": "ten pounds" }, "Cost of budget line 1 must be an amount in pounds, like 1500 or 1500.50"],
    [{ "lines.0.cost": "0" }, "Cost of budget line 1 must be more than £0"],
    [{ "lines.0.item": "" }, "Enter what budget line 1 is for"],
    [{ "lines.1.otherFunding": "2000" }, "Other funding for budget line 2 must not be more than its cost"],
    [{ "lines.1.otherFunding": "-1" }, "Other funding for budget line 2 must be an amount in pounds, like 500 or 500.50"],
  ])("refuses %j", async (change, message) => {
    await expectErrors(await post("budget", { intent: "save-and-continue", ...lines, ...change }), message);
    expect((await bid()).budgetLines).toEqual([]);
  });

  it("adds another line without JavaScript", async () => {
    const html = await (await post("budget", { intent: "add-line", ...lines })).text();
    expect(html).toContain("Budget line 3");
    expect(html).toContain('value="Venue hire"');
  });
});

describe("beneficiaries", () => {
  it("saves the description and count", async () => {
    expect((await post("beneficiaries", { intent: "save-and-continue", beneficiaries: "Young people", beneficiaryCount: "1,200" })).status).toBe(302);
    expect(await bid()).toMatchObject({ beneficiaries: "Young people", beneficiaryCount: 1200 });
  });

  it.each([
    ["", "Enter how many people will benefit, like 120"],
    ["about 100", "Number of people who will benefit must be a whole number, like 120"],
    ["12.5", "Number of people who will benefit must be a whole number, like 120"],
    ["0", "Number of people who will benefit must be between 1 and 1,000,000"],
    ["99999999999999", "Number of people who will benefit must be between 1 and 1,000,000"],
  ])("refuses the count %j", async (count, message) => {
    await expectErrors(await post("beneficiaries", { intent: "save-and-continue", beneficiaries: "Young people", beneficiaryCount: count }), message);
  });

  it("enforces the word limit on the server", async () => {
    await expectErrors(
      await post("beneficiaries", { intent: "save-and-continue", beneficiaries: words(201), beneficiaryCount: "5" }),
      "Who will benefit must be 200 words or fewer",
    );
  });
});

describe("safeguarding and equality", () => {
  it("asks a larger bid for both answers", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_200_000 } });
    await expectErrors(
      await post("safeguarding-and-equality", { intent: "save-and-continue", safeguardingAnswer: "DBS checks" }),
      "Describe how your project will reach and include everyone who could benefit",
    );
  });

  it("lets a small bid leave the equality question out, with shorter limits", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 400_000 } });
    const page = await (await send(`/applicant/bids/${bidId}/safeguarding-and-equality`, { cookie })).text();
    expect(page).toContain("(optional)");
    expect(page).toContain('data-maxwords="150"');
    await expectErrors(
      await post("safeguarding-and-equality", { intent: "save-and-continue", safeguardingAnswer: words(151) }),
      "Safeguarding answer must be 150 words or fewer",
    );
    expect((await post("safeguarding-and-equality", { intent: "save-and-continue", safeguardingAnswer: "DBS checks" })).status).toBe(302);
    expect(await progress()).toEqual({ "safeguarding-and-equality": "completed" });
  });
});

describe("declarations", () => {
  it("needs every declaration", async () => {
    await expectErrors(await post("declarations", { declarations: ["true-and-complete"] }), "Select every declaration to confirm it");
    expect((await bid()).declarationsAcceptedAt).toBeNull();
    const all = ["true-and-complete", "authorised", "report-changes", "monitoring"];
    expect((await post("declarations", { declarations: all })).status).toBe(302);
    expect((await bid()).declarationsAcceptedAt).not.toBeNull();
    expect(await progress()).toEqual({ declarations: "completed" });
  });
});

describe("every section", () => {
  it("records who saved what in the audit log", async () => {
    await post("about", goodAbout);
    expect(await db.auditEvent.count({ where: { action: "bid.section_saved", subjectId: bidId } })).toBe(1);
  });

  it("keeps every section's status when saves of different sections are fired together", async () => {
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_200_000 } });
    const responses = await Promise.all([
      post("about", goodAbout),
      post("priorities", { intent: "save-and-continue", priorityIds: [round.priorities[0]!.id] }),
      post("areas", { intent: "save-and-continue", areaIds: [round.areas[0]!.id] }),
      post("beneficiaries", { intent: "save-and-continue", beneficiaries: "Young people", beneficiaryCount: "250" }),
      post("safeguarding-and-equality", { intent: "save-and-continue", safeguardingAnswer: "DBS checks", equalityAnswer: "Free sessions" }),
      post("declarations", { declarations: ["true-and-complete", "authorised", "report-changes", "monitoring"] }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302, 302, 302, 302]);
    expect(await progress()).toEqual({
      about: "completed",
      priorities: "completed",
      areas: "completed",
      beneficiaries: "completed",
      "safeguarding-and-equality": "completed",
      declarations: "completed",
    });
    expect(await db.auditEvent.count({ where: { action: "bid.section_saved", subjectId: bidId } })).toBe(6);
  });

  it("keeps another save's status when the progress it read has changed since (ADR 0033)", async () => {
    const viewer = { id: (await db.bid.findUniqueOrThrow({ where: { id: bidId } })).createdById, role: "applicant" as const };
    const seen = (await bid()).sectionProgress;
    expect(await saveSection({ bidId, viewer, section: "beneficiaries", status: "completed", progressSeen: seen })).toEqual({ ok: true });
    // Read before the save above: its condition fails, and the progress is read again.
    expect(await saveSection({ bidId, viewer, section: "outcomes", status: "in_progress", progressSeen: seen })).toEqual({ ok: true });
    expect(await progress()).toEqual({ beneficiaries: "completed", outcomes: "in_progress" });
    await db.bid.update({ where: { id: bidId }, data: { status: "submitted", reference: "CSF-TEST-0001", submittedAt: new Date() } });
    const refused = await saveSection({ bidId, viewer, section: "about", status: "completed", progressSeen: (await bid()).sectionProgress });
    expect(refused).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    expect(await progress()).toEqual({ beneficiaries: "completed", outcomes: "in_progress" });
  });
});
