import { z } from "zod";

const DEV_SESSION_SECRET = "development-only-session-secret-change-me";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required, like file:./data/dev.db or postgresql://user@host:5432/csf" })
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
        message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").default(DEV_SESSION_SECRET),
    APP_URL: z.url({ message: "APP_URL must be a full URL, like https://fund.example.org" }).default("http://localhost:3000"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), { message: "SMTP_URL must start with smtp:// or smtps://" })
      .optional(),
    // Production delivers to the built-in demo mailbox only when asked in so many words (ADR 0018).
    DEMO_MAILBOX: z.enum(["yes", "no"], { message: "DEMO_MAILBOX must be yes or no" }).default("no"),
    MAIL_FROM: z.string().default("Community Safety Fund <no-reply@community-safety-fund.localhost>"),
    // Where uploaded documents live (ADR 0013): a local folder (one machine) or an S3 bucket.
    DOCUMENT_STORAGE: z.enum(["local", "s3"], { message: "DOCUMENT_STORAGE must be local or s3" }).default("local"),
    DOCUMENT_STORAGE_DIR: z.string().default("./data/documents"),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default("eu-west-2"),
    S3_ENDPOINT: z.url({ message: "S3_ENDPOINT must be a full URL, like https://s3.eu-west-2.amazonaws.com" }).optional(),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"], { message: "S3_FORCE_PATH_STYLE must be true or false" }).default("false"),
    S3_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._\-/]*$/, "S3_KEY_PREFIX may use letters, digits, dots, dashes, underscores and slashes only")
      .default("documents/"),
    S3_SERVER_SIDE_ENCRYPTION: z
      .enum(["AES256", "aws:kms", "aws:kms:dsse"], { message: "S3_SERVER_SIDE_ENCRYPTION must be AES256, aws:kms or aws:kms:dsse" })
      .optional(),
    S3_SSE_KMS_KEY_ID: z.string().optional(),
    // Malware scanning of uploads (ADR 0022): clamd on a unix socket, or on a host and port.
    // Neither set: scanning is off (the demo), and the admin page says so.
    CLAMD_SOCKET: z.string().optional(),
    CLAMD_HOST: z.string().optional(),
    CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
    CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
    // 360Giving publishing (ADR 0015). The defaults are for the demo only: a live site sets the
    // prefix 360Giving issued to the Commissioner's office and its organisation identifier
    // (org-id.guide, e.g. its GB-GOR entry). XE-EXAMPLE is org-id.guide's list for example data.
    THREESIXTYGIVING_PREFIX: z
      .string()
      .regex(/^360G-[A-Za-z0-9-]+$/, 'THREESIXTYGIVING_PREFIX must start with "360G-" followed by letters, digits or dashes, like 360G-example')
      .default("360G-example"),
    THREESIXTYGIVING_FUNDER_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "THREESIXTYGIVING_FUNDER_ID must be an organisation identifier without spaces, like GB-GOR-PC000000")
      .default("XE-EXAMPLE-PCC"),
    THREESIXTYGIVING_FUNDER_NAME: z.string().trim().min(1).default("Office of the Police and Crime Commissioner (example)"),
    // Set when a proxy or load balancer sits in front (its hop count, or Express's "trust proxy"
    // list): only then is X-Forwarded-For believed for the client address (server.mjs, ADR 0016).
    TRUST_PROXY: z.string().optional(),
    THROTTLE_ADDRESS_FACTOR: z.coerce.number().int().min(1).default(1),
  })
  .superRefine((env, ctx) => {
    if (env.DOCUMENT_STORAGE === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "S3_BUCKET is required when DOCUMENT_STORAGE=s3" });
    }
    if (env.S3_SSE_KMS_KEY_ID && !env.S3_SERVER_SIDE_ENCRYPTION?.startsWith("aws:kms")) {
      ctx.addIssue({ code: "custom", path: ["S3_SSE_KMS_KEY_ID"], message: "S3_SSE_KMS_KEY_ID needs S3_SERVER_SIDE_ENCRYPTION=aws:kms or aws:kms:dsse" });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL && env.DEMO_MAILBOX !== "yes") {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "SMTP_URL is required in production (or DEMO_MAILBOX=yes to deliver every email, reset links included, to the admins' demo mailbox)",
      });
    }
    if (env.CLAMD_SOCKET && env.CLAMD_HOST) {
      ctx.addIssue({ code: "custom", path: ["CLAMD_HOST"], message: "Set CLAMD_SOCKET or CLAMD_HOST, not both" });
    }
    if (env.NODE_ENV === "production" && env.SESSION_SECRET === DEV_SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET must be set in production" });
    }
  });

export type Env = z.infer<typeof schema>;

/** Parses environment variables; throws one readable message listing every bad value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Multiplies the per-address throttling limits (ADR 0016). Test suites send every request from
 * one address and set it high; per-account limits never change. Read on each call rather than
 * from the cached env() so that the throttling tests can put the real limits back.
 */
export function throttleAddressFactor(): number {
  const factor = Number(process.env.THROTTLE_ADDRESS_FACTOR ?? 1);
  return Number.isInteger(factor) && factor >= 1 ? factor : 1;
}
