// Stage one at scale (ADR 0023, ADR 0031): the expressions of interest paged, filtered and
// searched; the choice of whom to invite saved a page at a time and sent whole; refusals that save
// nothing; a choice saved while the decision is sent never silently left out; fixed statements.
import { describe, expect, it } from "vitest";
import { loadStageOne } from "~/domain/stages/stage-one.server";
import { db } from "~/lib/db.server";
import { formatPounds } from "~/lib/money";
import { numbered, send, signedInAs, visibleText } from "../support/app";
import { createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";
import { createOrganisations } from "../support/many-bids";
import { countQueries } from "../support/query-counter";

startEachTestEmpty();

let batch = 0;
const eligible = (n: number) => n % 5 !== 0;
const riverside = (n: number) => n % 11 === 0;
const amount = (n: number) => 100_000 + n * 1_000;

/** A two-stage round whose expressions of interest have closed, with `count` of them submitted and reviewed (every fifth not eligible). */
async function stageWithEois(count: number, capPence = 1_000_000_000) {
  const round = await createRound();
  await db.round.update({
    where: { id: round.id },
    data: { twoStage: true, eoiClosesAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 30 * 86_400_000), invitationCapPence: capPence },
  });
  const applicant = await signedInAs("applicant");
  const admin = await signedInAs("fund_administrator");
  batch += 1;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const id = (n: number) => `eoi-${batch}-${n}`;
  await createOrganisations(numbers.map((n) => ({ id: `eoi-org-${batch}-${n}`, name: riverside(n) ? `Riverside Trust ${n}` : `Organisation ${n}` })));
  await db.expressionOfInterest.createMany({
    data: numbers.map((n) => ({
      id: id(n),
      roundId: round.id,
      organisationId: `eoi-org-${batch}-${n}`,
      createdById: applicant.user.id,
      status: "submitted",
      title: `Project ${n}`,
      summary: "Detached youth work on Friday nights.",
      amountRequestedPence: amount(n),
      submittedAt: new Date(Date.now() - 86_400_000 + n * 1000),
      reviewDecision: eligible(n) ? "eligible" : "ineligible",
      reviewScore: (n % 5) + 1,
      feedback: `Feedback for project ${n}.`,
      reviewedById: admin.user.id,
      reviewedAt: new Date(),
    })),
  });
  const number = (eoiId: string) => Number(eoiId.split("-").at(-1));
  return { round, admin, numbers, id, number };
}

const listPath = (roundId: string, query = "") => `/administrator/rounds/${roundId}/expressions-of-interest${query}`;

/** The expressions of interest a page offers to tick (its hidden `shown` fields), and those ticked. */
function choiceBoxes(html: string) {
  const shown = [...html.matchAll(/name="shown\.\d+" value="([^"]+)"/g)].map((m) => m[1]!);
  const ticked = [...html.matchAll(/<input[^>]*name="invite"[^>]*>/g)].map((m) => m[0]).filter((box) => /\schecked(=""|\s|>|\/)/.test(box));
  return { shown, ticked: ticked.map((box) => /value="([^"]+)"/.exec(box)![1]!) };
}

async function page(roundId: string, cookie: string, query = "") {
  const response = await send(listPath(roundId, query), { cookie });
  expect(response.status).toBe(200);
  return response.text();
}

describe("stage one, a page at a time", () => {
  it("pages, filters and searches the expressions of interest, and sends the choice saved on every page", async () => {
    const { round, admin, numbers, number } = await stageWithEois(120);
    const cookie = admin.cookie;
    const first = await page(round.id, cookie);
    expect(visibleText(first)).toContain("Showing 1 to 50 of 120 expressions of interest");
    const onFirst = choiceBoxes(first).shown;
    expect(onFirst.length).toBeGreaterThan(0);
    expect(onFirst.every((id) => eligible(number(id)))).toBe(true);
    expect(visibleText(await page(round.id, cookie, "?review=ineligible"))).toContain(
      `Showing 1 to ${numbers.filter((n) => !eligible(n)).length} of ${numbers.filter((n) => !eligible(n)).length} expressions of interest`,
    );
    const riversides = numbers.filter(riverside).length;
    const found = visibleText(await page(round.id, cookie, "?q=riverside"));
    expect(found).toContain(`Showing 1 to ${riversides} of ${riversides} expressions of interest`);
    expect(found).not.toContain(">Organisation 1: Project 1<");

    // Page 2: three chosen, then one of them unticked (the page lists what it showed).
    const second = choiceBoxes(await page(round.id, cookie, "?page=2")).shown;
    expect(second.filter((id) => onFirst.includes(id))).toEqual([]);
    const [a, b, c] = second as [string, string, string];
    const saved = await send(listPath(round.id, "?page=2"), { cookie, form: { intent: "check", ...numbered("shown", second), invite: [a, b, c] } });
    expect(saved.status).toBe(200);
    expect(visibleText(await saved.text())).toContain("Choices saved. 3 chosen to invite");
    expect(visibleText(await page(round.id, cookie, "?review=chosen"))).toContain("Showing 1 to 3 of 3 expressions of interest");
    expect((await send(listPath(round.id, "?page=2"), { cookie, form: { intent: "check", ...numbered("shown", [c]), invite: [] } })).status).toBe(200);
    expect(choiceBoxes(await page(round.id, cookie, "?page=2")).ticked.sort()).toEqual([a, b].sort());
    // Page 1's running total counts the choice on other pages.
    const offPage = amount(number(a)) + amount(number(b));
    expect(visibleText(await page(round.id, cookie))).toContain(`Chosen: ${formatPounds(offPage)} of the`);

    // Sent from page 1 with one of its own: every saved choice is invited, every other one told.
    const own = onFirst[0]!;
    const sent = await send(listPath(round.id), { cookie, form: { intent: "send", ...numbered("shown", onFirst), invite: [own] } });
    expect(sent.status).toBe(302);
    const invited = await db.expressionOfInterest.findMany({ where: { roundId: round.id, status: "invited" }, select: { id: true } });
    expect(invited.map((e) => e.id).sort()).toEqual([a, b, own].sort());
    expect(await db.expressionOfInterest.count({ where: { roundId: round.id, status: "not_invited" } })).toBe(117);
    expect(await db.outboxEmail.count({ where: { template: "eoi-invitation" } })).toBe(3);
    expect(await db.outboxEmail.count({ where: { template: "eoi-not-invited" } })).toBe(117);
    expect(await db.invitationChoice.count()).toBe(0);
    // After the decision the list still pages.
    expect(visibleText(await page(round.id, cookie, "?page=3"))).toContain("Showing 101 to 120 of 120 expressions of interest");
  }, 120_000);

  it("refuses a choice of one not eligible, saving nothing, and checks the cap over the choice on every page", async () => {
    const { round, admin, id, number } = await stageWithEois(120, 350_000);
    const cookie = admin.cookie;
    const notEligible = await send(listPath(round.id), { cookie, form: { intent: "check", ...numbered("shown", [id(1)]), invite: [id(1), id(5)] } });
    expect(notEligible.status).toBe(409);
    expect(await notEligible.text()).toContain("Only an expression of interest reviewed as eligible can be invited: Project 5. Nothing was saved.");
    expect(await db.invitationChoice.count()).toBe(0);

    // £3,500 cap: choices on two pages that ask for more together are saved, the total says by how much, sending is refused.
    const first = choiceBoxes(await page(round.id, cookie)).shown;
    const second = choiceBoxes(await page(round.id, cookie, "?page=2")).shown;
    const pick = [...first.slice(0, 2), ...second.slice(0, 2)];
    const total = pick.reduce((sum, e) => sum + amount(number(e)), 0);
    expect(total).toBeGreaterThan(350_000);
    expect((await send(listPath(round.id), { cookie, form: { intent: "check", ...numbered("shown", first), invite: first.slice(0, 2) } })).status).toBe(200);
    const over = await send(listPath(round.id, "?page=2"), { cookie, form: { intent: "check", ...numbered("shown", second), invite: second.slice(0, 2) } });
    expect(over.status).toBe(400);
    expect(visibleText(await over.text())).toContain(`${formatPounds(total - 350_000)} over the invitation cap of £3,500.00`);
    const refused = await send(listPath(round.id), { cookie, form: { intent: "send" } });
    expect(refused.status).toBe(409);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).invitationsSentAt).toBeNull();
    expect(await db.outboxEmail.count({ where: { template: { in: ["eoi-invitation", "eoi-not-invited"] } } })).toBe(0);
    expect(await db.invitationChoice.count()).toBe(4);

    // Another role cannot save a choice.
    const assessor = await signedInAs("assessor");
    expect((await send(listPath(round.id), { cookie: assessor.cookie, form: { intent: "check", ...numbered("shown", first), invite: [] } })).status).toBe(403);
    expect(await db.invitationChoice.count()).toBe(4);
  }, 120_000);

  it("never leaves out a choice saved while the decision is sent: fired together, it is sent or refused", async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const { round, admin } = await stageWithEois(12);
      const chosen = choiceBoxes(await page(round.id, admin.cookie)).shown[attempt % 2]!;
      const [save, decision] = await Promise.all([
        send(listPath(round.id), { cookie: admin.cookie, form: { intent: "check", ...numbered("shown", [chosen]), invite: [chosen] } }),
        send(listPath(round.id), { cookie: admin.cookie, form: { intent: "send" } }),
      ]);
      const status = async () => (await db.expressionOfInterest.findUniqueOrThrow({ where: { id: chosen } })).status;
      if (decision.status === 302) {
        if (save.status === 200) expect(await status()).toBe("invited");
        else {
          expect(save.status).toBe(409);
          expect(await save.text()).toContain("The stage-one decision has already been sent.");
          expect(await status()).toBe("not_invited");
        }
      } else {
        // Saved after the decision read the choice: nothing sent, the choice kept, sent next time.
        expect(decision.status).toBe(409);
        expect(save.status).toBe(200);
        expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).invitationsSentAt).toBeNull();
        expect((await send(listPath(round.id), { cookie: admin.cookie, form: { intent: "send" } })).status).toBe(302);
        expect(await status()).toBe("invited");
      }
    }
  }, 180_000);

  it("sends as many statements for a page at 200 expressions of interest as at 10", async () => {
    const small = await stageWithEois(10);
    const large = await stageWithEois(200);
    const now = new Date();
    for (const filters of [
      { q: "", review: "" as const },
      { q: "riverside", review: "eligible" as const },
    ]) {
      const atTen = await countQueries(() => loadStageOne(small.round.id, now, filters, 1));
      const atTwoHundred = await countQueries(() => loadStageOne(large.round.id, now, filters, 2));
      expect(atTen.queries).toBeGreaterThan(0);
      expect(atTwoHundred.queries).toBe(atTen.queries);
    }
  }, 120_000);
});
