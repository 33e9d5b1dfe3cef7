import { describe, expect, it } from "vitest";
import { parseValues } from "~/lib/parse-form";
import { describeStageTiming, reportStageSchema } from "./stages.schema";

describe("reportStageSchema", () => {
  it("reads a stage with its days as a number", () => {
    const parsed = parseValues({ title: " Final report ", relativeTo: "end", offsetDays: "28" }, reportStageSchema);
    expect(parsed.ok && parsed.data).toEqual({ stageId: "", title: "Final report", relativeTo: "end", offsetDays: 28 });
  });

  it("says what is missing or wrong by each field", () => {
    const parsed = parseValues({ title: "", offsetDays: "2.5" }, reportStageSchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.refusal.fieldErrors).toEqual({
      title: "Enter a name for the report",
      relativeTo: "Select what the due date is counted from",
      offsetDays: "Number of days must be a whole number, like 0 or 28",
    });
  });

  it("refuses days beyond two years either way", () => {
    const parsed = parseValues({ title: "Late", relativeTo: "end", offsetDays: "-731" }, reportStageSchema);
    expect(!parsed.ok && parsed.refusal.fieldErrors.offsetDays).toBe("Number of days must be between -730 and 730");
  });

  it("describes when a stage falls due", () => {
    expect(describeStageTiming({ relativeTo: "end", offsetDays: 28 })).toBe("28 days after the project's end");
    expect(describeStageTiming({ relativeTo: "midpoint", offsetDays: 0 })).toBe("At the project's mid-point");
    expect(describeStageTiming({ relativeTo: "start", offsetDays: -1 })).toBe("1 day before the project's start");
  });
});
