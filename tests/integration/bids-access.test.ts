// An applicant of one organisation asking for another organisation's bid, by changing the id in
// the address: every page and action answers 404, shows nothing of the bid and changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const PAGES = [
  "",
  "/about",
  "/priorities",
  "/areas",
  "/outcomes",
  "/budget",
  "/beneficiaries",
  "/safeguarding-and-equality",
  "/documents",
  "/declarations",
  "/check-answers",
  "/confirmation",
  "/withdraw",
];

async function twoOrganisations() {
  const round = await createRound();
  const owner = await applicantWithOrganisation("Darlington Youth Outreach");
  const draft = await createDraft(round.id, owner.organisation.id, owner.user.id);
  await completeDraft(draft.id, round, owner.user.id);
  await db.bid.update({ where: { id: draft.id }, data: { title: "A very secret project title" } });
  const stranger = await applicantWithOrganisation("Safe Streets CIC");
  return { round, owner, stranger, bidId: draft.id };
}

describe("another organisation's bid", () => {
  it("is not found on any page, and nothing of it is shown", async () => {
    const { stranger, bidId } = await twoOrganisations();
    for (const page of PAGES) {
      const response = await send(`/applicant/bids/${bidId}${page}`, { cookie: stranger.cookie });
      expect(response.status, page).toBe(404);
      const html = await response.text();
      expect(html, page).not.toContain("A very secret project title");
      expect(html, page).toContain("Page not found");
    }
    expect(await db.auditEvent.count({ where: { action: "bid.access_refused", actorId: stranger.user.id, outcome: "refused" } })).toBe(PAGES.length);
  });

  it("answers an unknown bid id the same way as someone else's", async () => {
    const { stranger } = await twoOrganisations();
    const response = await send("/applicant/bids/no-such-bid", { cookie: stranger.cookie });
    expect(response.status).toBe(404);
  });

  it("changes nothing when its sections, submit or withdraw are posted to", async () => {
    const { round, stranger, bidId } = await twoOrganisations();
    const before = await db.bid.findUniqueOrThrow({
      where: { id: bidId },
      include: { outcomes: true, budgetLines: true, areas: true, priorities: true, documents: true },
    });
    const posts: [string, Record<string, string | string[]>][] = [
      ["/about", { title: "Hijacked", summary: "x", amountRequested: "5000" }],
      ["/priorities", { priorityIds: [round.priorities[1]!.id] }],
      ["/areas", { areaIds: [round.areas[0]!.id] }],
      ["/outcomes", { "outcomes.0.outcome": "x", "outcomes.0.indicator": "y", "outcomes.0.target": "z" }],
      ["/budget", { "lines.0.item": "x", "lines.0.cost": "1" }],
      ["/beneficiaries", { beneficiaries: "x", beneficiaryCount: "1" }],
      ["/safeguarding-and-equality", { safeguardingAnswer: "x", equalityAnswer: "y" }],
      ["/documents", { intent: "remove-document", documentId: before.documents[0]!.id }],
      ["/declarations", { declarations: ["true-and-complete", "authorised", "report-changes", "monitoring"] }],
      ["/check-answers", { intent: "submit" }],
      ["/withdraw", { intent: "withdraw" }],
    ];
    for (const [page, form] of posts) {
      const response = await send(`/applicant/bids/${bidId}${page}`, { cookie: stranger.cookie, form });
      expect(response.status, page).toBe(404);
    }
    const after = await db.bid.findUniqueOrThrow({
      where: { id: bidId },
      include: { outcomes: true, budgetLines: true, areas: true, priorities: true, documents: true },
    });
    expect(after).toEqual(before);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("is shared with every member of the bid's organisation", async () => {
    const { owner, bidId } = await twoOrganisations();
    const { user: colleague, cookie } = await signedInAs("applicant");
    await db.membership.create({ data: { organisationId: owner.organisation.id, userId: colleague.id } });
    const response = await send(`/applicant/bids/${bidId}`, { cookie });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("A very secret project title");
  });

  it("is refused to staff roles by role, before any lookup", async () => {
    const { bidId } = await twoOrganisations();
    for (const role of ["assessor", "fund_administrator", "opcc_sign_off", "admin"] as const) {
      const { cookie } = await signedInAs(role);
      expect((await send(`/applicant/bids/${bidId}`, { cookie })).status, role).toBe(403);
    }
  });
});
