import { db, type Db } from "~/lib/db.server";

type Tx = Pick<Db, "auditEvent">;

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  outcome?: "allowed" | "refused";
  before?: unknown;
  after?: unknown;
  details?: unknown;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Writes an audit event; pass a transaction client to record it with the change itself. */
export function recordAudit(event: AuditInput, client: Tx = db) {
  return client.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      outcome: event.outcome ?? "allowed",
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      before: json(event.before),
      after: json(event.after),
      details: json(event.details),
    },
  });
}

/** Records that an action on a bid was refused, with what was said about it. */
export function recordBidRefusal(actorId: string, action: string, bidId: string, details: unknown) {
  return recordAudit({ actorId, action, outcome: "refused", subjectType: "bid", subjectId: bidId, details });
}
