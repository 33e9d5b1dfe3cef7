// The stage-one choice of whom to invite, saved a page at a time (ADR 0031): a large first stage
// is reviewed and ticked page by page, and sending the decision reads every saved choice. Saving is
// one batch transaction (`$transaction([...])`, array form), round row first, only while the
// decision has not been sent.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { isPrismaCode } from "~/lib/prisma-errors";
import { conflict, type Result } from "~/lib/refusal";

/** One page of the choice as posted: the expressions of interest it showed (an unticked box posts nothing), and those ticked. */
export type InvitationPage = { shown: readonly string[]; invite: readonly string[] };

export type SaveInvitationsResult = Result<{ saved: number }, never>;

export const DECISION_SENT = "The stage-one decision has already been sent. Nothing was changed.";

/**
 * Saves the page's choice: each expression of interest shown (or ticked) that still waits for the
 * decision is chosen or not as posted. Ticking one not reviewed as eligible refuses the page,
 * saving nothing. The cap is checked on the whole choice when the decision is sent.
 */
export async function saveInvitationChoices(actorId: string, roundId: string, page: InvitationPage): Promise<SaveInvitationsResult> {
  const ids = [...new Set([...page.shown, ...page.invite])];
  const refuse = async (message: string): Promise<SaveInvitationsResult> => {
    await recordAudit({ actorId, action: "round.invitation_choices", outcome: "refused", subjectType: "round", subjectId: roundId, details: { message } });
    return conflict(message, "invite");
  };
  const [round, eois] = await Promise.all([
    db.round.findUnique({ where: { id: roundId }, select: { twoStage: true, invitationsSentAt: true } }),
    db.expressionOfInterest.findMany({ where: { id: { in: ids }, roundId, status: "submitted" }, select: { id: true, title: true, reviewDecision: true } }),
  ]);
  if (!round?.twoStage) return refuse("This round has no expressions of interest. Nothing was saved.");
  if (round.invitationsSentAt) return refuse(DECISION_SENT);
  if (eois.length === 0) return { ok: true, saved: 0 };
  const invite = new Set(page.invite);
  const notEligible = eois.find((e) => invite.has(e.id) && e.reviewDecision !== "eligible");
  if (notEligible) return refuse(`Only an expression of interest reviewed as eligible can be invited: ${notEligible.title}. Nothing was saved.`);
  const chosen = eois.filter((e) => invite.has(e.id)).map((e) => e.id);
  const notChosen = eois.filter((e) => !invite.has(e.id)).map((e) => e.id);
  const savedAt = new Date();
  try {
    await db.$transaction([
      // The round row first: its lock, and the guard that the decision has not been sent.
      db.round.update({ where: { id: roundId, twoStage: true, invitationsSentAt: null }, data: { invitationsSentAt: null }, select: { id: true } }),
      db.invitationChoice.deleteMany({ where: { eoiId: { in: notChosen } } }),
      ...chosen.map((eoiId) =>
        db.invitationChoice.upsert({
          where: { eoiId },
          create: { eoiId, roundId, savedById: actorId, savedAt },
          update: { savedById: actorId, savedAt },
          select: { eoiId: true },
        }),
      ),
      recordAudit({ actorId, action: "round.invitation_choices", subjectType: "round", subjectId: roundId, after: { chosen, notChosen } }),
    ]);
  } catch (error) {
    if (isPrismaCode(error, "P2025")) return refuse(DECISION_SENT);
    throw error;
  }
  return { ok: true, saved: eois.length };
}

/** The saved choice: every expression of interest of the round ticked for invitation and still waiting for the decision. */
export async function savedInvitations(roundId: string, client: Tx = db): Promise<string[]> {
  const rows = await client.invitationChoice.findMany({ where: { roundId, eoi: { status: "submitted" } }, select: { eoiId: true } });
  return rows.map((r) => r.eoiId);
}
