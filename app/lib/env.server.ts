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
    MAIL_FROM: z.string().default("Community Safety Fund <no-reply@community-safety-fund.localhost>"),
    DOCUMENT_STORAGE_DIR: z.string().default("./data/documents"),
    OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  })
  .superRefine((env, ctx) => {
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
