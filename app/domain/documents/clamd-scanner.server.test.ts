import { describe, expect, it } from "vitest";
import { parseInstreamReply } from "./clamd-scanner.server";

describe("clamd's INSTREAM reply", () => {
  it("reads OK, FOUND and ERROR answers", () => {
    expect(parseInstreamReply("stream: OK")).toEqual({ verdict: "clean" });
    expect(parseInstreamReply("stream: Win.Test.EICAR_HDB-1 FOUND")).toEqual({ verdict: "infected", signature: "Win.Test.EICAR_HDB-1" });
    expect(parseInstreamReply("INSTREAM size limit exceeded. ERROR")).toEqual({ verdict: "error", reason: "INSTREAM size limit exceeded." });
  });

  it("never reads an unexpected answer as clean", () => {
    expect(parseInstreamReply("").verdict).toBe("error");
    expect(parseInstreamReply("stream: OK FOUND").verdict).toBe("infected");
    expect(parseInstreamReply("UNKNOWN COMMAND").verdict).toBe("error");
  });
});
