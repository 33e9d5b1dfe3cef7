import { describe, expect, it } from "vitest";
import { formatFileSize, isDocumentKind } from "./document-kinds";

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
});
