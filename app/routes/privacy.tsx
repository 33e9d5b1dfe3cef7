import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Privacy notice");

export default function PrivacyNotice() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Privacy notice</h1>
      <p className="govuk-body">
        The Office of the Police and Crime Commissioner uses the information you give to assess bids to the fund, to pay awards and to publish what was funded.
        Only the people who need to see a bid can see it.
      </p>
      <p className="govuk-body">We use one cookie, to keep you signed in. It is removed when you sign out.</p>
    </PageColumn>
  );
}
