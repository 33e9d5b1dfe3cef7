// Roles and what each may do, in one place (DESIGN.md "People"). Permissions are strings
// `action:entity[:access]`; the server checks them on every request.

export const ROLES = ["applicant", "assessor", "fund_administrator", "opcc_sign_off", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ["assessor", "fund_administrator", "opcc_sign_off", "admin"] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

const LABELS: Record<Role, string> = {
  applicant: "Applicant",
  assessor: "Assessor",
  fund_administrator: "Fund administrator",
  opcc_sign_off: "OPCC sign-off",
  admin: "Admin",
};

const HOMES: Record<Role, string> = {
  applicant: "/applicant",
  assessor: "/assessor",
  fund_administrator: "/administrator",
  opcc_sign_off: "/opcc",
  admin: "/admin",
};

export function roleLabel(role: Role) {
  return LABELS[role];
}

/** Where each role lands after signing in. */
export function roleHome(role: Role) {
  return HOMES[role];
}

export const PERMISSIONS = {
  applicant: ["manage:organisation:own", "create:bid:own", "read:bid:own", "submit:bid:own", "withdraw:bid:own"],
  assessor: ["declare:conflict", "read:bid:assigned", "score:bid:assigned"],
  fund_administrator: [
    "manage:round",
    "read:bid:any",
    "screen:bid",
    "assign:assessor",
    "moderate:score",
    "allocate:award",
    "approve:award",
    "release:outcome",
    "read:audit",
  ],
  opcc_sign_off: ["read:allocation", "sign-off:allocation"],
  admin: ["manage:user", "read:outbox", "retry:outbox", "read:mailbox", "preview:email", "read:audit"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[role] as readonly string[]).includes(permission);
}
