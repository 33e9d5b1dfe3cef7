// A round's CSV exports for staff: bids, scores, awards and monitoring returns, and a two-stage
// round's expressions of interest (ADR 0026). Each is read by keyset in pages, streamed,
// neutralised against CSV injection, and audited before the first byte leaves
// (docs/decisions/0017-csv-exports-and-audit-log.md). Who may download which is in
// app/domain/auth/route-access.ts.
import { recordAudit } from "~/domain/audit/audit.server";
import { formRulesFor } from "~/domain/bids/stored-form-rules";
import { parseIdList } from "~/domain/stages/expressions-of-interest.server";
import { db } from "~/lib/db.server";
import { csvStream, EXPORT_PAGE_SIZE, exportFileName, isoTime, keysetPages, poundsText, type Column } from "./csv.server";

export const ROUND_EXPORT_KINDS = ["expressions-of-interest", "bids", "scores", "awards", "monitoring"] as const;
export type RoundExportKind = (typeof ROUND_EXPORT_KINDS)[number];

export function isRoundExportKind(value: unknown): value is RoundExportKind {
  return typeof value === "string" && (ROUND_EXPORT_KINDS as readonly string[]).includes(value);
}

/** What each download holds, as the exports page describes it. */
export const ROUND_EXPORTS: Record<RoundExportKind, { title: string; description: string }> = {
  "expressions-of-interest": {
    title: "Expressions of interest",
    description:
      "For a two-stage round, one row per expression of interest sent: organisation, project title, status, roughly how much (in pounds and in pence), areas, priorities, when it was sent, the review (eligible or not, score from 1 to 5, feedback), when it was decided and the reference of the full bid made on invitation. Drafts are left out.",
  },
  bids: {
    title: "Bids",
    description:
      "One row per submitted bid: reference, organisation, project title, status, amount requested (in pounds and in pence), areas, priorities, when it was submitted, the screening result and the form band (small or standard) its amount put it in. Draft bids are left out.",
  },
  scores: {
    title: "Scores",
    description:
      "One row per assessor per criterion per bid, with the criterion’s weight, the assessor’s name, the score, their comment and when the assessment was submitted; then one row per moderated score with the moderator and reason. For moderation: it names assessors, so keep it within the fund team.",
  },
  awards: {
    title: "Awards",
    description:
      "One row per award: reference, organisation, amount (in pounds and in pence), status, conditions, the date to accept by, when the applicant responded, any reason for declining, and money returned or clawed back.",
  },
  monitoring: {
    title: "Monitoring returns",
    description:
      "One row per monitoring report owed: reference, report, due date, status, when it was submitted and accepted, each outcome’s target against what was achieved, and the budget planned against what was spent.",
  },
};

export type RoundExport = { filename: string; rows: number; body: ReadableStream<Uint8Array> };

type Round = { id: string; code: string; smallBidThresholdPence: number; formRules: string };

const joined = (values: string[]) => values.join("; ");

// ---- bids

function bidsPage(round: Round, after: { reference: string | null } | undefined) {
  return db.bid.findMany({
    where: { roundId: round.id, reference: after?.reference ? { not: null, gt: after.reference } : { not: null }, status: { not: "draft" } },
    orderBy: { reference: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      reference: true,
      title: true,
      status: true,
      amountRequestedPence: true,
      submittedAt: true,
      screeningDecision: true,
      screeningReason: true,
      organisation: { select: { name: true } },
      areas: { select: { area: { select: { name: true, position: true } } } },
      priorities: { select: { priority: { select: { title: true, position: true } } } },
    },
  });
}
type BidRow = Awaited<ReturnType<typeof bidsPage>>[number];

const bidColumns = (round: Round): Column<BidRow>[] => [
  { header: "Reference", value: (b) => b.reference },
  { header: "Organisation", value: (b) => b.organisation.name },
  { header: "Project title", value: (b) => b.title },
  { header: "Status", value: (b) => b.status },
  { header: "Requested (£, 2 decimal places)", value: (b) => poundsText(b.amountRequestedPence) },
  { header: "Requested (pence)", value: (b) => b.amountRequestedPence },
  {
    header: "Areas",
    value: (b) =>
      joined(
        b.areas
          .map((a) => a.area)
          .sort((x, y) => x.position - y.position)
          .map((a) => a.name),
      ),
  },
  {
    header: "Priorities",
    value: (b) =>
      joined(
        b.priorities
          .map((p) => p.priority)
          .sort((x, y) => x.position - y.position)
          .map((p) => p.title),
      ),
  },
  { header: "Submitted at (UTC)", value: (b) => isoTime(b.submittedAt) },
  { header: "Screening result", value: (b) => b.screeningDecision },
  { header: "Screening reason", value: (b) => b.screeningReason },
  // The band the bid's amount puts it in decides which sections it was asked (ADR 0025).
  { header: "Form band (small or standard)", value: (b) => formRulesFor(b.amountRequestedPence, round).size },
];

// ---- expressions of interest (two-stage rounds)

function eoiPage(round: Round, after: { id: string } | undefined) {
  return db.expressionOfInterest.findMany({
    where: { roundId: round.id, status: { not: "draft" }, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      status: true,
      amountRequestedPence: true,
      areaIds: true,
      priorityIds: true,
      submittedAt: true,
      reviewDecision: true,
      reviewScore: true,
      feedback: true,
      decidedAt: true,
      organisation: { select: { name: true } },
      bid: { select: { reference: true } },
    },
  });
}
type EoiRow = Awaited<ReturnType<typeof eoiPage>>[number];

/** Names for the ids an expression of interest stores, in the round's order. */
async function eoiColumns(round: Round): Promise<Column<EoiRow>[]> {
  const [areas, priorities] = await Promise.all([
    db.roundArea.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.priority.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
  ]);
  const named = (stored: string, options: { id: string; name: string }[]) => {
    const chosen = new Set(parseIdList(stored));
    return joined(options.filter((o) => chosen.has(o.id)).map((o) => o.name));
  };
  const priorityOptions = priorities.map((p) => ({ id: p.id, name: p.title }));
  return [
    { header: "Organisation", value: (e) => e.organisation.name },
    { header: "Project title", value: (e) => e.title },
    { header: "Status", value: (e) => e.status },
    { header: "Roughly how much (£, 2 decimal places)", value: (e) => poundsText(e.amountRequestedPence) },
    { header: "Roughly how much (pence)", value: (e) => e.amountRequestedPence },
    { header: "Areas", value: (e) => named(e.areaIds, areas) },
    { header: "Priorities", value: (e) => named(e.priorityIds, priorityOptions) },
    { header: "Sent at (UTC)", value: (e) => isoTime(e.submittedAt) },
    { header: "Review (eligible or ineligible)", value: (e) => e.reviewDecision },
    { header: "Review score (1 to 5)", value: (e) => e.reviewScore },
    { header: "Feedback", value: (e) => e.feedback },
    { header: "Decided at (UTC)", value: (e) => isoTime(e.decidedAt) },
    { header: "Full bid reference", value: (e) => e.bid?.reference ?? null },
  ];
}

// ---- scores: the assessors' scores, then the moderated ones

function scoresPage(round: Round, after: { id: string } | undefined) {
  return db.criterionScore.findMany({
    where: { assessment: { bid: { roundId: round.id } }, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      id: true,
      score: true,
      comment: true,
      criterion: { select: { title: true, weightPercent: true, maxScore: true } },
      assessment: { select: { status: true, submittedAt: true, assessor: { select: { name: true } }, bid: { select: { reference: true, title: true } } } },
    },
  });
}

function moderatedPage(round: Round, after: { id: string } | undefined) {
  return db.moderatedScore.findMany({
    where: { bid: { roundId: round.id }, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      id: true,
      score: true,
      reason: true,
      createdAt: true,
      criterion: { select: { title: true, weightPercent: true, maxScore: true } },
      moderatedBy: { select: { name: true } },
      bid: { select: { reference: true, title: true } },
    },
  });
}

type ScoreRow = {
  reference: string | null;
  title: string;
  criterion: string;
  weight: number;
  maxScore: number;
  kind: "assessor" | "moderated";
  by: string;
  score: number;
  comment: string;
  state: string;
  at: Date | null;
};

async function* scoreRows(round: Round): AsyncGenerator<ScoreRow[]> {
  for await (const page of keysetPages((after: { id: string } | undefined) => scoresPage(round, after))) {
    yield page.map((s) => ({
      reference: s.assessment.bid.reference,
      title: s.assessment.bid.title,
      criterion: s.criterion.title,
      weight: s.criterion.weightPercent,
      maxScore: s.criterion.maxScore,
      kind: "assessor",
      by: s.assessment.assessor.name,
      score: s.score,
      comment: s.comment,
      state: s.assessment.status,
      at: s.assessment.submittedAt,
    }));
  }
  for await (const page of keysetPages((after: { id: string } | undefined) => moderatedPage(round, after))) {
    yield page.map((m) => ({
      reference: m.bid.reference,
      title: m.bid.title,
      criterion: m.criterion.title,
      weight: m.criterion.weightPercent,
      maxScore: m.criterion.maxScore,
      kind: "moderated",
      by: m.moderatedBy.name,
      score: m.score,
      comment: m.reason,
      state: "moderated",
      at: m.createdAt,
    }));
  }
}

const SCORE_COLUMNS: Column<ScoreRow>[] = [
  { header: "Reference", value: (s) => s.reference },
  { header: "Project title", value: (s) => s.title },
  { header: "Criterion", value: (s) => s.criterion },
  { header: "Weight (%)", value: (s) => s.weight },
  { header: "Highest score", value: (s) => s.maxScore },
  { header: "Score kind (assessor or moderated)", value: (s) => s.kind },
  { header: "Assessor or moderator", value: (s) => s.by },
  { header: "Score", value: (s) => s.score },
  { header: "Comment or moderation reason", value: (s) => s.comment },
  { header: "Assessment status", value: (s) => s.state },
  { header: "Submitted or moderated at (UTC)", value: (s) => isoTime(s.at) },
];

// ---- awards

function awardsPage(round: Round, after: { id: string } | undefined) {
  return db.award.findMany({
    where: { roundId: round.id, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      id: true,
      amountPence: true,
      status: true,
      conditions: true,
      acceptBy: true,
      respondedAt: true,
      declineReason: true,
      returnedPence: true,
      offeredFromReserve: true,
      bid: { select: { reference: true, title: true, organisation: { select: { name: true } } } },
    },
  });
}
type AwardRow = Awaited<ReturnType<typeof awardsPage>>[number];

const AWARD_COLUMNS: Column<AwardRow>[] = [
  { header: "Reference", value: (a) => a.bid.reference },
  { header: "Organisation", value: (a) => a.bid.organisation.name },
  { header: "Project title", value: (a) => a.bid.title },
  { header: "Amount (£, 2 decimal places)", value: (a) => poundsText(a.amountPence) },
  { header: "Amount (pence)", value: (a) => a.amountPence },
  { header: "Status", value: (a) => a.status },
  { header: "Conditions", value: (a) => a.conditions },
  { header: "Accept by (UTC)", value: (a) => isoTime(a.acceptBy) },
  { header: "Responded at (UTC)", value: (a) => isoTime(a.respondedAt) },
  { header: "Decline reason", value: (a) => a.declineReason },
  { header: "Returned (£, 2 decimal places)", value: (a) => poundsText(a.returnedPence) },
  { header: "Returned (pence)", value: (a) => a.returnedPence },
  { header: "Offered from the reserve list", value: (a) => (a.offeredFromReserve ? "yes" : "no") },
];

// ---- monitoring returns

function reportsPage(round: Round, after: { id: string } | undefined) {
  return db.monitoringReport.findMany({
    where: { award: { roundId: round.id }, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: EXPORT_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      dueAt: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      award: {
        select: {
          bid: {
            select: {
              reference: true,
              organisation: { select: { name: true } },
              outcomes: { orderBy: { position: "asc" }, select: { id: true, outcome: true, target: true } },
              budgetLines: { orderBy: { position: "asc" }, select: { id: true, item: true, costPence: true } },
            },
          },
        },
      },
      outcomes: { select: { bidOutcomeId: true, achievedValue: true } },
      budgetLines: { select: { budgetLineId: true, spentPence: true } },
    },
  });
}
type ReportRow = Awaited<ReturnType<typeof reportsPage>>[number];

function outcomesAgainstTargets(r: ReportRow) {
  const achieved = new Map(r.outcomes.map((o) => [o.bidOutcomeId, o.achievedValue]));
  return joined(r.award.bid.outcomes.map((o) => `${o.outcome}: target ${o.target}; achieved ${achieved.get(o.id) ?? "not reported"}`));
}

function budgetAgainstSpend(r: ReportRow) {
  const spent = new Map(r.budgetLines.map((b) => [b.budgetLineId, b.spentPence]));
  return joined(r.award.bid.budgetLines.map((b) => `${b.item}: planned £${poundsText(b.costPence)}, spent £${poundsText(spent.get(b.id) ?? 0)}`));
}

const REPORT_COLUMNS: Column<ReportRow>[] = [
  { header: "Reference", value: (r) => r.award.bid.reference },
  { header: "Organisation", value: (r) => r.award.bid.organisation.name },
  { header: "Report", value: (r) => r.title },
  { header: "Due (UTC)", value: (r) => isoTime(r.dueAt) },
  { header: "Status", value: (r) => r.status },
  { header: "Submitted at (UTC)", value: (r) => isoTime(r.submittedAt) },
  { header: "Accepted at (UTC)", value: (r) => (r.status === "accepted" ? isoTime(r.reviewedAt) : null) },
  { header: "Outcomes: target and achieved", value: outcomesAgainstTargets },
  { header: "Budget planned (pence)", value: (r) => r.award.bid.budgetLines.reduce((sum, b) => sum + b.costPence, 0) },
  { header: "Spent (pence)", value: (r) => r.budgetLines.reduce((sum, b) => sum + b.spentPence, 0) },
  { header: "Budget lines: planned and spent", value: budgetAgainstSpend },
];

// ---- one entry point

function countRows(kind: RoundExportKind, roundId: string): Promise<number> {
  switch (kind) {
    case "expressions-of-interest":
      return db.expressionOfInterest.count({ where: { roundId, status: { not: "draft" } } });
    case "bids":
      return db.bid.count({ where: { roundId, reference: { not: null }, status: { not: "draft" } } });
    case "scores":
      return Promise.all([
        db.criterionScore.count({ where: { assessment: { bid: { roundId } } } }),
        db.moderatedScore.count({ where: { bid: { roundId } } }),
      ]).then(([a, b]) => a + b);
    case "awards":
      return db.award.count({ where: { roundId } });
    case "monitoring":
      return db.monitoringReport.count({ where: { award: { roundId } } });
  }
}

async function body(kind: RoundExportKind, round: Round): Promise<ReadableStream<Uint8Array>> {
  switch (kind) {
    case "expressions-of-interest":
      return csvStream(
        await eoiColumns(round),
        keysetPages((after: EoiRow | undefined) => eoiPage(round, after)),
      );
    case "bids":
      return csvStream(
        bidColumns(round),
        keysetPages((after: BidRow | undefined) => bidsPage(round, after)),
      );
    case "scores":
      return csvStream(SCORE_COLUMNS, scoreRows(round));
    case "awards":
      return csvStream(
        AWARD_COLUMNS,
        keysetPages((after: AwardRow | undefined) => awardsPage(round, after)),
      );
    case "monitoring":
      return csvStream(
        REPORT_COLUMNS,
        keysetPages((after: ReportRow | undefined) => reportsPage(round, after)),
      );
  }
}

/**
 * Starts one of a round's exports for a member of staff: null (after auditing the attempt) when
 * there is no such round. The audit row (`export.<kind>`, subject the round) records how many rows
 * the export holds as it starts, and is written before any of it is sent.
 */
export async function startRoundExport(kind: RoundExportKind, roundId: string, actor: { id: string; role: string }): Promise<RoundExport | null> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, code: true, smallBidThresholdPence: true, formRules: true } });
  if (!round) {
    await recordAudit({
      actorId: actor.id,
      action: `export.${kind}`,
      outcome: "refused",
      subjectType: "round",
      subjectId: roundId,
      details: { reason: "not_found" },
    });
    return null;
  }
  const rows = await countRows(kind, round.id);
  await recordAudit({ actorId: actor.id, action: `export.${kind}`, subjectType: "round", subjectId: round.id, details: { rows, role: actor.role } });
  return { filename: exportFileName(round.code, kind), rows, body: await body(kind, round) };
}

/** The round's name and code for the exports page, and the exports it has (expressions of interest only in a two-stage round), or null. */
export async function findRoundForExports(roundId: string) {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, name: true, code: true, twoStage: true } });
  if (!round) return null;
  const kinds = ROUND_EXPORT_KINDS.filter((kind) => round.twoStage || kind !== "expressions-of-interest");
  return { round: { id: round.id, name: round.name, code: round.code }, exports: kinds.map((kind) => ({ kind, ...ROUND_EXPORTS[kind] })) };
}
