import { generateTOTP, verifyTOTP } from "@epic-web/totp";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, freeStep, matchTotp, newTotpSecret, stepStartsAt, totpAuthUri, totpCode, totpStep } from "./totp.server";

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890"; its 8-digit codes end in these 6.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));
const RFC_VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

describe("TOTP codes", () => {
  it.each(RFC_VECTORS)("at %i seconds the code is %s (RFC 6238)", (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it("gives the code @epic-web/totp gives for now, and that library accepts ours", async () => {
    const secret = newTotpSecret();
    // Asked twice in case a step boundary passes between the two libraries' clocks.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const before = totpStep();
      const theirs = await generateTOTP({ secret });
      if (totpStep() !== before) continue;
      expect(totpCode(secret, before)).toBe(theirs.otp);
      expect(await verifyTOTP({ otp: totpCode(secret, before), secret, period: 30, digits: 6, algorithm: "SHA-1", charSet: "0123456789", window: 0 })).toEqual({
        delta: 0,
      });
      return;
    }
    throw new Error("the clock crossed two step boundaries");
  });

  it("base32 round-trips, ignoring case, spaces and padding; refuses other characters", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
    const text = base32Encode(bytes);
    expect(base32Decode(text)).toEqual(bytes);
    expect(base32Decode(` ${text.toLowerCase()}=== `)).toEqual(bytes);
    expect(base32Decode("ABC1")).toBeNull();
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe("accepting a code", () => {
  const secret = newTotpSecret();
  const now = new Date(stepStartsAt(1_000_000).getTime() + 10_000);

  it("accepts the codes of the step before, now and after, and no others", () => {
    expect(matchTotp(secret, totpCode(secret, 999_999), null, now)).toEqual({ step: 999_999 });
    expect(matchTotp(secret, totpCode(secret, 1_000_000), null, now)).toEqual({ step: 1_000_000 });
    expect(matchTotp(secret, totpCode(secret, 1_000_001), null, now)).toEqual({ step: 1_000_001 });
    for (const far of [999_998, 1_000_002]) {
      const code = totpCode(secret, far);
      // A far code may by chance equal a code inside the window (1 in 10^6): only then may it pass.
      const inside = [999_999, 1_000_000, 1_000_001].some((step) => totpCode(secret, step) === code);
      if (!inside) expect(matchTotp(secret, code, null, now)).toBeNull();
    }
    expect(matchTotp(secret, "12345", null, now)).toBeNull();
    expect(matchTotp(secret, "", null, now)).toBeNull();
  });

  it("refuses a code of a step at or before the last one accepted, as a replay", () => {
    expect(matchTotp(secret, totpCode(secret, 1_000_000), 1_000_000, now)).toEqual({ replayed: true });
    expect(matchTotp(secret, totpCode(secret, 999_999), 1_000_000, now)).toEqual({ replayed: true });
    expect(matchTotp(secret, totpCode(secret, 1_000_001), 1_000_000, now)).toEqual({ step: 1_000_001 });
  });

  it("finds the earliest unused step that stays in the window, or none", () => {
    expect(freeStep(null, now)).toBe(999_999);
    expect(freeStep(999_999, now)).toBe(1_000_000);
    expect(freeStep(1_000_000, now)).toBe(1_000_001);
    expect(freeStep(1_000_001, now)).toBeNull();
    // Two seconds before the next step, the step before now would leave the window too soon.
    expect(freeStep(null, new Date(stepStartsAt(1_000_001).getTime() - 2_000))).toBe(1_000_000);
  });

  it("names the account and the service in the authenticator's address", () => {
    const uri = new URL(totpAuthUri("ABCDEFGH", "dev@example.org", "Community Safety Fund"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Community Safety Fund:dev@example.org");
    expect(uri.searchParams.get("secret")).toBe("ABCDEFGH");
    expect(uri.searchParams.get("digits")).toBe("6");
  });
});
