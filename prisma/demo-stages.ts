// A two-stage round in the demo (ADR 0026): Victims' Services' 2025-26 round, in its first stage.
// Expressions of interest are open; three organisations have sent one, so the fund administrator
// has expressions of interest to review (one already reviewed), and the demo applicant can start
// one of their own. Added by the run command's seed after the later phases (it uses their
// organisations); every expression of interest goes through the portal's own domain functions,
// which write to the application's database client: `db` must be that client (`~/lib/db.server`).
import type { Db } from "../app/lib/db.server";
import { saveEoi, startEoi, submitEoi } from "../app/domain/stages/expressions-of-interest.server";
import { reviewEoi } from "../app/domain/stages/stage-one.server";
import { suggestedCapPence } from "../app/domain/stages/invitation-cap";
import { CSF_ROUND_SET_UP, DAY } from "./demo-data";

export const TWO_STAGE_ROUND_SLUG = "victims-services-2526-r1";

const EXPRESSIONS = [
  {
    owner: "team@auckland-refuge.demo.csf.test",
    title: "Independent advocates for women leaving abuse",
    summary:
      "Two independent domestic violence advocates based at the refuge in Bishop Auckland, supporting women from first contact through risk assessment, safety planning and court. Women in rural south Durham wait weeks for an advocate today; we would see them within two working days.",
    areas: ["County Durham"],
    priorities: ["Supporting victims of crime", "Protecting vulnerable people"],
    amountPence: 4_800_000,
    review: { decision: "eligible" as const, score: 5, feedback: "A clear need, well evidenced, and squarely what this round is for." },
  },
  {
    owner: "hello@safe-streets.demo.csf.test",
    title: "Support after burglary for older residents",
    summary:
      "Volunteers visit older residents within a week of a burglary to repair locks, talk through what happened and connect them with Victim Care and Advice. Many older victims stop going out after a burglary; the visit helps them feel safe at home again.",
    areas: ["County Durham", "Darlington"],
    priorities: ["Supporting victims of crime"],
    amountPence: 2_600_000,
    review: null,
  },
  {
    owner: "info@consett-shed.demo.csf.test",
    title: "Restorative circles at the shed",
    summary:
      "Weekly sessions where people harmed by anti-social behaviour in Consett can meet, with trained facilitators, the young people responsible, and agree together how to put things right.",
    areas: ["County Durham"],
    priorities: ["Reducing anti-social behaviour", "Supporting victims of crime"],
    amountPence: 1_500_000,
    review: null,
  },
] as const;

/** Adds the two-stage round with its expressions of interest. Returns the round's id. */
export async function seedDemoStages(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const fund = await db.fund.findUniqueOrThrow({ where: { slug: "victims-services" } });
  const administrator = await db.user.findUniqueOrThrow({ where: { email: "administrator@demo.csf.test" } });
  const base = 12_000_000;
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: TWO_STAGE_ROUND_SLUG,
      code: "2526-R1",
      name: "2025 to 2026, round 1",
      description: "Support for victims of crime in County Durham and Darlington. Tell us about your idea first: we invite full bids from the strongest.",
      opensAt: new Date(now.getTime() - 7 * DAY),
      closesAt: new Date(now.getTime() + 80 * DAY),
      twoStage: true,
      eoiClosesAt: new Date(now.getTime() + 21 * DAY),
      invitationCapPence: suggestedCapPence(base),
      baseAllocationPence: base,
      remainingPotPence: base,
      minAwardPence: 500_000,
      maxAwardPence: 6_000_000,
      smallBidThresholdPence: 1_000_000,
      qualityThresholdPercent: 50,
      opccSignOffRequired: true,
      ...CSF_ROUND_SET_UP,
    },
    include: { areas: true, priorities: true },
  });
  for (const e of EXPRESSIONS) {
    const user = await db.user.findUniqueOrThrow({ where: { email: e.owner } });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    const started = await startEoi({ userId: user.id, organisationId: membership.organisationId, roundId: round.id, startToken: null, now });
    if (!started.ok) throw new Error(`The demo expression of interest "${e.title}" could not be started`);
    const saved = await saveEoi(started.eoiId, user, {
      title: e.title,
      summary: e.summary,
      areaIds: round.areas.filter((a) => (e.areas as readonly string[]).includes(a.name)).map((a) => a.id),
      priorityIds: round.priorities.filter((p) => (e.priorities as readonly string[]).includes(p.title)).map((p) => p.id),
      amountRequestedPence: e.amountPence,
    });
    const submitted = await submitEoi(started.eoiId, user, now);
    if (!saved.ok || !submitted.ok) throw new Error(`The demo expression of interest "${e.title}" could not be submitted`);
    if (e.review) {
      const reviewed = await reviewEoi(administrator.id, round.id, started.eoiId, e.review, now);
      if (!reviewed.ok) throw new Error(`The demo expression of interest "${e.title}" could not be reviewed`);
    }
  }
  return round.id;
}
