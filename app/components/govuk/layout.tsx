import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "~/domain/auth/roles";
import { roleHome, roleLabel } from "~/domain/auth/roles";
import { needsSecondFactor } from "~/domain/auth/second-factor-state";

/** `signingIn`: the password is given but the second factor not yet (ADR 0020): only Sign out leads anywhere. */
export type LayoutUser = { name: string; role: Role; signingIn?: boolean } | null;

/** GOV.UK page template pieces: skip link, header with the service name, phase banner, footer. */
export function PageLayout({ user, children }: { user: LayoutUser; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      {/* GOV.UK's generic header (no crown: this service is not on GOV.UK), the service navigation
          and the phase banner sit together in the page's banner landmark. */}
      <header>
        <div className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link app-header__service-name">
                Community Safety Fund
              </Link>
            </div>
          </div>
        </div>
        <div className="govuk-service-navigation" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label="Account" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  <NavigationItem to="/rounds">Funding rounds</NavigationItem>
                  {user ? (
                    <>
                      {user.signingIn ? null : (
                        <>
                          <NavigationItem to={roleHome(user.role)}>{roleLabel(user.role)} home</NavigationItem>
                          <NavigationItem to="/account/password">Change password</NavigationItem>
                          {needsSecondFactor(user.role) ? <NavigationItem to="/account/two-factor">Second factor</NavigationItem> : null}
                        </>
                      )}
                      <li className="govuk-service-navigation__item">
                        <form method="post" action="/sign-out" className="app-sign-out">
                          <button type="submit" className="govuk-service-navigation__link app-link-button">
                            Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <NavigationItem to="/sign-in">Sign in</NavigationItem>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </div>
        <div className="govuk-width-container">
          <div className="govuk-phase-banner">
            <p className="govuk-phase-banner__content">
              <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
              <span className="govuk-phase-banner__text">This is a new service. Tell the fund team if something does not work as you expect.</span>
            </p>
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <FooterItem to="/awards">Grants awarded</FooterItem>
                <FooterItem to="/accessibility">Accessibility statement</FooterItem>
                <FooterItem to="/privacy">Privacy notice</FooterItem>
              </ul>
              <p className="govuk-body-s">Run by the Office of the Police and Crime Commissioner.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

function NavigationItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li className="govuk-service-navigation__item">
      <Link className="govuk-service-navigation__link" to={to}>
        {children}
      </Link>
    </li>
  );
}

function FooterItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li className="govuk-footer__inline-list-item">
      <Link className="govuk-footer__link" to={to}>
        {children}
      </Link>
    </li>
  );
}
