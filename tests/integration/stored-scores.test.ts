// The stored score (ADR 0028) equals the score the scoring core computes from the assessments,
// after every operation that changes what a score depends on, each through the app.
import { describe, expect, it } from "vitest";
import { answerConflictQuestion, findAssignedBid } from "~/domain/assessment/assessor-bids.server";
import { scoreBid, storedScore } from "~/domain/assessment/scoring";
import { BID_FOR_SCORING, forScoring, recordScoresNotCurrent, scoringRules } from "~/domain/assessment/stored-score.server";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { assignDirectly, createAssessmentRound, scoringForm } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

/** Every bid of the round is current and stores exactly what scoreBid gives from its assessments now. */
async function expectStoredScoresMatch(roundId: string) {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    include: { criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true, position: true } } },
  });
  const bids = await db.bid.findMany({
    where: { roundId },
    select: { ...BID_FOR_SCORING, scoreKey: true, valueForMoneyKey: true, countedAssessments: true, needsModeration: true, scoreCurrent: true },
  });
  expect(bids.length).toBeGreaterThan(0);
  for (const bid of bids) {
    const { scoreKey, valueForMoneyKey, countedAssessments, needsModeration, scoreCurrent } = bid;
    expect({ reference: bid.reference, scoreCurrent }).toEqual({ reference: bid.reference, scoreCurrent: true });
    expect({ scoreKey, valueForMoneyKey, countedAssessments, needsModeration }).toEqual(storedScore(scoreBid(scoringRules(round), forScoring(bid))));
  }
}

async function roundWithThreeAssessors() {
  const setup = await createAssessmentRound({ bids: 2, assessors: 3 });
  for (const bid of setup.bids) for (const a of setup.assessors) await assignDirectly(bid.id, a.user.id, setup.administrator.user.id);
  // The fixture writes its bids directly: record them as a page would before ranking.
  await recordScoresNotCurrent(setup.round.id);
  await expectStoredScoresMatch(setup.round.id);
  return setup;
}

describe("each bid's stored score", () => {
  it("equals the score from its assessments after every operation that changes it", async () => {
    const { round, bids, criteria, assessors, administrator } = await roundWithThreeAssessors();
    const [bid] = bids;
    const [first, second, third] = assessors;
    const score = async (assessor: typeof first, scores: number[], intent: "save" | "submit" = "submit") => {
      await send(`/assessor/bids/${bid!.id}`, { cookie: assessor!.cookie, form: { conflict: "no" } });
      const response = await send(`/assessor/bids/${bid!.id}/score`, { cookie: assessor!.cookie, form: scoringForm(criteria, scores, intent) });
      expect(response.status).toBe(302);
    };

    // A draft counts for nothing; a submission does.
    await score(first, [4, 4, 4], "save");
    await expectStoredScoresMatch(round.id);
    await score(first, [4, 4, 4]);
    await expectStoredScoresMatch(round.id);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid!.id } })).scoreKey).not.toBe("");

    // Scores 3 apart on a criterion: the bid waits for moderation.
    await score(second, [1, 4, 4]);
    await expectStoredScoresMatch(round.id);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid!.id } })).needsModeration).toBe(true);

    const bidPage = `/administrator/rounds/${round.id}/bids/${bid!.id}`;
    expect((await send(bidPage, { cookie: administrator.cookie, form: { criterionId: criteria[0]!.id, score: "3", reason: "Panel view" } })).status).toBe(302);
    await expectStoredScoresMatch(round.id);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid!.id } })).needsModeration).toBe(false);

    // Re-opening an assessment takes its scores out until it is submitted again.
    const secondAssessment = await db.assessment.findFirstOrThrow({ where: { bidId: bid!.id, assessorId: second!.user.id } });
    expect((await send(bidPage, { cookie: administrator.cookie, form: { intent: "reopen", assessmentId: secondAssessment.id } })).status).toBe(302);
    await expectStoredScoresMatch(round.id);
    await score(second, [2, 3, 4]);
    await expectStoredScoresMatch(round.id);

    // The round's moderation spread decides which bids wait for moderation.
    const rules = { qualityThresholdPercent: "50", assessorsPerBid: "2", moderationSpread: "0" };
    expect((await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: rules })).status).toBeLessThan(400);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).moderationSpread).toBe(0);
    await expectStoredScoresMatch(round.id);

    // A conflict declared after scoring: that assessor's scores stop counting.
    const assigned = (await findAssignedBid(first!.user.id, bid!.id))!;
    expect(await answerConflictQuestion(first!.user.id, { ...assigned, conflict: null }, { conflict: "yes", reason: "A trustee" })).toEqual({ ok: true });
    await expectStoredScoresMatch(round.id);

    // Taking off an assessor with a draft changes nothing the score reads.
    await score(third, [1, 1, 1], "save");
    const removed = await send(`/administrator/rounds/${round.id}/assignments`, {
      cookie: administrator.cookie,
      form: { intent: "remove", bidId: bid!.id, assessorId: third!.user.id },
    });
    expect(removed.status).toBeLessThan(400);
    expect(await db.assessorAssignment.count({ where: { bidId: bid!.id, assessorId: third!.user.id } })).toBe(0);
    await expectStoredScoresMatch(round.id);
    // Some twenty requests through the app, each followed by a check of the whole round.
  }, 120_000);

  it("takes in both of two assessments submitted at the same moment", async () => {
    const { round, bids, criteria, assessors } = await roundWithThreeAssessors();
    const bid = bids[1]!;
    for (const assessor of assessors) await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "no" } });
    const responses = await Promise.all(
      assessors.map((assessor, i) => send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie, form: scoringForm(criteria, [i, 4 - i, 2]) })),
    );
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302]);
    await expectStoredScoresMatch(round.id);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).countedAssessments).toBe(3);
  });

  it("is recorded before a page ranks bids written without it (a new bid, or every bid after the migration)", async () => {
    const { round, bids, criteria, assessors, administrator } = await roundWithThreeAssessors();
    // As the migration leaves every existing bid: columns at their defaults, not current.
    const assessment = await db.assessment.create({
      data: { bidId: bids[0]!.id, assessorId: assessors[0]!.user.id, status: "submitted", submittedAt: new Date() },
    });
    await db.criterionScore.createMany({ data: criteria.map((c) => ({ assessmentId: assessment.id, criterionId: c.id, score: 4 })) });
    await db.bid.updateMany({ where: { roundId: round.id }, data: { scoreCurrent: false, scoreKey: "", valueForMoneyKey: "", countedAssessments: 0 } });
    const page = await send(`/administrator/rounds/${round.id}/results`, { cookie: administrator.cookie });
    expect(await page.text()).toContain("100.0%");
    await expectStoredScoresMatch(round.id);
  });

  it("is recorded once, and every page answers, when many ranking pages open at the same moment", async () => {
    const { round, administrator } = await roundWithThreeAssessors();
    const more = await createAssessmentRound({ bids: 30, assessors: 1 });
    await db.bid.updateMany({ where: { roundId: more.round.id }, data: { roundId: round.id } });
    await db.bid.updateMany({ where: { roundId: round.id }, data: { scoreCurrent: false, scoreKey: "", valueForMoneyKey: "", countedAssessments: 0 } });
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(`/administrator/rounds/${round.id}/${i % 2 === 0 ? "results" : "allocation"}`, { cookie: administrator.cookie }),
      ),
    );
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
    await expectStoredScoresMatch(round.id);
  });
});
