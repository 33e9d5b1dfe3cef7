import { Link } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { StartButton } from "~/components/govuk/start-button";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Apply to the Community Safety Fund");

export default function StartPage() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-xl">Apply to the Community Safety Fund</h1>
      <p className="govuk-body">
        The Police and Crime Commissioner funds voluntary and community organisations to make their communities safer. Use this service to check whether your
        organisation can apply, bid for funding and find out the outcome.
      </p>
      <p className="govuk-body">You can see how much money is available and how many bids have been made before you start.</p>
      <StartButton to="/rounds">See funding rounds</StartButton>
      <h2 className="govuk-heading-m">Already applying?</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in
        </Link>{" "}
        or{" "}
        <Link className="govuk-link" to="/register">
          create an account
        </Link>{" "}
        for your organisation.
      </p>
    </PageColumn>
  );
}
