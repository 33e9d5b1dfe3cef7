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

  it("demands a mail server in production unless the demo mailbox is asked for in so many words", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "file:x.db", SESSION_SECRET: "x".repeat(40) };
    expect(() => parseEnv(production)).toThrow(/SMTP_URL is required in production/);
    expect(() => parseEnv({ ...production, DEMO_MAILBOX: "no" })).toThrow(/SMTP_URL is required in production/);
    expect(parseEnv({ ...production, DEMO_MAILBOX: "yes" }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ ...production, SMTP_URL: "smtp://mail:25" }).SMTP_URL).toBe("smtp://mail:25");
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: "file:x.db" }).SMTP_URL).toBeUndefined();
  });

  it("demands a real session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "file:x.db" })).toThrow(/SESSION_SECRET must be set in production/);
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: "file:x.db", SESSION_SECRET: "x".repeat(40), SMTP_URL: "smtp://mail:25" }).NODE_ENV).toBe(
      "production",
    );
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "file:x.db", SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("keeps documents in a local folder unless told to use a bucket, and then needs the bucket", () => {
    expect(parseEnv({ DATABASE_URL: "file:x.db" }).DOCUMENT_STORAGE).toBe("local");
    expect(() => parseEnv({ DATABASE_URL: "file:x.db", DOCUMENT_STORAGE: "s3" })).toThrow(/S3_BUCKET is required when DOCUMENT_STORAGE=s3/);
    const s3 = parseEnv({
      DATABASE_URL: "file:x.db",
      DOCUMENT_STORAGE: "s3",
      S3_BUCKET: "csf-documents",
      S3_ENDPOINT: "http://127.0.0.1:4569",
      S3_FORCE_PATH_STYLE: "true",
      S3_SERVER_SIDE_ENCRYPTION: "AES256",
    });
    expect(s3).toMatchObject({
      S3_BUCKET: "csf-documents",
      S3_REGION: "eu-west-2",
      S3_FORCE_PATH_STYLE: "true",
      S3_KEY_PREFIX: "documents/",
      S3_SERVER_SIDE_ENCRYPTION: "AES256",
    });
  });

  it("names bad object storage settings", () => {
    expect(() =>
      parseEnv({
        DATABASE_URL: "file:x.db",
        DOCUMENT_STORAGE: "bucket",
        S3_ENDPOINT: "not a url",
        S3_FORCE_PATH_STYLE: "yes",
        S3_SERVER_SIDE_ENCRYPTION: "rot13",
        S3_KEY_PREFIX: "../x y",
      }),
    ).toThrow(/DOCUMENT_STORAGE must be local or s3[\s\S]*S3_ENDPOINT[\s\S]*S3_FORCE_PATH_STYLE[\s\S]*S3_KEY_PREFIX[\s\S]*S3_SERVER_SIDE_ENCRYPTION/);
    expect(() => parseEnv({ DATABASE_URL: "file:x.db", S3_SSE_KMS_KEY_ID: "key" })).toThrow(/S3_SSE_KMS_KEY_ID needs/);
  });

  it("publishes 360Giving data under a demo prefix unless told, and refuses a prefix not starting 360G-", () => {
    const env = parseEnv({ DATABASE_URL: "file:x.db" });
    expect(env.THREESIXTYGIVING_PREFIX).toBe("360G-example");
    expect(env.THREESIXTYGIVING_FUNDER_ID).toBe("XE-EXAMPLE-PCC");
    expect(parseEnv({ DATABASE_URL: "file:x.db", THREESIXTYGIVING_PREFIX: "360G-durhampcc" }).THREESIXTYGIVING_PREFIX).toBe("360G-durhampcc");
    expect(() => parseEnv({ DATABASE_URL: "file:x.db", THREESIXTYGIVING_PREFIX: "GB-durhampcc" })).toThrow(/THREESIXTYGIVING_PREFIX must start with "360G-"/);
    expect(() => parseEnv({ DATABASE_URL: "file:x.db", THREESIXTYGIVING_FUNDER_ID: "GB GOR 1" })).toThrow(/THREESIXTYGIVING_FUNDER_ID/);
  });
});
