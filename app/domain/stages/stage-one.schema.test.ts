import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { eoiReviewSchema, invitationChoiceSchema, stageSettingsSchema } from "./stage-one.schema";

const errors = (parsed: { success: boolean; error?: unknown }) => (parsed.success ? {} : fieldErrorsFrom(parsed.error as never));

describe("the review, the invitations and the stage settings", () => {
  it("reviews with a decision, a score of 1 to 5 and feedback", () => {
    expect(eoiReviewSchema.parse({ decision: "eligible", score: "4", feedback: " Good " })).toEqual({ decision: "eligible", score: 4, feedback: "Good" });
    expect(errors(eoiReviewSchema.safeParse({ score: "6" }))).toEqual({
      decision: "Select whether this expression of interest is eligible",
      score: "Select a score from 1 to 5",
      feedback: "Enter feedback for the organisation",
    });
  });

  it("invites each chosen expression of interest once", () => {
    expect(invitationChoiceSchema.parse({ invite: ["e1", "e1", "e2"], shown: ["e1", "e2", "e3", "e3"] })).toEqual({
      invite: ["e1", "e2"],
      shown: ["e1", "e2", "e3"],
    });
    expect(invitationChoiceSchema.parse({})).toEqual({ invite: [], shown: [] });
  });

  it("sets one stage or two, with the closing time and cap for two", () => {
    expect(stageSettingsSchema.parse({ twoStage: "no" })).toEqual({ twoStage: false, eoiClosesAt: null, invitationCapPence: null });
    expect(errors(stageSettingsSchema.safeParse({}))).toEqual({ twoStage: "Select how organisations apply to this round" });
    expect(errors(stageSettingsSchema.safeParse({ twoStage: "yes", invitationCap: "lots" }))).toEqual({
      "eoiClosesAt.day": "Enter the expressions of interest closing date",
      invitationCap: "The invitation cap must be an amount in pounds, like 500000",
    });
    const two = stageSettingsSchema.parse({ twoStage: "yes", eoiClosesAt: { day: "1", month: "7", year: "2027", time: "12:00" }, invitationCap: "500000" });
    expect(two).toEqual({ twoStage: true, eoiClosesAt: new Date("2027-07-01T11:00:00Z"), invitationCapPence: 50_000_000 });
  });
});
