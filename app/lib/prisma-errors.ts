// Prisma's known request errors carry a code (P2002 unique violation, P2003 foreign key, P2025
// record not found, …), the same from both databases' clients.

export function isPrismaCode(error: unknown, ...codes: string[]) {
  return typeof error === "object" && error !== null && "code" in error && codes.includes(error.code as string);
}

export function isUniqueViolation(error: unknown) {
  return isPrismaCode(error, "P2002");
}
