// Starting, submitting and withdrawing a bid, through the built app.
import { describe, expect, it } from "vitest";
import { saveEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const cookieValue = (setCookie: string) => setCookie.split(";")[0]!;

describe("starting a bid", () => {
  it("shows a confirm page on GET and changes nothing", async () => {
    const round = await createRound();
    const { cookie } = await applicantWithOrganisation();
    const response = await send(`/applicant/bids/new?round=${round.slug}`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`Start a bid for Community Safety Fund: ${round.name}`);
    expect(html).toContain("This bid will be from <strong>Darlington Youth Outreach</strong>");
    expect(await db.bid.count()).toBe(0);
  });

  it("lists the open rounds when none is given", async () => {
    const round = await createRound();
    const { cookie } = await applicantWithOrganisation();
    const html = await (await send("/applicant/bids/new", { cookie })).text();
    expect(html).toContain(`/applicant/bids/new?round=${round.slug}`);
  });

  it("creates a draft on POST, filled in from the eligibility check, and audits it", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const eligibility = cookieValue(
      await saveEligibilityAnswers({
        roundSlug: round.slug,
        organisationType: "registered_charity",
        areaIds: [round.areas[1]!.id, "not-an-area"],
        priorityIds: [round.priorities[0]!.id],
        amountRequestedPence: 450_000,
      }),
    );
    const response = await send("/applicant/bids/new", {
      cookie: `${cookie}; ${eligibility}`,
      // A tampered organisation id is ignored: the applicant has one organisation and it is used.
      form: { round: round.slug, organisationId: "someone-elses-organisation", status: "submitted" },
    });
    expect(response.status).toBe(302);
    const bid = await db.bid.findFirstOrThrow({ include: { areas: true, priorities: true } });
    expect(response.headers.get("Location")).toBe(`/applicant/bids/${bid.id}`);
    expect(bid).toMatchObject({ status: "draft", organisationId: organisation.id, createdById: user.id, amountRequestedPence: 450_000 });
    expect(bid.areas.map((a) => a.roundAreaId)).toEqual([round.areas[1]!.id]);
    expect(bid.priorities.map((p) => p.priorityId)).toEqual([round.priorities[0]!.id]);
    expect(JSON.parse(bid.eligibilityAnswers!)).toMatchObject({ roundSlug: round.slug, amountRequestedPence: 450_000 });
    expect(JSON.parse(bid.sectionProgress)).toEqual({ about: "in_progress", areas: "in_progress", priorities: "in_progress" });
    expect(await db.auditEvent.count({ where: { action: "bid.created", subjectId: bid.id, actorId: user.id } })).toBe(1);
  });

  it("makes one draft when the same start form is posted twice, one after the other or at once", async () => {
    const round = await createRound();
    const { cookie } = await applicantWithOrganisation();
    const tokenOf = async () => /name="startToken" value="([^"]+)"/.exec(await (await send(`/applicant/bids/new?round=${round.slug}`, { cookie })).text())![1]!;
    const first = await tokenOf();
    const second = await tokenOf();
    expect(second).not.toBe(first);

    const post = (startToken: string) => send("/applicant/bids/new", { cookie, form: { round: round.slug, startToken } });
    const again = [await post(first), await post(first)];
    const atOnce = await Promise.all([1, 2, 3, 4, 5].map(() => post(second)));
    for (const group of [again, atOnce]) {
      expect(group.map((r) => r.status)).toEqual(group.map(() => 302));
      expect(new Set(group.map((r) => r.headers.get("Location"))).size).toBe(1);
    }
    expect(again[0]!.headers.get("Location")).not.toBe(atOnce[0]!.headers.get("Location"));
    expect(await db.bid.count()).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "bid.created" } })).toBe(2);
  });

  it("does not hand over another applicant's bid for their start token", async () => {
    const round = await createRound();
    const asha = await applicantWithOrganisation();
    const other = await applicantWithOrganisation("Someone else's group");
    const token = /name="startToken" value="([^"]+)"/.exec(await (await send(`/applicant/bids/new?round=${round.slug}`, { cookie: asha.cookie })).text())![1]!;
    const mine = await send("/applicant/bids/new", { cookie: asha.cookie, form: { round: round.slug, startToken: token } });
    const theirs = await send("/applicant/bids/new", { cookie: other.cookie, form: { round: round.slug, startToken: token } });
    expect(theirs.status).toBe(302);
    expect(theirs.headers.get("Location")).not.toBe(mine.headers.get("Location"));
    const bid = await db.bid.findFirstOrThrow({ where: { createdById: other.user.id } });
    expect(bid.organisationId).toBe(other.organisation.id);
    expect(bid.startToken).toBeNull();
  });

  it("sends an applicant without an organisation to create one first, and back", async () => {
    const round = await createRound();
    const { cookie } = await signedInAs("applicant");
    const response = await send(`/applicant/bids/new?round=${round.slug}`, { cookie });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://x");
    expect(location.pathname).toBe("/applicant/organisation/new");
    expect(location.searchParams.get("redirectTo")).toBe(`/applicant/bids/new?round=${round.slug}`);
  });

  it("asks which organisation when the applicant has several, and only accepts their own", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation("First group");
    const second = await db.organisation.create({
      data: {
        name: "Second group",
        type: "cic",
        addressLine1: "1 Road",
        town: "Durham",
        postcode: "DH1 1AA",
        contactName: "X",
        contactEmail: "x@example.org",
        members: { create: { userId: user.id } },
      },
    });
    const { organisation: stranger } = await applicantWithOrganisation("Someone else's group");
    const page = await (await send(`/applicant/bids/new?round=${round.slug}`, { cookie })).text();
    expect(page).toContain("Which organisation is this bid for?");

    const missing = await send("/applicant/bids/new", { cookie, form: { round: round.slug } });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Select the organisation this bid is for");
    const foreign = await send("/applicant/bids/new", { cookie, form: { round: round.slug, organisationId: stranger.id } });
    expect(foreign.status).toBe(400);
    expect(await db.bid.count()).toBe(0);

    expect((await send("/applicant/bids/new", { cookie, form: { round: round.slug, organisationId: second.id } })).status).toBe(302);
    expect((await db.bid.findFirstOrThrow()).organisationId).toBe(second.id);
    expect(organisation.id).not.toBe(second.id);
  });

  it("does not start a bid in a closed round", async () => {
    const round = await createRound({ opensAt: new Date(Date.now() - 60_000 * 60), closesAt: new Date(Date.now() - 60_000) });
    const { cookie } = await applicantWithOrganisation();
    expect(await (await send(`/applicant/bids/new?round=${round.slug}`, { cookie })).text()).toContain("This round is not open for bids");
    const response = await send("/applicant/bids/new", { cookie, form: { round: round.slug } });
    expect(response.status).toBe(400);
    expect(await db.bid.count()).toBe(0);
  });

  it("answers 404 for an unknown round", async () => {
    const { cookie } = await applicantWithOrganisation();
    expect((await send("/applicant/bids/new?round=no-such-round", { cookie })).status).toBe(404);
  });
});

describe("submitting a bid", () => {
  async function readyBid(overrides: Parameters<typeof createRound>[0] = {}) {
    const round = await createRound(overrides);
    const applicant = await applicantWithOrganisation();
    const draft = await createDraft(round.id, applicant.organisation.id, applicant.user.id);
    await completeDraft(draft.id, round, applicant.user.id);
    return { round, ...applicant, bidId: draft.id };
  }

  it("assigns a reference, freezes a snapshot, audits and queues one receipt", async () => {
    const { round, user, cookie, bidId } = await readyBid();
    await db.round.update({ where: { id: round.id }, data: { referenceSequence: 41 } });
    const response = await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/applicant/bids/${bidId}/confirmation`);

    const bid = await db.bid.findUniqueOrThrow({ where: { id: bidId } });
    expect(bid.status).toBe("submitted");
    expect(bid.reference).toBe(`CSF-${round.code}-0042`);
    expect(bid.submittedAt).not.toBeNull();
    const snapshot = JSON.parse(bid.submittedSnapshot!);
    expect(snapshot).toMatchObject({
      reference: bid.reference,
      title: "Friday night detached youth work",
      amountRequestedPence: 1_200_000,
      budget: { totalCostPence: 1_250_000, otherFundingPence: 50_000 },
      areas: [{ name: "Darlington" }],
      formSize: "standard",
    });
    expect(snapshot.documents).toHaveLength(3);
    expect(await db.auditEvent.count({ where: { action: "bid.submitted", subjectId: bidId, actorId: user.id } })).toBe(1);
    const emails = await db.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ idempotencyKey: `receipt:${bidId}`, template: "submission-receipt", toAddress: user.email });
    expect(emails[0]!.subject).toContain(bid.reference!);

    const confirmation = await (await send(`/applicant/bids/${bidId}/confirmation`, { cookie })).text();
    expect(confirmation).toContain("govuk-panel--confirmation");
    expect(confirmation).toContain(`<strong>${bid.reference}</strong>`);
  });

  it("submits once however many times it is sent at the same moment", async () => {
    const { round, cookie, bidId } = await readyBid();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } })),
    );
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302, 302]);
    expect(new Set(responses.map((r) => r.headers.get("Location")))).toEqual(new Set([`/applicant/bids/${bidId}/confirmation`]));
    const bid = await db.bid.findUniqueOrThrow({ where: { id: bidId } });
    expect(bid.reference).toBe(`CSF-${round.code}-0001`);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).referenceSequence).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "bid.submitted" } })).toBe(1);

    // Pressing submit again later (back button, refresh) gives the same answer and nothing new.
    const again = await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(again.headers.get("Location")).toBe(`/applicant/bids/${bidId}/confirmation`);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).reference).toBe(bid.reference);
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("numbers bids of the same round in order, each once", async () => {
    const round = await createRound();
    const ids: string[] = [];
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const applicant = await applicantWithOrganisation(`Group ${i}`);
      const draft = await createDraft(round.id, applicant.organisation.id, applicant.user.id);
      await completeDraft(draft.id, round, applicant.user.id);
      ids.push(draft.id);
      cookies.push(applicant.cookie);
    }
    await Promise.all(ids.map((id, i) => send(`/applicant/bids/${id}/check-answers`, { cookie: cookies[i], form: { intent: "submit" } })));
    const references = (await db.bid.findMany({ select: { reference: true } })).map((b) => b.reference).sort();
    expect(references).toEqual([1, 2, 3].map((n) => `CSF-${round.code}-000${n}`));
  });

  it("refuses a submit after the deadline and keeps the bid as a draft", async () => {
    const { round, cookie, bidId } = await readyBid();
    // The bid was open in a browser when the round closed.
    await db.round.update({ where: { id: round.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const response = await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("You cannot submit this bid because the round closed at");
    expect(html).toContain("Your bid has been kept as a draft.");
    expect(html).toContain("<title>Error: Check your answers");
    const bid = await db.bid.findUniqueOrThrow({ where: { id: bidId } });
    expect(bid).toMatchObject({ status: "draft", reference: null, submittedAt: null, submittedSnapshot: null });
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).referenceSequence).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.submit_refused", outcome: "refused" } })).toBe(1);
  });

  it("refuses an incomplete bid and says which sections need finishing", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const draft = await createDraft(round.id, organisation.id, user.id);
    const response = await send(`/applicant/bids/${draft.id}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("You cannot submit this bid until every section is complete");
    expect(html).toContain("Complete the about the project section");
    expect((await db.bid.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
  });

  it("refuses a bid whose amount does not match its budget, with a clear message", async () => {
    const { cookie, bidId } = await readyBid();
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 1_000_000 } });
    const checkPage = await (await send(`/applicant/bids/${bidId}/check-answers`, { cookie })).text();
    expect(checkPage).toContain(
      "The amount you are requesting (£10,000.00) must equal your budget total (£12,500.00) minus other funding (£500.00), which is £12,000.00",
    );
    const response = await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("must equal your budget total");
    expect((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).status).toBe("draft");
  });

  it("refuses an amount outside the round's limits at submit", async () => {
    const { cookie, bidId } = await readyBid();
    await db.budgetLine.updateMany({ where: { bidId, position: 0 }, data: { costPence: 3_000_000 } });
    await db.bid.update({ where: { id: bidId }, data: { amountRequestedPence: 3_000_000 } });
    const response = await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Amount requested must be between £1,000.00 and £25,000.00");
  });

  it("freezes a submitted bid: every section refuses changes", async () => {
    const { cookie, bidId } = await readyBid();
    await send(`/applicant/bids/${bidId}/check-answers`, { cookie, form: { intent: "submit" } });
    const before = await db.bid.findUniqueOrThrow({
      where: { id: bidId },
      include: { outcomes: true, budgetLines: true, areas: true, priorities: true, documents: true },
    });
    const attempts: [string, Record<string, string | string[]>][] = [
      [
        "about",
        {
          title: "Changed",
          summary: "Changed",
          amountRequested: "5000",
          "projectStart.day": "1",
          "projectStart.month": "4",
          "projectStart.year": "2026",
          "projectEnd.day": "1",
          "projectEnd.month": "4",
          "projectEnd.year": "2027",
        },
      ],
      ["priorities", { priorityIds: [] }],
      ["areas", { areaIds: [] }],
      ["outcomes", { "outcomes.0.outcome": "x", "outcomes.0.indicator": "y", "outcomes.0.target": "z" }],
      ["budget", { "lines.0.item": "x", "lines.0.cost": "1" }],
      ["beneficiaries", { beneficiaries: "x", beneficiaryCount: "1" }],
      ["safeguarding-and-equality", { safeguardingAnswer: "x", equalityAnswer: "y" }],
      ["documents", { intent: "remove-document", documentId: before.documents[0]!.id }],
      ["declarations", { declarations: ["true-and-complete"] }],
    ];
    for (const [section, form] of attempts) {
      const response = await send(`/applicant/bids/${bidId}/${section}`, { cookie, form });
      expect(response.status, section).toBe(409);
      const page = await (await send(`/applicant/bids/${bidId}/${section}`, { cookie })).text();
      expect(page, section).toContain("This bid has been submitted, so it can no longer be changed");
    }
    const after = await db.bid.findUniqueOrThrow({
      where: { id: bidId },
      include: { outcomes: true, budgetLines: true, areas: true, priorities: true, documents: true },
    });
    expect(after).toEqual(before);
  });
});

describe("my bids and withdrawing", () => {
  it("lists drafts linking to their task list and submitted bids to their read-only view", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const draft = await createDraft(round.id, organisation.id, user.id);
    const submitted = await createDraft(round.id, organisation.id, user.id);
    await completeDraft(submitted.id, round, user.id);
    await send(`/applicant/bids/${submitted.id}/check-answers`, { cookie, form: { intent: "submit" } });

    const home = await (await send("/applicant", { cookie })).text();
    expect(home).toContain(`href="/applicant/bids/${draft.id}"`);
    expect(home).toContain(`href="/applicant/bids/${submitted.id}"`);
    expect(home).toContain("Submitted");
    expect(home).toContain(`CSF-${round.code}-0001`);

    const taskList = await (await send(`/applicant/bids/${draft.id}`, { cookie })).text();
    expect(taskList).toContain("govuk-task-list");
    expect(taskList).toContain("Cannot start yet");
    const view = await (await send(`/applicant/bids/${submitted.id}`, { cookie })).text();
    expect(view).toContain("This is the bid as it was submitted");
    expect(view).not.toContain("govuk-task-list");
    expect(view).not.toContain(">Change<");
  });

  it("withdraws a submitted bid after a confirmation page, once, with an audit event", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const bid = await createDraft(round.id, organisation.id, user.id);
    await completeDraft(bid.id, round, user.id);
    await send(`/applicant/bids/${bid.id}/check-answers`, { cookie, form: { intent: "submit" } });

    const confirm = await send(`/applicant/bids/${bid.id}/withdraw`, { cookie });
    expect(await confirm.text()).toContain("Are you sure you want to withdraw this bid?");
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("submitted");

    const response = await send(`/applicant/bids/${bid.id}/withdraw`, { cookie, form: { intent: "withdraw" } });
    expect(response.status).toBe(302);
    const withdrawn = await db.bid.findUniqueOrThrow({ where: { id: bid.id } });
    expect(withdrawn.status).toBe("withdrawn");
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect((await send(`/applicant/bids/${bid.id}/withdraw`, { cookie, form: { intent: "withdraw" } })).status).toBe(302);
    expect(await db.auditEvent.count({ where: { action: "bid.withdrawn", subjectId: bid.id } })).toBe(1);
  });

  it("does not withdraw a draft or a bid with a decision", async () => {
    const round = await createRound();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const draft = await createDraft(round.id, organisation.id, user.id);
    const response = await send(`/applicant/bids/${draft.id}/withdraw`, { cookie, form: { intent: "withdraw" } });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("You cannot withdraw this bid because it is draft");
    const decided = await db.bid.create({
      data: { roundId: round.id, organisationId: organisation.id, createdById: user.id, status: "awarded", reference: "CSF-X-0009" },
    });
    expect((await send(`/applicant/bids/${decided.id}/withdraw`, { cookie, form: { intent: "withdraw" } })).status).toBe(409);
    expect((await db.bid.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe("awarded");
    expect((await db.bid.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
  });
});
