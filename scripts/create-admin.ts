// Makes an admin account from the command line (the first admin of a live service, ADR 0018):
//   npm run create-admin -- --email you@example.org --name "Your Name"
// The account gets a random one-time password, printed once here and stored only as its hash;
// the first sign-in must choose a new one.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { createAdminAccount } from "../app/domain/auth/account-lifecycle.server";
import { createAdminSchema } from "../app/domain/auth/accounts.schema";
import { refusalErrors } from "../app/lib/refusal";

type Print = (line: string) => void;

/** Runs the command with its arguments; returns the exit code. */
export async function createAdmin(argv: string[], print: Print = console.log, printError: Print = console.error): Promise<number> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    printError(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run create-admin -- --email you@example.org --name "Your Name"`);
    return 2;
  }
  const parsed = createAdminSchema.safeParse({ email: values.email ?? "", name: values.name ?? "" });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) printError(`--${issue.path.join(".")}: ${issue.message}`);
    printError('Usage: npm run create-admin -- --email you@example.org --name "Your Name"');
    return 2;
  }
  const result = await createAdminAccount(parsed.data);
  if (!result.ok) {
    for (const message of Object.values(refusalErrors(result.refusal))) printError(`Not created: ${message}.`);
    return 1;
  }
  print(`Admin account created for ${parsed.data.email}.`);
  print(`One-time password (shown once, not stored): ${result.password}`);
  print("Sign in with it; the portal then asks for a new password before anything else.");
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { db } = await import("../app/lib/db.server");
  const code = await createAdmin(process.argv.slice(2)).finally(() => db.$disconnect());
  process.exit(code);
}
