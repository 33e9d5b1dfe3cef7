// The fund administrator's access to a bid's supporting documents: any bid of the round
// once it has been submitted; a draft stays the applicant's own. The round and status are part of
// each query, so a document of another round's bid, or of a draft, is simply not found.
import { listBidDocuments, findReadableDocument } from "~/domain/documents/documents.server";
import type { Prisma } from "~/lib/db.server";

function submittedBidOfRound(roundId: string): Prisma.BidWhereInput {
  return { roundId, status: { not: "draft" } };
}

export function listDocumentsForAdministrator(roundId: string, bidId: string) {
  return listBidDocuments(bidId, submittedBidOfRound(roundId));
}

/** One of the bid's documents with its bytes, or null (audited). */
export function documentForAdministrator(administratorId: string, roundId: string, bidId: string, documentId: string) {
  return findReadableDocument(administratorId, { bidId, documentId, bidScope: submittedBidOfRound(roundId) }, { roundId });
}
