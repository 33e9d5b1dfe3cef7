// The OPCC's sign-off form: sign off the allocation, or send it back with a comment saying why.
import { z } from "zod";

export const MAX_SIGN_OFF_COMMENT_LENGTH = 2_000;

export const signOffSchema = z
  .object({
    decision: z.enum(["approved", "sent_back"], { error: "Select whether you sign off the allocation or send it back" }),
    comment: z
      .string()
      .default("")
      .transform((comment) => comment.trim())
      .pipe(z.string().max(MAX_SIGN_OFF_COMMENT_LENGTH, `Your comment must be ${MAX_SIGN_OFF_COMMENT_LENGTH} characters or fewer`)),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "sent_back" && value.comment === "") {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Enter a comment saying why you are sending the allocation back" });
    }
  });
