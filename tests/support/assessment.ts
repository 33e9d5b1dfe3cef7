// A round ready for assessment, made directly in the test database: criteria with descriptors,
// submitted bids from different organisations, and signed-in assessors.
import { db } from "~/lib/db.server";
import { signedInAs } from "./app";
import { createRound } from "./bids";

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;

export const CRITERIA = [
  { title: "Supports PCC and partner objectives", weightPercent: 40 },
  { title: "Value for money", weightPercent: 35 },
  { title: "Deliverability", weightPercent: 25 },
] as const;

export async function createAssessmentRound({ bids = 2, assessors = 2, assessorsPerBid = 2 } = {}) {
  const round = await createRound();
  await db.round.update({ where: { id: round.id }, data: { assessorsPerBid, moderationSpread: 2, qualityThresholdPercent: 50 } });
  for (const [position, c] of CRITERIA.entries()) {
    await db.criterion.create({
      data: {
        roundId: round.id,
        title: c.title,
        weightPercent: c.weightPercent,
        maxScore: 4,
        position,
        descriptors: { create: ["Unacceptable", "Weak", "Adequate", "Good", "Excellent"].map((description, score) => ({ score, description })) },
      },
    });
  }
  const criteria = await db.criterion.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
  const applicant = await signedInAs("applicant");
  const bidRows = [];
  for (let i = 1; i <= bids; i += 1) {
    counter += 1;
    const organisation = await db.organisation.create({
      data: {
        name: `Organisation ${counter}`,
        type: "cic",
        addressLine1: "1 High Street",
        town: "Durham",
        postcode: "DH1 1AA",
        contactName: "Contact",
        contactEmail: "contact@example.org",
      },
    });
    bidRows.push(
      await db.bid.create({
        data: {
          roundId: round.id,
          organisationId: organisation.id,
          createdById: applicant.user.id,
          reference: `CSF-${round.code}-${String(i).padStart(4, "0")}`,
          status: "submitted",
          title: `Bid number ${i}`,
          summary: `Summary of bid ${i}: street patrols and safety advice.`,
          amountRequestedPence: 100_000 * i,
          submittedAt: new Date(Date.now() - DAY + i * 60_000),
          safeguardingAnswer: "Enhanced DBS checks for every volunteer.",
          outcomes: { create: [{ position: 0, outcome: "People feel safer", indicator: "Survey", target: "80%" }] },
          budgetLines: { create: [{ position: 0, item: "Volunteer training", costPence: 100_000 * i, otherFundingPence: 0 }] },
        },
      }),
    );
  }
  const assessorUsers = [];
  for (let i = 0; i < assessors; i += 1) assessorUsers.push(await signedInAs("assessor"));
  const administrator = await signedInAs("fund_administrator");
  return { round, criteria, bids: bidRows, assessors: assessorUsers, administrator, applicant };
}

/** Assigns an assessor directly (no email), as if the administrator had. */
export async function assignDirectly(bidId: string, assessorId: string, assignedById: string) {
  return db.assessorAssignment.create({ data: { bidId, assessorId, assignedById } });
}

/** A complete, valid scoring form for the round's criteria. */
export function scoringForm(criteria: { id: string }[], scores: number[], intent: "save" | "submit" = "submit") {
  const form: Record<string, string> = { intent, recommendation: "fund", overallComment: "A well-planned project." };
  criteria.forEach((c, i) => {
    form[`scores.${c.id}`] = String(scores[i] ?? 3);
    form[`comments.${c.id}`] = (scores[i] ?? 3) <= 1 ? "Little evidence given." : "";
  });
  return form;
}
