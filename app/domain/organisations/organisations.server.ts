// Organisation profiles. Every read and write of an existing organisation is scoped to its
// members in the query itself, so a forgotten check cannot expose another organisation.
import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import { penceToInput } from "~/lib/money";
import type { OrganisationFormValues, OrganisationInput } from "./organisation.schema";

function profileData(input: OrganisationInput) {
  return {
    name: input.name,
    type: input.type,
    charityNumber: input.charityNumber,
    companyNumber: input.companyNumber,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    town: input.town,
    postcode: input.postcode,
    annualIncomePence: input.annualIncome,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
  };
}

const PROFILE_SELECT = {
  id: true,
  name: true,
  type: true,
  charityNumber: true,
  companyNumber: true,
  addressLine1: true,
  addressLine2: true,
  town: true,
  postcode: true,
  annualIncomePence: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
} as const;

const isMember = (userId: string) => ({ members: { some: { userId } } });

/** Creates the organisation with its creator as the owner member. */
export async function createOrganisation(userId: string, input: OrganisationInput): Promise<string> {
  const data = profileData(input);
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: { ...data, members: { create: { userId, role: "owner" } } },
      select: { id: true },
    });
    await recordAudit({ actorId: userId, action: "organisation.created", subjectType: "organisation", subjectId: organisation.id, after: data }, tx);
    return organisation.id;
  });
}

/** The organisation with its members and open invitations, only if `userId` is a member. */
export function findOrganisationForMember(organisationId: string, userId: string, now = new Date()) {
  return db.organisation.findFirst({
    where: { id: organisationId, ...isMember(userId) },
    select: {
      ...PROFILE_SELECT,
      members: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, user: { select: { name: true, email: true } } },
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, expiresAt: true, invitedBy: { select: { name: true } } },
      },
    },
  });
}

export type OrganisationForMember = NonNullable<Awaited<ReturnType<typeof findOrganisationForMember>>>;

/** Updates the profile if `userId` is a member; false when there is no such organisation for them. */
export async function updateOrganisationForMember(organisationId: string, userId: string, input: OrganisationInput): Promise<boolean> {
  const data = profileData(input);
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findFirst({ where: { id: organisationId, ...isMember(userId) }, select: PROFILE_SELECT });
    if (!before) return false;
    const { count } = await tx.organisation.updateMany({ where: { id: organisationId, ...isMember(userId) }, data });
    if (count !== 1) return false;
    await recordAudit({ actorId: userId, action: "organisation.updated", subjectType: "organisation", subjectId: organisationId, before, after: data }, tx);
    return true;
  });
}

/** Records that someone asked for an organisation they are not a member of (or that does not exist). */
export async function recordOrganisationAccessRefused(userId: string, organisationId: string, attempt: { method: string; path: string }) {
  await recordAudit({
    actorId: userId,
    action: "organisation.access_refused",
    outcome: "refused",
    subjectType: "organisation",
    subjectId: organisationId,
    details: attempt,
  });
}

/** What the profile form shows for a saved organisation. */
export function organisationFormValues(organisation: Pick<OrganisationForMember, keyof typeof PROFILE_SELECT>): OrganisationFormValues {
  return {
    name: organisation.name,
    type: organisation.type,
    charityNumber: organisation.charityNumber ?? "",
    companyNumber: organisation.companyNumber ?? "",
    addressLine1: organisation.addressLine1,
    addressLine2: organisation.addressLine2 ?? "",
    town: organisation.town,
    postcode: organisation.postcode,
    annualIncome: organisation.annualIncomePence === null ? "" : penceToInput(organisation.annualIncomePence),
    contactName: organisation.contactName,
    contactEmail: organisation.contactEmail,
    contactPhone: organisation.contactPhone ?? "",
  };
}
