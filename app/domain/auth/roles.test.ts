import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, roleHome } from "./roles";

describe("permissions", () => {
  it("lets only the fund administrator approve awards", () => {
    expect(ROLES.filter((role) => can(role, "approve:award"))).toEqual(["fund_administrator"]);
  });

  it("keeps applicants to their own organisation's bids", () => {
    const applicant: readonly string[] = PERMISSIONS.applicant;
    expect(applicant.every((p) => p.endsWith(":own"))).toBe(true);
  });

  it("gives every role its own home page", () => {
    expect(new Set(ROLES.map(roleHome)).size).toBe(ROLES.length);
  });
});
