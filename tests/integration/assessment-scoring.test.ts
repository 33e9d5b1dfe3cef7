import { describe, expect, it } from "vitest";
import { FORM_RULES, storedBand } from "~/domain/bids/proportionate";
import { serialiseRoundFormRules } from "~/domain/bids/stored-form-rules";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { assignDirectly, createAssessmentRound, scoringForm } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function readyToScore() {
  const setup = await createAssessmentRound({ bids: 1, assessors: 1 });
  const bid = setup.bids[0]!;
  const assessor = setup.assessors[0]!;
  await assignDirectly(bid.id, assessor.user.id, setup.administrator.user.id);
  await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "no" } });
  return { ...setup, bid, assessor, path: `/assessor/bids/${bid.id}/score` };
}

describe("scoring a bid", () => {
  it("shows only the sections the bid's band was asked (ADR 0025)", async () => {
    const { path, assessor, bid, round } = await readyToScore();
    // Small requests (under £5,000) are asked about outcomes but not beneficiaries or safeguarding.
    const small = { ...storedBand(FORM_RULES.small), sections: ["outcomes" as const] };
    await db.round.update({
      where: { id: round.id },
      data: { smallBidThresholdPence: 500_000, formRules: serialiseRoundFormRules({ small, standard: storedBand(FORM_RULES.standard) }) },
    });
    const smallPage = await (await send(path, { cookie: assessor.cookie })).text();
    expect(smallPage).toContain("Requests of this size are not asked about beneficiaries or safeguarding and equality in this round.");
    expect(smallPage).not.toContain("Enhanced DBS checks for every volunteer.");
    expect(smallPage).toContain("Measurable outcomes");

    await db.bid.update({ where: { id: bid.id }, data: { amountRequestedPence: 1_000_000 } });
    const standardPage = await (await send(path, { cookie: assessor.cookie })).text();
    expect(standardPage).not.toContain("are not asked about");
    expect(standardPage).toContain("Enhanced DBS checks for every volunteer.");
    expect(standardPage).toContain("Measurable outcomes");
  });

  it("shows the bid beside the form with each criterion's descriptors", async () => {
    const { path, assessor, bid } = await readyToScore();
    const html = await (await send(path, { cookie: assessor.cookie })).text();
    expect(html).toContain(bid.summary);
    expect(html).toContain("Volunteer training");
    expect(html).toContain("Value for money (35% of the score)");
    expect(html).toContain("4: Excellent");
    expect(html).toContain("Save as draft");
  });

  it("saves a partial draft, then submits once and is read-only after", async () => {
    const { path, assessor, criteria, bid } = await readyToScore();
    const draft = await send(path, { cookie: assessor.cookie, form: { intent: "save", [`scores.${criteria[0]!.id}`]: "2", overallComment: "So far so good" } });
    expect(draft.status).toBe(302);
    expect(draft.headers.get("Location")).toBe(`${path}?saved=1`);
    const saved = await db.assessment.findFirstOrThrow({ include: { scores: true } });
    expect(saved.status).toBe("draft");
    expect(saved.scores.map((s) => s.score)).toEqual([2]);

    const submitted = await send(path, { cookie: assessor.cookie, form: scoringForm(criteria, [4, 1, 3]) });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toBe(`/assessor?submitted=${encodeURIComponent(bid.reference!)}`);
    const final = await db.assessment.findFirstOrThrow({ include: { scores: { include: { criterion: true } } } });
    expect(final.status).toBe("submitted");
    expect(final.recommendation).toBe("fund");
    expect(Object.fromEntries(final.scores.map((s) => [s.criterion.title, s.score]))).toEqual({
      "Supports PCC and partner objectives": 4,
      "Value for money": 1,
      Deliverability: 3,
    });

    const page = await (await send(path, { cookie: assessor.cookie })).text();
    expect(page).toContain("It cannot be changed");
    expect(page).not.toContain("Save as draft");

    const twice = await send(path, { cookie: assessor.cookie, form: scoringForm(criteria, [0, 0, 0]) });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("You have already submitted this assessment");
    const after = await db.assessment.findFirstOrThrow({ include: { scores: true } });
    expect(after.scores.map((s) => s.score).sort()).toEqual([1, 3, 4]);
    expect(after.updatedAt).toEqual(final.updatedAt);
    expect(await db.auditEvent.count({ where: { action: "assessment.submit", outcome: "refused" } })).toBe(1);

    const queue = await (await send("/assessor", { cookie: assessor.cookie })).text();
    expect(queue).toContain("You have submitted 1 of 1 assessment");
  });

  it("refuses scores outside the scale, changes nothing and audits the refusal", async () => {
    const { path, assessor, criteria } = await readyToScore();
    for (const bad of ["5", "-1", "2.5", "x"]) {
      const response = await send(path, { cookie: assessor.cookie, form: { ...scoringForm(criteria, [3, 3, 3], "save"), [`scores.${criteria[1]!.id}`]: bad } });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("<title>Error: ");
      expect(html).toContain("Score for “Value for money” must be a whole number from 0 to 4");
    }
    expect(await db.criterionScore.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "assessment.save", outcome: "refused" } })).toBe(4);
  });

  it("needs a comment for low scores, a recommendation and an overall comment to submit", async () => {
    const { path, assessor, criteria } = await readyToScore();
    const form = { ...scoringForm(criteria, [1, 3, 3]), [`comments.${criteria[0]!.id}`]: "", recommendation: "", overallComment: "" };
    const response = await send(path, { cookie: assessor.cookie, form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Explain why you scored “Supports PCC and partner objectives” 1");
    expect(html).toContain("Select your overall recommendation");
    expect(html).toContain("Enter an overall comment");
    expect((await db.assessment.findFirstOrThrow()).status).toBe("draft");
  });

  it("refuses other roles", async () => {
    const { path, criteria, applicant, administrator } = await readyToScore();
    for (const cookie of [applicant.cookie, administrator.cookie]) {
      expect((await send(path, { cookie })).status).toBe(403);
      expect((await send(path, { cookie, form: scoringForm(criteria, [3, 3, 3]) })).status).toBe(403);
    }
    expect(await db.criterionScore.count()).toBe(0);
  });
});
