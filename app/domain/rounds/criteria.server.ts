// A round's assessment criteria: the fund administrator adds, renames,
// reorders and removes criteria and sets each one's weight and scale, all on one page that owns
// them (ADR 0008). They decide how bids are scored, so they are locked once the round opens; a
// criterion that assessors have already scored is never removed (CriterionScore and
// ModeratedScore restrict the delete) and its scale never drops below a score already given.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { FORM_ERROR, hasErrors, type FieldErrors } from "~/lib/form-errors";
import { formRows, type FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { invalid, notFound, refusalErrors, type Refused, type Result } from "~/lib/refusal";
import { isPrismaCode } from "~/lib/prisma-errors";
import {
  addCriterion,
  BLANK_CRITERION,
  criteriaIntent,
  criteriaSchema,
  CRITERION_FIELDS,
  criterionField,
  criterionSelect,
  removeCriterion,
  type CheckedCriterion,
  type CriterionRow,
} from "./criteria";
import { roundHeading, roundHeadingSelect } from "~/domain/rounds/round-title";

export const CRITERIA_LOCKED_MESSAGE = "The round has opened, so its criteria, their weights and their scales cannot be changed";

type StoredCriterion = {
  id: string;
  title: string;
  guidance: string;
  weightPercent: number;
  maxScore: number;
  position: number;
  /** The highest score an assessor (or a moderator) has given on this criterion, if any. */
  highestScoreGiven: number | null;
};

export async function loadRoundCriteria(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundHeadingSelect,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          ...criterionSelect,
          position: true,
          scores: { select: { score: true }, orderBy: { score: "desc" }, take: 1 },
          moderated: { select: { score: true }, orderBy: { score: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!round) return null;
  const criteria = round.criteria.map(({ scores, moderated, ...c }): StoredCriterion => {
    const given = [...scores, ...moderated].map((s) => s.score);
    return { ...c, highestScoreGiven: given.length > 0 ? Math.max(...given) : null };
  });
  const locked = now >= round.opensAt;
  return {
    round: roundHeading(round),
    locked,
    criteria,
    rows: criteria.length > 0 ? criteria.map(toRow) : [{ ...BLANK_CRITERION }],
    copiedFrom: locked ? null : await copiedFromRound(roundId),
  };
}

function toRow(c: Pick<StoredCriterion, "id" | "title" | "guidance" | "weightPercent" | "maxScore">): CriterionRow {
  return { id: c.id, title: c.title, guidance: c.guidance, weightPercent: String(c.weightPercent), maxScore: String(c.maxScore) };
}

/**
 * The round whose criteria this round started from, until the administrator first saves their own.
 * The round's creation audit event is the record of it (there is no column for it).
 */
async function copiedFromRound(roundId: string): Promise<string | null> {
  const created = await db.auditEvent.findFirst({ where: { subjectType: "round", subjectId: roundId, action: "round.created" }, select: { after: true } });
  const copied = created?.after ? (JSON.parse(created.after) as { criteriaCopiedFrom?: { name?: unknown } | null }).criteriaCopiedFrom : null;
  if (typeof copied?.name !== "string") return null;
  const saved = await db.auditEvent.count({ where: { subjectType: "round", subjectId: roundId, action: "round.criteria.updated" } });
  return saved === 0 ? copied.name : null;
}

/**
 * The answer to a post: saved (rows null); the rows to show again after "Add" or "Remove"; or a
 * refusal with the rows as posted.
 */
export type CriteriaFormAnswer = { ok: true; rows: CriterionRow[] | null } | (Refused & { rows: CriterionRow[] });

/**
 * Handles a post of the criteria form. "Add another criterion" and "Remove" change the rows shown
 * and save nothing (so they work without JavaScript); a save checks everything and saves all or
 * nothing. Null when there is no such round.
 */
export async function submitRoundCriteria(actorId: string, roundId: string, posted: FormObject, now: Date): Promise<CriteriaFormAnswer> {
  const current = await loadRoundCriteria(roundId, now);
  if (!current) return { ...notFound("Round not found"), rows: [] };
  const post = { intent: posted.intent, rows: formRows(posted.criteria, CRITERION_FIELDS) };
  if (current.locked) return refuse(actorId, roundId, current.rows, { [FORM_ERROR]: CRITERIA_LOCKED_MESSAGE }, { posted: post.rows });

  const intent = criteriaIntent(post.intent);
  if (intent.kind === "add") {
    const added = addCriterion(post.rows);
    return hasErrors(added.errors) ? { ...invalid(added.errors), rows: added.rows } : { ok: true, rows: added.rows };
  }
  if (intent.kind === "remove") {
    const scored = scoredCriterion(current.criteria, post.rows[intent.index]?.id);
    if (scored) return { ...invalid({ [criterionField(intent.index, "title")]: cannotRemove(scored) }), rows: post.rows };
    return { ok: true, rows: removeCriterion(post.rows, intent.index) };
  }

  const checked = parseValues(posted, criteriaSchema);
  if (!checked.ok) return refuse(actorId, roundId, post.rows, checked.refusal.fieldErrors);
  const plan = planSave(current.criteria, checked.data);
  if (!plan.ok) return refuse(actorId, roundId, post.rows, refusalErrors(plan.refusal));

  try {
    await db.$transaction(async (tx: Tx) => {
      const removedIds = plan.removed.map((c) => c.id);
      if (removedIds.length > 0) {
        await tx.criterion.deleteMany({ where: { roundId, id: { in: removedIds } } });
      }
      // Renamed criteria step aside first, so two can swap titles without meeting on (round, title).
      for (const { criterion, stored } of plan.rows) {
        if (stored && criterion.title !== stored.title)
          await tx.criterion.updateMany({ where: { id: stored.id, roundId }, data: { title: `renaming ${stored.id}` } });
      }
      const after: (CheckedCriterion & { id: string })[] = [];
      for (const { criterion, stored } of plan.rows) {
        const { title, guidance, weightPercent, maxScore, position } = criterion;
        if (stored) {
          await tx.criterion.updateMany({ where: { id: stored.id, roundId }, data: { title, guidance, weightPercent, maxScore, position } });
          if (maxScore < stored.maxScore) await tx.scoreDescriptor.deleteMany({ where: { criterionId: stored.id, score: { gt: maxScore } } });
          after.push({ ...criterion, id: stored.id });
        } else {
          const { id } = await tx.criterion.create({ data: { roundId, title, guidance, weightPercent, maxScore, position }, select: { id: true } });
          after.push({ ...criterion, id });
        }
      }
      await recordAudit(
        {
          actorId,
          action: "round.criteria.updated",
          subjectType: "round",
          subjectId: roundId,
          before: current.criteria.map(({ highestScoreGiven: _given, ...c }) => c),
          after,
          details: { removed: plan.removed.map((c) => ({ id: c.id, title: c.title })) },
        },
        tx,
      );
    });
  } catch (error) {
    // A score recorded, or another save, between the checks above and the transaction.
    if (isPrismaCode(error, "P2003", "P2002", "P2014")) {
      return refuse(
        actorId,
        roundId,
        post.rows,
        { [FORM_ERROR]: "The criteria changed while you were editing them. Check them and save again" },
        { prismaCode: (error as { code: string }).code },
      );
    }
    throw error;
  }
  return { ok: true, rows: null };
}

type Planned = { criterion: CheckedCriterion; stored: StoredCriterion | null };

/** Matches the checked rows to the stored criteria by id, and refuses changes that would lose scores. */
function planSave(stored: readonly StoredCriterion[], criteria: readonly CheckedCriterion[]): Result<{ rows: Planned[]; removed: StoredCriterion[] }> {
  const unclaimed = new Map(stored.map((c) => [c.id, c]));
  // Only this round's criteria can be edited, each by one row; any other id makes a new criterion.
  const rows = criteria.map((criterion): Planned => {
    const match = criterion.id !== null ? unclaimed.get(criterion.id) : undefined;
    if (match) unclaimed.delete(match.id);
    return { criterion, stored: match ?? null };
  });
  const removed = [...unclaimed.values()];
  const errors: FieldErrors = {};
  const scored = removed.find((c) => c.highestScoreGiven !== null);
  if (scored) errors[FORM_ERROR] = cannotRemove(scored);
  for (const { criterion, stored: was } of rows) {
    if (was?.highestScoreGiven != null && criterion.maxScore < was.highestScoreGiven) {
      errors[criterionField(criterion.position, "maxScore")] =
        `The highest score for criterion ${criterion.position + 1} cannot be less than ${was.highestScoreGiven}: assessors have already given that score`;
    }
  }
  if (Object.keys(errors).length > 0) return invalid(errors);
  return { ok: true, rows, removed };
}

function scoredCriterion(stored: readonly StoredCriterion[], id: string | undefined) {
  return stored.find((c) => c.id === id?.trim() && c.highestScoreGiven !== null);
}

function cannotRemove(criterion: StoredCriterion) {
  return `“${criterion.title}” cannot be removed because assessors have already scored bids against it`;
}

async function refuse(
  actorId: string,
  roundId: string,
  rows: CriterionRow[],
  errors: FieldErrors,
  details: Record<string, unknown> = {},
): Promise<CriteriaFormAnswer> {
  await recordAudit({
    actorId,
    action: "round.criteria.update",
    outcome: "refused",
    subjectType: "round",
    subjectId: roundId,
    details: { errors, ...details },
  });
  return { ...invalid(errors), rows };
}

/**
 * Starts a new round with the criteria and score descriptors of the fund's latest round that has
 * any (by opening date), for the administrator to check and change. Runs in the round's creation
 * transaction; returns what was copied, for that transaction's audit event.
 */
export async function copyCriteriaFromLatestRound(tx: Tx, fundId: string, roundId: string) {
  const source = await tx.round.findFirst({
    where: { fundId, id: { not: roundId }, criteria: { some: {} } },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          guidance: true,
          weightPercent: true,
          maxScore: true,
          position: true,
          descriptors: { orderBy: { score: "asc" }, select: { score: true, description: true } },
        },
      },
    },
  });
  if (!source) return null;
  for (const { descriptors, ...criterion } of source.criteria) {
    await tx.criterion.create({ data: { roundId, ...criterion, descriptors: { create: descriptors.filter((d) => d.score <= criterion.maxScore) } } });
  }
  return {
    criteriaCopiedFrom: { roundId: source.id, name: source.name },
    criteria: source.criteria.map(({ descriptors, ...c }) => ({ ...c, descriptors: descriptors.length })),
  };
}
