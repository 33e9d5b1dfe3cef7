import { describe, expect, it } from "vitest";
import { formatFileSize, inKindOrder, isDocumentKind } from "./document-kinds";

describe("document kinds", () => {
  it("knows the three documents a bid needs", () => {
    expect(["constitution", "accounts", "safeguarding_policy"].every(isDocumentKind)).toBe(true);
    expect(isDocumentKind("passport")).toBe(false);
  });

  it("shows sizes as people read them", () => {
    expect(formatFileSize(10_485_760)).toBe("10 MB");
    expect(formatFileSize(2_516_582)).toBe("2.4 MB");
    expect(formatFileSize(65_536)).toBe("64 KB");
    expect(formatFileSize(10)).toBe("1 KB");
  });

  it("lists documents in the order the form asks for them, others last as given", () => {
    const documents = [
      { id: "1", kind: "other" },
      { id: "2", kind: "safeguarding_policy" },
      { id: "3", kind: "constitution" },
      { id: "4", kind: "unknown" },
      { id: "5", kind: "accounts" },
    ];
    expect(inKindOrder(documents).map((d) => d.id)).toEqual(["3", "5", "2", "1", "4"]);
    expect(documents.map((d) => d.id)).toEqual(["1", "2", "3", "4", "5"]);
  });
});
