// Many bids in one round, fast: a handful of createMany statements instead of a create per row,
// for the list tests (pagination, filters, search, queries per page).
import { db } from "~/lib/db.server";
import { recordScoresNotCurrent } from "~/domain/assessment/stored-score.server";
import { createAssessmentRound } from "./assessment";

let batch = 0;

/** Which bids get what, by their number (1-based), so tests can count the rows they expect. */
export const manyBidsPattern = {
  /** Organisation named "Riverside Trust n" (the others "Organisation n"). */
  riverside: (n: number) => n % 7 === 0,
  /** Screened out (status ineligible). */
  ineligible: (n: number) => n % 5 === 0,
  /** Screened eligible (when not ineligible). */
  eligible: (n: number) => n % 3 === 0 && n % 5 !== 0,
  /** In the round's first area (the others in its second). */
  firstArea: (n: number) => n % 2 === 1,
  /** Scored by the first assessor (submitted assessment), when assessable. */
  scored: (n: number) => n % 4 !== 0,
};

/** The same community interest company's details, many times over, under the ids and names given: one statement. */
export function createOrganisations(organisations: { id: string; name: string }[]) {
  return db.organisation.createMany({
    data: organisations.map(({ id, name }) => ({
      id,
      name,
      type: "cic",
      addressLine1: "1 High Street",
      town: "Durham",
      postcode: "DH1 1AA",
      contactName: "Contact",
      contactEmail: "contact@example.org",
    })),
  });
}

/**
 * A round in assessment (closed) with `count` submitted bids, references CSF-<code>-0001 on: all
 * assigned to the first assessor, most of them scored; see manyBidsPattern.
 */
export async function createRoundWithManyBids(count: number, { assessors = 2 } = {}) {
  const setup = await createAssessmentRound({ bids: 0, assessors, assessorsPerBid: 1 });
  const round = await db.round.update({
    where: { id: setup.round.id },
    data: { closesAt: new Date(Date.now() - 86_400_000) },
    include: { areas: { orderBy: { position: "asc" } }, priorities: { orderBy: { position: "asc" } } },
  });
  batch += 1;
  const key = `${batch}-${setup.round.id}`;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const bidId = (n: number) => `bid-${key}-${n}`;
  const assessor = setup.assessors[0]!.user.id;
  await createOrganisations(numbers.map((n) => ({ id: `org-${key}-${n}`, name: manyBidsPattern.riverside(n) ? `Riverside Trust ${n}` : `Organisation ${n}` })));
  await db.bid.createMany({
    data: numbers.map((n) => ({
      id: bidId(n),
      roundId: round.id,
      organisationId: `org-${key}-${n}`,
      createdById: setup.applicant.user.id,
      reference: `CSF-${round.code}-${String(n).padStart(4, "0")}`,
      status: manyBidsPattern.ineligible(n) ? "ineligible" : "in_assessment",
      screeningDecision: manyBidsPattern.ineligible(n) ? "ineligible" : manyBidsPattern.eligible(n) ? "eligible" : null,
      title: `Bid number ${n}`,
      amountRequestedPence: 100_000 + (n % 10) * 10_000,
      submittedAt: new Date(Date.now() - 2 * 86_400_000 + n * 1000),
    })),
  });
  await db.bidArea.createMany({ data: numbers.map((n) => ({ bidId: bidId(n), roundAreaId: round.areas[manyBidsPattern.firstArea(n) ? 0 : 1]!.id })) });
  await db.assessorAssignment.createMany({
    data: numbers.map((n) => ({ id: `assign-${key}-${n}`, bidId: bidId(n), assessorId: assessor, assignedById: setup.administrator.user.id })),
  });
  const scored = numbers.filter((n) => manyBidsPattern.scored(n));
  await db.assessment.createMany({
    data: scored.map((n) => ({
      id: `assess-${key}-${n}`,
      bidId: bidId(n),
      assessorId: assessor,
      status: "submitted",
      recommendation: "fund",
      submittedAt: new Date(),
    })),
  });
  await db.criterionScore.createMany({
    data: scored.flatMap((n) => setup.criteria.map((c, j) => ({ assessmentId: `assess-${key}-${n}`, criterionId: c.id, score: (n + j) % 5 }))),
  });
  // Written directly, so their scores are recorded here, as the first page to rank the round would (ADR 0028).
  await recordScoresNotCurrent(round.id);
  return { ...setup, round, bidIds: numbers.map(bidId), bidId };
}
