import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PageLayout } from "~/components/govuk/layout";
import { documentTitle, ErrorSummaryReports, SERVICE_NAME, usePageTitleState } from "~/components/page-title";
import { getSessionUser } from "~/web/session.server";
import { requireSignInFinished } from "~/web/guards.server";
import { SESSION_IDLE_MS } from "~/domain/auth/session.server";
import { TimeoutWarning } from "~/components/timeout-warning";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.scss?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The title of an error page, or of a page without its own title. */
export const meta: MetaFunction = ({ error }) => [{ title: error === undefined ? SERVICE_NAME : documentTitle(errorTitle(error)) }];

function errorTitle(error: unknown) {
  if (!isRouteErrorResponse(error)) return "Sorry, there is a problem with the service";
  return error.status === 404
    ? "Page not found"
    : error.status === 403
      ? "You do not have permission to view this page"
      : error.status === 405
        ? "This page cannot be used that way"
        : "Sorry, there is a problem with the service";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  // Public pages too: the second factor is given (ADR 0020) and a one-time password changed
  // (ADR 0018) before anything else.
  requireSignInFinished(request, user);
  return { user: user ? { name: user.name, role: user.role, signingIn: user.secondFactor !== "done" } : null, idleMs: user ? SESSION_IDLE_MS : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const reportErrorSummary = usePageTitleState();
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <script
          nonce={nonce}
          // GOV.UK Frontend styles its JavaScript-enhanced components only when this class is set.
          dangerouslySetInnerHTML={{
            __html: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <ErrorSummaryReports value={reportErrorSummary}>
          <PageLayout user={data?.user ?? null}>{children}</PageLayout>
          {data?.idleMs ? <TimeoutWarning idleMs={data.idleMs} /> : null}
        </ErrorSummaryReports>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const title = errorTitle(error);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {!isRouteErrorResponse(error) ? (
        <p className="govuk-body">Try again later. Nothing you entered has been lost.</p>
      ) : error.status === 404 ? (
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
      ) : error.status === 403 ? (
        <p className="govuk-body">You are signed in with an account that cannot do this. Go back to your home page.</p>
      ) : (
        <p className="govuk-body">Try again later.</p>
      )}
    </>
  );
}
