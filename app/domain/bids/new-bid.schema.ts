import { z } from "zod";

/** Starting a bid: the round comes from the page, the organisation is chosen when there are several. */
export const newBidSchema = z.object({
  round: z.string({ error: "Choose a funding round" }).trim().min(1, "Choose a funding round").max(200),
  fund: z.string().trim().max(200).optional(),
  organisationId: z.string({ error: "Select the organisation this bid is for" }).trim().max(100).optional(),
  /** The form's one-time token (see startBid); a post without one still starts a bid. */
  startToken: z.string().trim().max(100).optional(),
});
