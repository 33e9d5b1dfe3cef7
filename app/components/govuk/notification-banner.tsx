import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** GOV.UK notification banner: "Success" after an action, or "Important" for something to know. */
export function NotificationBanner({ success, title, children }: { success?: boolean; title?: string; children: ReactNode }) {
  const heading = title ?? (success ? "Success" : "Important");
  const id = success ? "success-banner-title" : "important-banner-title";
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          {heading}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/**
 * The success banner after an action, holding its message as the banner's heading (and anything
 * more to say below it); nothing without a message.
 */
export function SuccessBanner({ message, title, children }: { message?: string | null; title?: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <NotificationBanner success title={title}>
      <p className="govuk-notification-banner__heading">{message}</p>
      {children}
    </NotificationBanner>
  );
}

/** A banner's paragraph that ends by linking to the person's home page. */
export function HomeLinkParagraph({ home, children }: { home: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      {children}{" "}
      <Link className="govuk-notification-banner__link" to={home}>
        Go to your home page
      </Link>
      .
    </p>
  );
}
