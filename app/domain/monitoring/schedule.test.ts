import { describe, expect, it } from "vitest";
import { scheduleReports, type ReportStageRule } from "./schedule";

const stages: ReportStageRule[] = [
  { id: "final", title: "Final report", relativeTo: "end", offsetDays: 28 },
  { id: "mid", title: "Mid-point report", relativeTo: "midpoint", offsetDays: 0 },
  { id: "start", title: "Starting report", relativeTo: "start", offsetDays: 14 },
];

describe("scheduleReports", () => {
  it("dates each report from the project's own start, mid-point and end, in due order", () => {
    const due = scheduleReports(stages, { startDate: new Date("2027-04-01T00:00:00Z"), endDate: new Date("2028-03-31T00:00:00Z") }, new Date());
    expect(due.map((r) => [r.stageId, r.dueAt.toISOString().slice(0, 10)])).toEqual([
      ["start", "2027-04-15"],
      ["mid", "2027-10-01"],
      ["final", "2028-04-28"],
    ]);
  });

  it("falls back to a year from the given date when the project has no dates", () => {
    const due = scheduleReports([stages[0]!], { startDate: null, endDate: null }, new Date("2027-01-01T00:00:00Z"));
    expect(due[0]!.dueAt.toISOString().slice(0, 10)).toBe("2028-01-29");
  });

  it("owes nothing when the round sets no stages", () => {
    expect(scheduleReports([], { startDate: new Date(), endDate: new Date() }, new Date())).toEqual([]);
  });
});
