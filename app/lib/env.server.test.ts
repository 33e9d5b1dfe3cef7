import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("fills sensible defaults for a newcomer", () => {
    const env = parseEnv({ DATABASE_URL: "file:./data/dev.db" });
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names every bad value in one clear message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", SMTP_URL: "http://mail" })).toThrow(
      /DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\/[\s\S]*PORT[\s\S]*SMTP_URL must start with smtp:\/\//,
    );
  });

  it("demands a real session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "file:x.db" })).toThrow(/SESSION_SECRET must be set in production/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: "file:x.db", SESSION_SECRET: "x".repeat(40) }).NODE_ENV).toBe("production");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "file:x.db", SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});
