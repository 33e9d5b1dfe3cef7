import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

function form(criteria: { id: string }[], weights: number[], extra: Record<string, string> = {}) {
  return {
    qualityThresholdPercent: "60",
    assessorsPerBid: "3",
    moderationSpread: "1",
    ...Object.fromEntries(criteria.map((c, i) => [`weights.${c.id}`, String(weights[i] ?? 0)])),
    ...extra,
  };
}

describe("a round's assessment rules", () => {
  it("saves threshold, weights, assessors per bid and spread before the round opens, and audits it", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const response = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: form(criteria, [50, 30, 20]) });
    expect(response.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ qualityThresholdPercent: 60, assessorsPerBid: 3, moderationSpread: 1 });
    expect((await db.criterion.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } })).map((c) => c.weightPercent)).toEqual([50, 30, 20]);
    expect(await db.auditEvent.count({ where: { action: "round.rules.updated", subjectId: round.id } })).toBe(1);
  });

  it("refuses weights that do not add up to 100, changes nothing and audits the refusal", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const response = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: form(criteria, [50, 30, 30]) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The criteria weights add up to 110%; they must add up to 100%");
    expect((await db.criterion.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } })).map((c) => c.weightPercent)).toEqual([40, 35, 25]);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).assessorsPerBid).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "round.rules.update", outcome: "refused" } })).toBe(1);
  });

  it("locks the threshold and weights once the round opens, and says why", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    const page = await (await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie })).text();
    expect(page).toContain("cannot be changed now: that would change the rules for bids already submitted");
    expect(page).not.toContain('name="qualityThresholdPercent"');

    const forced = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: form(criteria, [50, 30, 20]) });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain("The round has opened, so the quality threshold and criteria weights cannot be changed");

    const allowed = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: { assessorsPerBid: "3", moderationSpread: "1" } });
    expect(allowed.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ qualityThresholdPercent: 50, assessorsPerBid: 3, moderationSpread: 1 });
  });

  it("refuses assessors and applicants", async () => {
    const { round, criteria, assessors, applicant } = await createAssessmentRound({ bids: 0, assessors: 1 });
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      expect((await send(`/administrator/rounds/${round.id}/rules`, { cookie, form: form(criteria, [50, 30, 20]) })).status).toBe(403);
    }
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).assessorsPerBid).toBe(2);
  });
});
