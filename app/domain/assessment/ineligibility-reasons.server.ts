// The stock reasons a fund gives for finding a bid ineligible (issue 4, "Eligibility screening":
// "a stock reason (editable list)"). The fund administrator adds, renames, deactivates and
// reactivates them; a deactivated reason is no longer offered at screening but stays on the bids
// already screened with it. Every change is audited.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import type { FieldErrors } from "~/lib/form-errors";

export const MAX_REASON_LENGTH = 200;

export async function loadIneligibilityReasons(fundId: string) {
  const fund = await db.fund.findUnique({
    where: { id: fundId },
    select: { id: true, name: true, ineligibilityReasons: { orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true, active: true } } },
  });
  return fund ? { fund: { id: fund.id, name: fund.name }, reasons: fund.ineligibilityReasons } : null;
}

export type ReasonChange = { intent: "add"; text: string } | { intent: "rename"; reasonId: string; text: string } | { intent: "deactivate" | "reactivate"; reasonId: string };

type Result = { ok: true; message: string } | { ok: false; errors: FieldErrors };

export function reasonField(reasonId: string) {
  return `reasons.${reasonId}`;
}

export async function changeIneligibilityReason(actorId: string, fundId: string, change: ReasonChange): Promise<Result> {
  const refuse = async (errors: FieldErrors): Promise<Result> => {
    await recordAudit({ actorId, action: `ineligibility-reason.${change.intent}`, outcome: "refused", subjectType: "fund", subjectId: fundId, details: { errors } });
    return { ok: false, errors };
  };
  const fund = await db.fund.findUnique({ where: { id: fundId }, select: { id: true } });
  if (!fund) return { ok: false, errors: { form: "Fund not found" } };
  const reason = "reasonId" in change ? await db.ineligibilityReason.findFirst({ where: { id: change.reasonId, fundId } }) : null;
  if ("reasonId" in change && !reason) return refuse({ form: "That reason does not exist" });
  const field = change.intent === "rename" ? reasonField(change.reasonId) : "text";
  if (change.intent === "add" || change.intent === "rename") {
    const text = change.text.trim().replace(/\s+/g, " ");
    if (!text) return refuse({ [field]: "Enter the reason" });
    if (text.length > MAX_REASON_LENGTH) return refuse({ [field]: `The reason must be ${MAX_REASON_LENGTH} characters or fewer` });
    const clash = await db.ineligibilityReason.findFirst({ where: { fundId, text, ...(reason ? { NOT: { id: reason.id } } : {}) }, select: { id: true } });
    if (clash) return refuse({ [field]: "The fund already has that reason" });
    return db.$transaction(async (tx: Tx) => {
      if (change.intent === "add") {
        const last = await tx.ineligibilityReason.aggregate({ where: { fundId }, _max: { position: true } });
        const created = await tx.ineligibilityReason.create({ data: { fundId, text, position: (last._max.position ?? -1) + 1 } });
        await recordAudit({ actorId, action: "ineligibility-reason.added", subjectType: "ineligibility-reason", subjectId: created.id, after: { text, active: true } }, tx);
        return { ok: true as const, message: "The reason has been added." };
      }
      await tx.ineligibilityReason.update({ where: { id: reason!.id }, data: { text } });
      await recordAudit({ actorId, action: "ineligibility-reason.renamed", subjectType: "ineligibility-reason", subjectId: reason!.id, before: { text: reason!.text }, after: { text } }, tx);
      return { ok: true as const, message: "The reason has been changed." };
    });
  }
  const active = change.intent === "reactivate";
  await db.$transaction(async (tx: Tx) => {
    await tx.ineligibilityReason.update({ where: { id: reason!.id }, data: { active } });
    await recordAudit({ actorId, action: `ineligibility-reason.${active ? "reactivated" : "deactivated"}`, subjectType: "ineligibility-reason", subjectId: reason!.id, before: { active: reason!.active }, after: { active } }, tx);
  });
  return { ok: true, message: active ? "The reason can be used again." : "The reason will no longer be offered when screening bids." };
}
