import { useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";

/** How long before the idle time-out the warning opens (GOV.UK time-out warning pattern). */
const WARN_BEFORE_MS = 2 * 60 * 1000;

/**
 * The GOV.UK time-out warning, as an enhancement: two minutes before the idle time-out a modal
 * dialog offers to stay signed in (a request that marks the session as used) or to sign out.
 * Without JavaScript nothing shows: the next request after the time-out asks the user to sign
 * in again and returns them to the page (ADR 0018).
 */
export function TimeoutWarning({ idleMs }: { idleMs: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const location = useLocation();
  const [restartedAt, setRestartedAt] = useState(0);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    // Every page load or navigation reached the server, which marked the session as used.
    const warn = setTimeout(() => dialog.current?.showModal(), Math.max(0, idleMs - WARN_BEFORE_MS));
    const end = setTimeout(() => {
      const back = `${window.location.pathname}${window.location.search}`;
      window.location.assign(`/sign-in?${new URLSearchParams({ redirectTo: back })}`);
    }, idleMs);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [idleMs, location.key, restartedAt]);

  const staySignedIn = useCallback(async () => {
    setProblem(false);
    try {
      const response = await fetch("/account/session", { method: "POST", headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      dialog.current?.close();
      setRestartedAt(Date.now());
    } catch {
      setProblem(true);
    }
  }, []);

  return (
    <dialog ref={dialog} className="app-timeout-dialog" aria-labelledby="timeout-warning-heading" aria-describedby="timeout-warning-text">
      <h2 className="govuk-heading-m" id="timeout-warning-heading">
        You’re about to be signed out
      </h2>
      <div id="timeout-warning-text">
        <p className="govuk-body">For your security, we will sign you out in 2 minutes if you do nothing.</p>
        <p className="govuk-body">Any bid sections you have already saved will be kept.</p>
      </div>
      {problem ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> We could not keep you signed in. Sign in again to carry on.
        </p>
      ) : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void staySignedIn()}>
          Stay signed in
        </button>
        <form method="post" action="/sign-out">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign out
          </button>
        </form>
      </div>
    </dialog>
  );
}
