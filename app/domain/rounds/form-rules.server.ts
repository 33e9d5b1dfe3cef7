// A round's proportionate-form rules (ADR 0025), set by the fund administrator before the round
// opens: changing them afterwards would change the form under bids already being written, so a
// save once the round has opened is refused and audited, and changes nothing.
import { recordAudit } from "~/domain/audit/audit.server";
import { storedBand } from "~/domain/bids/proportionate";
import { parseRoundFormRules, serialiseRoundFormRules } from "~/domain/bids/stored-form-rules";
import { db, type Tx } from "~/lib/db.server";

import type { FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { conflict, invalid, notFound, type Result } from "~/lib/refusal";
import { formRulesFormSchema } from "./form-rules.schema";
import { roundHeading, roundHeadingSelect } from "./round-title";

export const FORM_RULES_LOCKED_MESSAGE = "The round has opened, so the form's sections, documents and word limits cannot be changed";

export async function loadRoundFormRules(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { ...roundHeadingSelect, smallBidThresholdPence: true, formRules: true },
  });
  if (!round) return null;
  return {
    round: { ...roundHeading(round), smallBidThresholdPence: round.smallBidThresholdPence },
    locked: now >= round.opensAt,
    rules: parseRoundFormRules(round.formRules),
  };
}

export async function saveRoundFormRules(actorId: string, roundId: string, posted: FormObject, now: Date): Promise<Result> {
  const current = await loadRoundFormRules(roundId, now);
  if (!current) return notFound("Round not found");
  const refused = async (details: object) =>
    recordAudit({ actorId, action: "round.form_rules.update", outcome: "refused", subjectType: "round", subjectId: roundId, details });
  if (current.locked) {
    await refused({ reason: "round opened" });
    return conflict(FORM_RULES_LOCKED_MESSAGE);
  }
  const parsed = parseValues(posted, formRulesFormSchema);
  if (!parsed.ok) {
    await refused({ errors: parsed.refusal.fieldErrors });
    return invalid(parsed.refusal.fieldErrors);
  }
  const before = { small: storedBand(current.rules.small), standard: storedBand(current.rules.standard) };
  const outcome = await db.$transaction(async (tx: Tx) => {
    // Conditional on the round not having opened meanwhile.
    const saved = await tx.round.updateMany({ where: { id: roundId, opensAt: { gt: now } }, data: { formRules: serialiseRoundFormRules(parsed.data) } });
    if (saved.count === 0) return false;
    await recordAudit({ actorId, action: "round.form_rules.updated", subjectType: "round", subjectId: roundId, before, after: parsed.data }, tx);
    return true;
  });
  if (!outcome) {
    await refused({ reason: "round opened" });
    return conflict(FORM_RULES_LOCKED_MESSAGE);
  }
  return { ok: true };
}

/** A new round starts from the rules of its fund's latest round that has its own (like criteria, ADR 0008). */
export async function copyFormRulesFromLatestRound(tx: Tx, fundId: string, roundId: string) {
  const source = await tx.round.findFirst({
    where: { fundId, id: { not: roundId }, formRules: { not: "" } },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, formRules: true },
  });
  if (!source) return null;
  await tx.round.update({ where: { id: roundId }, data: { formRules: source.formRules } });
  return { formRulesCopiedFrom: source.id };
}
