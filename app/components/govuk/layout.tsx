import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "~/domain/auth/roles";
import { roleHome, roleLabel } from "~/domain/auth/roles";

export type LayoutUser = { name: string; role: Role } | null;

/** GOV.UK page template pieces: skip link, header with the service name, phase banner, footer. */
export function PageLayout({ user, children }: { user: LayoutUser; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">Community Safety Fund</span>
            </Link>
          </div>
        </div>
      </header>
      <div className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label="Account" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                <li className="govuk-service-navigation__item">
                  <Link className="govuk-service-navigation__link" to="/rounds">
                    Funding rounds
                  </Link>
                </li>
                {user ? (
                  <>
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to={roleHome(user.role)}>
                        {roleLabel(user.role)} home
                      </Link>
                    </li>
                    <li className="govuk-service-navigation__item">
                      <form method="post" action="/sign-out" className="app-sign-out">
                        <button type="submit" className="govuk-service-navigation__link app-link-button">
                          Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li className="govuk-service-navigation__item">
                    <Link className="govuk-service-navigation__link" to="/sign-in">
                      Sign in
                    </Link>
                  </li>
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
            <span className="govuk-phase-banner__text">
              This is a new service. Tell the fund team if something does not work as you expect.
            </span>
          </p>
        </div>
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
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/accessibility">
                    Accessibility statement
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/privacy">
                    Privacy notice
                  </Link>
                </li>
              </ul>
              <p className="govuk-body-s">Run by the Office of the Police and Crime Commissioner.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
