import { Link } from "@remix-run/react";

/** Recovery codes, shown once after they are made (only their hashes are kept, ADR 0020). */
export function RecoveryCodes({ codes, continueTo, continueLabel }: { codes: string[]; continueTo: string; continueLabel: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">Save your recovery codes</h1>
      <p className="govuk-body">
        If you lose your phone or cannot use your authenticator app, you can sign in with one of these codes instead. Each code works once.
      </p>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This is the only time these codes are shown. Print them or keep them in a password manager, somewhere apart from your phone.
        </strong>
      </div>
      <ul className="govuk-list govuk-list--number" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="app-recovery-code">{code}</code>
          </li>
        ))}
      </ul>
      <Link className="govuk-button" data-module="govuk-button" role="button" draggable={false} to={continueTo}>
        {continueLabel}
      </Link>
    </>
  );
}
