// The second step of signing in, done the way a person with the authenticator app would (ADR 0020),
// for tests that sign in through the form as staff: the code of the earliest step not used yet
// (a code is accepted once), waiting for the next step when all three in the window are used.
import { freeStep, stepStartsAt, totpCode } from "~/domain/auth/totp.server";
import { db } from "~/lib/db.server";

export async function currentCode(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user.totpSecret) throw new Error("this account has no authenticator app set up");
  let step = freeStep(user.totpLastStep);
  if (step === null) {
    await new Promise((resolve) => setTimeout(resolve, stepStartsAt(user.totpLastStep!).getTime() - Date.now() + 500));
    step = freeStep(user.totpLastStep)!;
  }
  return totpCode(user.totpSecret, step);
}
