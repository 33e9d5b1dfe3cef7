import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { barChartSvg, histogramSvg } from "./charts.server";

const page = (svg: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chart</title></head><body><main><figure>${svg}<figcaption>Summary</figcaption></figure></main></body></html>`;

async function validate(svg: string) {
  const report = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "void-style": "off", "no-self-closing": "off" } }).validateString(
    page(svg),
  );
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

describe("server-rendered charts", () => {
  it("draws grouped bars as one named image, with text escaped and no style attributes", async () => {
    const svg = await barChartSvg(
      {
        categories: ["Safer streets & <parks>", "Reducing anti-social behaviour"],
        series: [
          { name: "Requested", values: [1_250_000, 300_000] },
          { name: "Awarded", values: [500_000, 0] },
        ],
        unit: "pence",
        valueTitle: "Amount",
      },
      'Requested "most" under Safer streets & <parks>',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" viewBox="')).toBe(true);
    expect(svg).toContain('role="img" aria-label="Requested &quot;most&quot; under Safer streets &amp; &lt;parks&gt;"');
    // Labels are drawn in full (not cut short with an ellipsis), escaped.
    expect(svg).toContain(">Safer streets &amp; &lt;parks&gt;<");
    expect(svg).toContain(">Reducing anti-social behaviour<");
    expect(svg).toContain("£5,000");
    expect(svg).not.toMatch(/\sstyle=/);
    // Only the root names the image: no ARIA roles or labels inside it.
    expect(svg.slice(svg.indexOf(">") + 1)).not.toMatch(/\s(role|aria-label|aria-roledescription)=/);
    expect(svg).not.toMatch(/<svg[^>]*\swidth=/);
    expect(await validate(svg)).toEqual([]);
  });

  it("draws a histogram with the marked threshold", async () => {
    const svg = await histogramSvg(
      {
        bins: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: i === 6 ? 3 : i === 2 ? 1 : 0 })),
        marker: { at: 55, label: "Quality threshold 55%" },
        valueTitle: "Weighted score",
        countTitle: "Bids",
      },
      "4 bids scored",
    );
    expect(svg).toContain("Quality threshold 55%");
    expect(svg).toContain(">100%<");
    expect(svg).not.toMatch(/\sstyle=/);
    expect(await validate(svg)).toEqual([]);
  });
});
