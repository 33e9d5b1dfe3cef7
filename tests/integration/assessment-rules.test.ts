import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

function form(extra: Record<string, string> = {}) {
  return { qualityThresholdPercent: "60", assessorsPerBid: "3", moderationSpread: "1", ...extra };
}

async function weights(roundId: string) {
  return (await db.criterion.findMany({ where: { roundId }, orderBy: { position: "asc" } })).map((c) => c.weightPercent);
}

describe("a round's assessment rules", () => {
  it("saves threshold, assessors per bid and spread before the round opens, and audits it", async () => {
    const { round, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const response = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: form() });
    expect(response.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      qualityThresholdPercent: 60,
      assessorsPerBid: 3,
      moderationSpread: 1,
    });
    expect(await db.auditEvent.count({ where: { action: "round.rules.updated", subjectId: round.id } })).toBe(1);
  });

  // The criteria page owns the criteria and their weights (tests/integration/round-criteria.test.ts).
  it("shows the criteria and their weights without editing them, with a link to the criteria page", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const page = await (await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie })).text();
    expect(page).toContain("Value for money");
    expect(page).toContain("35% of the score, scored 0 to 4");
    expect(page).toContain("Change the criteria and their weights");
    expect(page).toContain(`href="/administrator/rounds/${round.id}/criteria"`);
    expect(page).not.toContain('name="weights.');

    const response = await send(`/administrator/rounds/${round.id}/rules`, {
      cookie: administrator.cookie,
      form: form(Object.fromEntries(criteria.map((c, i) => [`weights.${c.id}`, String([50, 30, 20][i])]))),
    });
    expect(response.status).toBe(302);
    expect(await weights(round.id)).toEqual([40, 35, 25]);
  });

  it("refuses a bad threshold, changes nothing and audits the refusal", async () => {
    const { round, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const response = await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie, form: form({ qualityThresholdPercent: "101" }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Quality threshold must be a whole number from 0 to 100");
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ qualityThresholdPercent: 50, assessorsPerBid: 2 });
    expect(await db.auditEvent.count({ where: { action: "round.rules.update", outcome: "refused" } })).toBe(1);
  });

  it("locks the threshold and weights once the round opens, and says why", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    const page = await (await send(`/administrator/rounds/${round.id}/rules`, { cookie: administrator.cookie })).text();
    expect(page).toContain("cannot be changed now: that would change the rules for bids already submitted");
    expect(page).not.toContain('name="qualityThresholdPercent"');
    expect(page).toContain("40% of the score, scored 0 to 4");
    expect(page).not.toContain("Change the criteria and their weights");

    const forced = await send(`/administrator/rounds/${round.id}/rules`, {
      cookie: administrator.cookie,
      form: form(Object.fromEntries(criteria.map((c, i) => [`weights.${c.id}`, String([50, 30, 20][i])]))),
    });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain("The round has opened, so the quality threshold and criteria weights cannot be changed");

    const allowed = await send(`/administrator/rounds/${round.id}/rules`, {
      cookie: administrator.cookie,
      form: { assessorsPerBid: "3", moderationSpread: "1" },
    });
    expect(allowed.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      qualityThresholdPercent: 50,
      assessorsPerBid: 3,
      moderationSpread: 1,
    });
    expect(await weights(round.id)).toEqual([40, 35, 25]);
  });

  it("refuses assessors and applicants", async () => {
    const { round, assessors, applicant } = await createAssessmentRound({ bids: 0, assessors: 1 });
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      expect((await send(`/administrator/rounds/${round.id}/rules`, { cookie, form: form() })).status).toBe(403);
    }
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).assessorsPerBid).toBe(2);
  });
});
