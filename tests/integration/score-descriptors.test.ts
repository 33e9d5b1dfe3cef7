import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

function descriptorsForm(criteria: { id: string; maxScore: number }[], text: (score: number) => string) {
  return Object.fromEntries(criteria.flatMap((c) => Array.from({ length: c.maxScore + 1 }, (_, score) => [`descriptors.${c.id}.${score}`, text(score)])));
}

async function descriptions(criterionId: string) {
  return (await db.scoreDescriptor.findMany({ where: { criterionId }, orderBy: { score: "asc" } })).map((d) => d.description);
}

describe("score descriptors", () => {
  it("saves a descriptor for each score of each criterion before the round opens, and audits it", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const page = await (await send(`/administrator/rounds/${round.id}/descriptors`, { cookie: administrator.cookie })).text();
    expect(page).toContain(`name="descriptors.${criteria[0]!.id}.4"`);
    const response = await send(`/administrator/rounds/${round.id}/descriptors`, {
      cookie: administrator.cookie,
      form: descriptorsForm(criteria, (s) => ` Level ${s} `),
    });
    expect(response.status).toBe(302);
    for (const c of criteria) expect(await descriptions(c.id)).toEqual(["Level 0", "Level 1", "Level 2", "Level 3", "Level 4"]);
    expect(await db.auditEvent.count({ where: { action: "round.descriptors.updated", subjectId: round.id } })).toBe(1);
  });

  it("refuses a blank descriptor, keeps what was typed and changes nothing", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const response = await send(`/administrator/rounds/${round.id}/descriptors`, {
      cookie: administrator.cookie,
      form: descriptorsForm(criteria, (s) => (s === 2 ? "" : `Typed ${s}`)),
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("There is a problem");
    expect(page).toContain("Enter what a score of 2 means for");
    expect(page).toContain('value="Typed 3"');
    expect(await descriptions(criteria[0]!.id)).toEqual(["Unacceptable", "Weak", "Adequate", "Good", "Excellent"]);
    expect(await db.auditEvent.count({ where: { action: "round.descriptors.update", outcome: "refused" } })).toBe(1);
  });

  it("locks the descriptors once the round opens, says why, and refuses a forced change", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    const page = await (await send(`/administrator/rounds/${round.id}/descriptors`, { cookie: administrator.cookie })).text();
    expect(page).toContain("The score descriptors cannot be changed now: that would change the rules for bids already submitted");
    expect(page).not.toContain('name="descriptors.');
    const forced = await send(`/administrator/rounds/${round.id}/descriptors`, {
      cookie: administrator.cookie,
      form: descriptorsForm(criteria, () => "Changed"),
    });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain("The round has opened, so the score descriptors cannot be changed");
    expect(await descriptions(criteria[0]!.id)).toEqual(["Unacceptable", "Weak", "Adequate", "Good", "Excellent"]);
    expect(await db.auditEvent.count({ where: { action: "round.descriptors.update", outcome: "refused" } })).toBe(1);
  });

  it("refuses assessors and applicants", async () => {
    const { round, criteria, assessors, applicant } = await createAssessmentRound({ bids: 0, assessors: 1 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    for (const cookie of [assessors[0]!.cookie, applicant.cookie]) {
      expect((await send(`/administrator/rounds/${round.id}/descriptors`, { cookie, form: descriptorsForm(criteria, () => "Changed") })).status).toBe(403);
    }
    expect(await descriptions(criteria[0]!.id)).toEqual(["Unacceptable", "Weak", "Adequate", "Good", "Excellent"]);
  });
});
