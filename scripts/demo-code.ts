// Prints the authenticator code a demo staff account can sign in with now (ADR 0020), read from
// the database, for anyone trying the demo without an authenticator app:
//   npm run demo:code -- administrator@demo.csf.test
// A code is accepted once, so this prints the code of the earliest step not used yet (waiting
// for the next step when all three in the window are used). Refused in production unless
// DEMO_DATA=yes, and there only for the demo accounts' published secrets.
import { pathToFileURL } from "node:url";
import { freeStep, stepStartsAt, totpCode, totpStep } from "../app/domain/auth/totp.server";
import type { Db } from "../app/lib/db.server";
import { DEMO_TOTP_SECRETS } from "../prisma/demo-data";

type Print = (line: string) => void;
type Options = { environment?: Record<string, string | undefined>; now?: () => Date; sleep?: (ms: number) => Promise<void> };

const USAGE = "Usage: npm run demo:code -- <email of a demo staff account>";

/** Runs the command; returns the exit code. */
export async function demoCode(db: Db, argv: string[], print: Print = console.log, printError: Print = console.error, options: Options = {}): Promise<number> {
  const { environment = process.env, now = () => new Date(), sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = options;
  const production = environment.NODE_ENV === "production";
  if (production && environment.DEMO_DATA !== "yes") {
    printError("Refusing: NODE_ENV is production. Codes are printed only for a demonstration build (DEMO_DATA=yes).");
    return 1;
  }
  const email = argv
    .find((arg) => !arg.startsWith("-"))
    ?.trim()
    .toLowerCase();
  if (!email) {
    printError(USAGE);
    return 2;
  }
  const user = await db.user.findUnique({ where: { email }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) {
    printError(`${email} has no authenticator app set up. ${USAGE}`);
    return 1;
  }
  if (production && !Object.values(DEMO_TOTP_SECRETS).includes(user.totpSecret)) {
    printError(`${email} is not a demo account: its codes are only in its owner's app.`);
    return 1;
  }
  let step = freeStep(user.totpLastStep, now());
  if (step === null) {
    // Every step in the window is used: once the last used step is the current one, the next is free.
    const waitMs = Math.max(0, stepStartsAt(user.totpLastStep ?? totpStep(now())).getTime() - now().getTime()) + 500;
    printError(`The codes for now have been used; waiting ${Math.ceil(waitMs / 1000)} seconds for the next one.`);
    await sleep(waitMs);
    step = freeStep(user.totpLastStep, now());
    if (step === null) {
      printError("No unused code yet: try again in a few seconds.");
      return 1;
    }
  }
  const until = new Date(stepStartsAt(step + 2).getTime()).toLocaleTimeString("en-GB", { hour12: false });
  print(totpCode(user.totpSecret, step));
  printError(`The code for ${email}: it works once, until about ${until}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { db } = await import("../app/lib/db.server");
  const code = await demoCode(db, process.argv.slice(2)).finally(() => db.$disconnect());
  process.exit(code);
}
