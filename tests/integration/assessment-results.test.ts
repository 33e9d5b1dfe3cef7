import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { assignDirectly, createAssessmentRound, scoringForm } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

/** Two bids, each scored by both assessors through the app. */
async function scoredRound(scores: { bid: number; assessor: number; scores: number[] }[]) {
  const setup = await createAssessmentRound({ bids: 2, assessors: 2 });
  for (const bid of setup.bids) for (const a of setup.assessors) await assignDirectly(bid.id, a.user.id, setup.administrator.user.id);
  for (const s of scores) {
    const bid = setup.bids[s.bid]!;
    const assessor = setup.assessors[s.assessor]!;
    await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "no" } });
    const response = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie, form: scoringForm(setup.criteria, s.scores) });
    expect(response.status).toBe(302);
  }
  return setup;
}

describe("scores and ranking", () => {
  it("ranks bids by weighted score with the threshold line, flags and running total", async () => {
    const { round, bids, administrator } = await scoredRound([
      { bid: 0, assessor: 0, scores: [1, 1, 1] },
      { bid: 0, assessor: 1, scores: [1, 2, 1] },
      { bid: 1, assessor: 0, scores: [4, 4, 4] },
      { bid: 1, assessor: 1, scores: [1, 3, 4] },
    ]);
    const response = await send(`/administrator/rounds/${round.id}/results`, { cookie: administrator.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Bid 2: (40×2.5 + 35×3.5 + 25×4)/4 = 80.6%; bid 1: (40×1 + 35×1.5 + 25×1)/4 = 29.4%.
    expect(html.indexOf(bids[1]!.reference!)).toBeLessThan(html.indexOf(bids[0]!.reference!));
    expect(html).toContain("80.6%");
    expect(html).toContain("29.4%");
    expect(html).toContain("Quality threshold (50%): bids below this line do not meet it");
    expect(html).toContain("Needs moderation");
    expect(html).toContain("£2,000.00");
    expect(html).toContain("£3,000.00");
  });

  it("records a moderated score with a reason, keeps the assessors' scores and audits it", async () => {
    const { round, bids, criteria, administrator } = await scoredRound([
      { bid: 1, assessor: 0, scores: [4, 4, 4] },
      { bid: 1, assessor: 1, scores: [1, 3, 4] },
    ]);
    const path = `/administrator/rounds/${round.id}/bids/${bids[1]!.id}`;
    const refused = await send(path, { cookie: administrator.cookie, form: { criterionId: criteria[0]!.id, score: "9", reason: "" } });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("must be a whole number from 0 to 4");
    expect(refusedHtml).toContain("Enter the reason for the moderated score");
    expect(await db.moderatedScore.count()).toBe(0);

    const saved = await send(path, {
      cookie: administrator.cookie,
      form: { criterionId: criteria[0]!.id, score: "3", reason: "Panel agreed the evidence is good" },
    });
    expect(saved.status).toBe(302);
    const moderated = await db.moderatedScore.findFirstOrThrow();
    expect(moderated).toMatchObject({ score: 3, reason: "Panel agreed the evidence is good", moderatedById: administrator.user.id });
    expect(await db.criterionScore.count({ where: { criterionId: criteria[0]!.id } })).toBe(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "score.moderated" } });
    expect(JSON.parse(event.before!).assessorScores).toHaveLength(2);

    const results = await (await send(`/administrator/rounds/${round.id}/results`, { cookie: administrator.cookie })).text();
    // The tag on a bid's row, not the filter's option of the same name.
    expect(results).not.toContain('govuk-tag--red">Needs moderation');
    // (40×3 + 35×3.5 + 25×4)/4 = 85.6%
    expect(results).toContain("85.6%");

    const history = await send(`${path}/history`, { cookie: administrator.cookie });
    expect(history.status).toBe(200);
    const historyHtml = await history.text();
    expect(historyHtml).toContain("score.moderated");
    expect(historyHtml).toContain("assessment.submitted");
  });

  it("leaves out the scores of an assessor who declared a conflict", async () => {
    const { round, bids, assessors, administrator } = await scoredRound([
      { bid: 1, assessor: 0, scores: [4, 4, 4] },
      { bid: 1, assessor: 1, scores: [0, 0, 0] },
    ]);
    await send(`/assessor/bids/${bids[1]!.id}`, { cookie: assessors[1]!.cookie, form: { conflict: "yes", reason: "Became a trustee" } });
    const html = await (await send(`/administrator/rounds/${round.id}/results`, { cookie: administrator.cookie })).text();
    expect(html).toContain("100.0%");
    expect(html).toContain("Needs another assessor");
  });

  it("re-opens a submitted assessment so the assessor can change it, and audits it", async () => {
    const { round, bids, assessors, criteria, administrator } = await scoredRound([{ bid: 0, assessor: 0, scores: [2, 2, 2] }]);
    const assessment = await db.assessment.findFirstOrThrow();
    const path = `/administrator/rounds/${round.id}/bids/${bids[0]!.id}`;
    const response = await send(path, { cookie: administrator.cookie, form: { intent: "reopen", assessmentId: assessment.id } });
    expect(response.status).toBe(302);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).toMatchObject({ status: "draft", submittedAt: null });
    expect(await db.auditEvent.count({ where: { action: "assessment.reopened", actorId: administrator.user.id } })).toBe(1);

    const again = await send(path, { cookie: administrator.cookie, form: { intent: "reopen", assessmentId: assessment.id } });
    expect(again.status).toBe(400);
    expect(await db.auditEvent.count({ where: { action: "assessment.reopen", outcome: "refused" } })).toBe(1);

    const resubmitted = await send(`/assessor/bids/${bids[0]!.id}/score`, { cookie: assessors[0]!.cookie, form: scoringForm(criteria, [3, 3, 3]) });
    expect(resubmitted.status).toBe(302);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessment.id } })).status).toBe("submitted");
  });

  it("refuses assessors and applicants", async () => {
    const { round, bids, criteria, assessors, applicant } = await createAssessmentRound({ bids: 1, assessors: 1 });
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      expect((await send(`/administrator/rounds/${round.id}/results`, { cookie })).status).toBe(403);
      const post = await send(`/administrator/rounds/${round.id}/bids/${bids[0]!.id}`, {
        cookie,
        form: { criterionId: criteria[0]!.id, score: "4", reason: "Mine" },
      });
      expect(post.status).toBe(403);
    }
    expect(await db.moderatedScore.count()).toBe(0);
  });
});
