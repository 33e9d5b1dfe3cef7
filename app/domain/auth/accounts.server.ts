import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import type { StaffAccountInput } from "./accounts.schema";
import { isRole, type Role } from "./roles";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { invalid, type Result } from "~/lib/refusal";

// A taken email address is a problem with what was typed in the email field, so it is "invalid".
// (Applicants register through the emailed link: registration.server.ts.)
export type AccountResult = Result<{ userId: string }>;

/** Staff accounts are created by an admin, never by self-registration. */
export async function createStaffAccount(adminId: string, input: StaffAccountInput): Promise<AccountResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: input.role } });
      await recordAudit(
        { actorId: adminId, action: "user.created", subjectType: "user", subjectId: created.id, after: { email: created.email, role: created.role } },
        tx,
      );
      return created;
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ email: "An account with this email address already exists" });
    throw error;
  }
}

export type AuthenticatedUser = { id: string; role: Role };

/** Checks an email and password; the same answer and timing whether or not the account exists. */
export async function authenticate(email: string, password: string): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, disabledAt: true } });
  if (!user) return verifyAgainstDummy(password).then(() => null);
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.disabledAt || !isRole(user.role)) return null;
  return { id: user.id, role: user.role };
}

/** The fund administrators with working accounts: who is told when something needs the fund team. */
export function activeFundAdministrators() {
  return db.user.findMany({ where: { role: "fund_administrator", disabledAt: null }, select: { id: true, name: true, email: true } });
}

export function listStaff() {
  return db.user.findMany({
    where: { role: { not: "applicant" } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true },
  });
}
