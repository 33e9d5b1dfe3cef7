import { describe, expect, it } from "vitest";
import { inviteSchema, isUkPhoneNumber, normaliseCharityNumber, normaliseCompanyNumber, normalisePostcode, organisationSchema } from "./organisation.schema";
import { redirectAfterCreate } from "./redirect-after-create.server";

const good = {
  name: "Darlington Youth Outreach",
  type: "registered_charity",
  charityNumber: "1167432",
  companyNumber: "",
  addressLine1: "12 Bondgate",
  addressLine2: "",
  town: "Darlington",
  postcode: "dl3 7jj",
  annualIncome: "£185,000",
  contactName: "Asha Patel",
  contactEmail: "Asha@Example.org",
  contactPhone: "",
};

function errorsOf(input: Record<string, unknown>) {
  const result = organisationSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("UK formats", () => {
  it.each([
    ["DH1 3NP", "DH1 3NP"],
    ["dh13np", "DH1 3NP"],
    ["  dl3   7jj ", "DL3 7JJ"],
    ["SW1A1AA", "SW1A 1AA"],
    ["M11AE", "M1 1AE"],
    ["EC1A 1BB", "EC1A 1BB"],
  ])("reads the postcode %j as %j", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(["", "DH1", "12345", "DH1 3N", "DHH1 3NP", "<script>", "DH1 3NP X"])("refuses the postcode %j", (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });

  it("reads charity numbers of 6 to 8 digits", () => {
    expect(normaliseCharityNumber("1167432")).toBe("1167432");
    expect(normaliseCharityNumber("216 401")).toBe("216401");
    expect(normaliseCharityNumber("12345")).toBeNull();
    expect(normaliseCharityNumber("123456789")).toBeNull();
    expect(normaliseCharityNumber("SC012345")).toBeNull();
  });

  it("reads company numbers of 8 characters", () => {
    expect(normaliseCompanyNumber("12345678")).toBe("12345678");
    expect(normaliseCompanyNumber("sc123456")).toBe("SC123456");
    expect(normaliseCompanyNumber("1234567")).toBeNull();
    expect(normaliseCompanyNumber("S1234567")).toBeNull();
    expect(normaliseCompanyNumber("ABC12345")).toBeNull();
  });

  it("reads UK telephone numbers", () => {
    expect(isUkPhoneNumber("01632 960 001")).toBe(true);
    expect(isUkPhoneNumber("07700 900982")).toBe(true);
    expect(isUkPhoneNumber("+44 808 157 0192")).toBe(true);
    expect(isUkPhoneNumber("(01632) 960-001")).toBe(true);
    expect(isUkPhoneNumber("12345")).toBe(false);
    expect(isUkPhoneNumber("call me")).toBe(false);
  });
});

describe("organisation profile schema", () => {
  it("normalises what it keeps: postcode, pence, email, empty optional fields", () => {
    expect(organisationSchema.parse(good)).toEqual({
      name: "Darlington Youth Outreach",
      type: "registered_charity",
      charityNumber: "1167432",
      companyNumber: null,
      addressLine1: "12 Bondgate",
      addressLine2: null,
      town: "Darlington",
      postcode: "DL3 7JJ",
      annualIncome: 18_500_000,
      contactName: "Asha Patel",
      contactEmail: "asha@example.org",
      contactPhone: null,
    });
  });

  it("names every missing field at once, including the number the type needs", () => {
    expect(errorsOf({ type: "cio" })).toEqual({
      name: "Enter your organisation's name",
      charityNumber: "Enter your organisation's charity number",
      addressLine1: "Enter the first line of your organisation's address",
      town: "Enter your organisation's town or city",
      postcode: "Enter your organisation's postcode, like DH1 3NP",
      annualIncome: "Enter your organisation's annual income, like 25000",
      contactName: "Enter the name of the main contact",
      contactEmail: "Enter the main contact's email address",
    });
    expect(errorsOf({})).toMatchObject({ type: "Select your organisation's type" });
  });

  it("asks for a charity number only where the type needs one, and a company number likewise", () => {
    expect(errorsOf({ ...good, charityNumber: "" })).toEqual({ charityNumber: "Enter your organisation's charity number" });
    expect(errorsOf({ ...good, type: "cic", charityNumber: "" })).toEqual({ companyNumber: "Enter your organisation's company number" });
    expect(errorsOf({ ...good, type: "company_limited_by_guarantee", charityNumber: "", companyNumber: "SC123456" })).toEqual({});
    expect(errorsOf({ ...good, type: "unincorporated_group", charityNumber: "" })).toEqual({});
    expect(errorsOf({ ...good, type: "social_enterprise", charityNumber: "" })).toEqual({});
  });

  it("refuses wrong formats with GOV.UK messages", () => {
    expect(
      errorsOf({ ...good, charityNumber: "12", companyNumber: "ABC", postcode: "NOT A POSTCODE", contactEmail: "asha", contactPhone: "phone me" }),
    ).toEqual({
      charityNumber: "Charity number must be 6 to 8 digits, like 1167432",
      companyNumber: "Company number must be 8 characters, like 12345678 or SC123456",
      postcode: "Enter a full UK postcode, like DH1 3NP",
      contactEmail: "Enter an email address in the correct format, like name@example.org",
      contactPhone: "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
    });
  });

  it.each([
    ["twelve thousand", "Enter your organisation's annual income as a number, like 25000 or 25000.50"],
    ["-100", "Enter your organisation's annual income as a number, like 25000 or 25000.50"],
    ["99999999999", "Annual income must be £10,000,000 or less"],
  ])("refuses the annual income %j", (annualIncome, message) => {
    expect(errorsOf({ ...good, annualIncome })).toEqual({ annualIncome: message });
  });

  it("accepts an annual income of nothing yet", () => {
    expect(organisationSchema.parse({ ...good, annualIncome: "0" }).annualIncome).toBe(0);
  });

  it("refuses over-long text and line breaks in one-line fields", () => {
    expect(errorsOf({ ...good, name: "x".repeat(161), town: "Darlington\r\nBcc: x@example.org", addressLine2: "y".repeat(101) })).toEqual({
      name: "Organisation name must be 160 characters or fewer",
      addressLine2: "Address line 2 must be 100 characters or fewer",
      town: "Town or city must be on one line",
    });
  });

  it("keeps HTML as the text it is (pages escape it when shown)", () => {
    expect(organisationSchema.parse({ ...good, name: "<script>alert(1)</script>" }).name).toBe("<script>alert(1)</script>");
  });
});

describe("invite schema", () => {
  it("needs one email address", () => {
    expect(inviteSchema.parse({ email: " Colleague@Example.org " })).toEqual({ email: "colleague@example.org" });
    expect(inviteSchema.safeParse({ email: "" }).error?.issues[0]?.message).toBe("Enter your colleague's email address");
    expect(inviteSchema.safeParse({ email: "a@b.org, c@d.org" }).error?.issues[0]?.message).toBe(
      "Enter an email address in the correct format, like name@example.org",
    );
  });
});

describe("redirectAfterCreate", () => {
  it("goes back into the applicant's pages only", () => {
    expect(redirectAfterCreate("/applicant/bids/new?round=2025-26-round-1")).toBe("/applicant/bids/new?round=2025-26-round-1");
    expect(redirectAfterCreate(null)).toBe("/applicant");
    expect(redirectAfterCreate("")).toBe("/applicant");
    expect(redirectAfterCreate("/admin")).toBe("/applicant");
    expect(redirectAfterCreate("https://evil.example/applicant/")).toBe("/applicant");
    expect(redirectAfterCreate("//evil.example/applicant/")).toBe("/applicant");
    expect(redirectAfterCreate("/applicant/\\evil.example")).toBe("/applicant");
  });
});
