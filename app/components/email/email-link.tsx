import { Link } from "@remix-run/react";

/** An email's subject, linking to the admin page that shows the email. */
export function EmailLink({ email }: { email: { id: string; subject: string } }) {
  return (
    <Link className="govuk-link" to={`/admin/outbox/${email.id}`}>
      {email.subject}
    </Link>
  );
}
