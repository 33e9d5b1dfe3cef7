import { describe, expect, it } from "vitest";
import { allSectionsCompleted, parseSectionProgress, sectionStates, SECTIONS, withSectionStatus, type BidForCheck, type RoundForCheck } from "./sections";

const round: RoundForCheck = {
  minAwardPence: 100_000,
  maxAwardPence: 2_500_000,
  smallBidThresholdPence: 500_000,
  areas: [{ id: "area-1" }],
  priorities: [{ id: "priority-1" }],
};

const allCompleted = JSON.stringify(Object.fromEntries(SECTIONS.map((s) => [s.key, "completed"])));

function completeBid(overrides: Partial<BidForCheck> = {}): BidForCheck {
  return {
    title: "Youth work",
    summary: "Friday nights",
    amountRequestedPence: 1_200_000,
    projectStartDate: new Date(Date.UTC(2026, 3, 1)),
    projectEndDate: new Date(Date.UTC(2027, 2, 31)),
    beneficiaries: "Young people",
    beneficiaryCount: 120,
    safeguardingAnswer: "DBS checks",
    equalityAnswer: "Open to all",
    sectionProgress: allCompleted,
    declarationsAcceptedAt: new Date(),
    areas: [{ roundAreaId: "area-1" }],
    priorities: [{ priorityId: "priority-1" }],
    outcomes: [{ outcome: "Safer", indicator: "Survey", target: "75%", position: 0 }],
    budgetLines: [{ item: "Workers", costPence: 1_200_000, otherFundingPence: 0, position: 0 }],
    documents: [{ kind: "constitution" }, { kind: "accounts" }, { kind: "safeguarding_policy" }],
    ...overrides,
  };
}

const statusOf = (bid: BidForCheck, key: string) => sectionStates(bid, round).find((s) => s.key === key)!;

describe("section progress", () => {
  it("reads only known sections and statuses", () => {
    expect(parseSectionProgress('{"about":"completed","budget":"done","nope":"completed"}')).toEqual({ about: "completed" });
    expect(parseSectionProgress("not json")).toEqual({});
    expect(parseSectionProgress(null)).toEqual({});
  });

  it("sets one section's status and keeps the others", () => {
    expect(JSON.parse(withSectionStatus('{"about":"completed"}', "budget", "in_progress"))).toEqual({ about: "completed", budget: "in_progress" });
  });
});

describe("section states", () => {
  it("are all completed for a complete bid", () => {
    expect(allSectionsCompleted(sectionStates(completeBid(), round))).toBe(true);
  });

  it("are not started until a section is saved", () => {
    const states = sectionStates(completeBid({ sectionProgress: "{}" }), round);
    expect(states.every((s) => s.status === "not_started")).toBe(true);
    expect(allSectionsCompleted(states)).toBe(false);
    expect(states[0]!.problems).toEqual(["Complete the about the project section"]);
  });

  it("put a completed budget back in progress when the amount no longer matches, saying why", () => {
    const state = statusOf(completeBid({ amountRequestedPence: 1_300_000 }), "budget");
    expect(state.status).toBe("in_progress");
    expect(state.problems[0]).toContain("must equal your budget total");
  });

  it("put a completed summary back in progress when a smaller amount shortens its word limit", () => {
    const long = Array.from({ length: 200 }, () => "word").join(" ");
    const bid = completeBid({
      summary: long,
      amountRequestedPence: 400_000,
      budgetLines: [{ item: "x", costPence: 400_000, otherFundingPence: 0, position: 0 }],
    });
    expect(statusOf(bid, "about")).toMatchObject({ status: "in_progress", problems: ["Summary must be 150 words or fewer"] });
    expect(statusOf(completeBid({ summary: long }), "about").status).toBe("completed");
  });

  it("need all three documents and the declarations", () => {
    expect(statusOf(completeBid({ documents: [{ kind: "constitution" }] }), "documents").problems).toEqual([
      "Upload your latest accounts",
      "Upload your safeguarding policy",
    ]);
    expect(statusOf(completeBid({ declarationsAcceptedAt: null }), "declarations").status).toBe("in_progress");
  });

  it("do not accept areas or priorities that are not the round's", () => {
    expect(statusOf(completeBid({ areas: [{ roundAreaId: "elsewhere" }] }), "areas").status).toBe("in_progress");
  });

  it("let a small bid leave the equality answer blank", () => {
    const small = completeBid({
      equalityAnswer: "",
      amountRequestedPence: 400_000,
      budgetLines: [{ item: "x", costPence: 400_000, otherFundingPence: 0, position: 0 }],
    });
    expect(allSectionsCompleted(sectionStates(small, round))).toBe(true);
    expect(statusOf(completeBid({ equalityAnswer: "" }), "safeguarding-and-equality").status).toBe("in_progress");
  });
});
