import type { SerializeFrom } from "@remix-run/node";
import type { MetaDescriptor, MetaFunction } from "@remix-run/react";
import { useLocation } from "@remix-run/react";
import { createContext, useContext, useEffect, useState } from "react";
// Remix has no public hook for another route's action data; the router's state context is the
// one place the root layout can read the page's action data, on the server and in the browser.
import { UNSAFE_DataRouterStateContext as RouterStateContext } from "react-router-dom";
import { hasErrors, type FieldErrors } from "~/lib/form-errors";

export const SERVICE_NAME = "Community Safety Fund";

/** "Error: " first when the page shows errors (GOV.UK validation pattern), the service name last. */
export function documentTitle(title: string, errorsShown = false) {
  return `${errorsShown ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
}

type Location = ReturnType<typeof useLocation>;
type PageState = { actionData: Record<string, unknown> | null; summaryShown: boolean };

/**
 * What a route's meta function cannot see by itself, recorded by the root layout for the location
 * being rendered: Remix passes meta functions the loader data and the location, but not the
 * action data (a form post that failed without JavaScript) nor the browser's own checks (the
 * same messages shown before the round trip). Keyed by the location object, so one page's
 * render never reads another's (ADR 0001).
 */
const pageStates = new WeakMap<Location, PageState>();

const SummaryShownContext = createContext<(shown: boolean) => void>(() => {});

/** Where error summaries report whether they show problems; the root layout provides it. */
export const ErrorSummaryReports = SummaryShownContext.Provider;

/**
 * In the root layout, before <Meta />: records the page state that titles depend on, and returns
 * the function error summaries report to (give it to <ErrorSummaryReports>).
 */
export function usePageTitleState() {
  const location = useLocation();
  const actionData = useContext(RouterStateContext)?.actionData ?? null;
  const [summaryShown, setSummaryShown] = useState(false);
  pageStates.set(location, { actionData, summaryShown });
  return setSummaryShown;
}

/** Called by the error summary while it lists problems, so the title says "Error: " at once. */
export function useReportErrorSummary(shown: boolean) {
  const report = useContext(SummaryShownContext);
  useEffect(() => {
    report(shown);
    return () => report(false);
  }, [report, shown]);
}

type Described = string | { title: string; errors?: FieldErrors };

/**
 * A route's meta function for its title: a fixed title, or `describe`, given the route's loader
 * data and action data. The title starts "Error: " when `describe` returns errors, when the action
 * data carries field errors (`errors`, the map the error summary lists), or when the error summary
 * shows the browser's own checks. (Meta functions run only for routes that rendered, so a route
 * with a loader always has its data here.)
 */
export function titleMeta<Loader = unknown, Action = unknown>(
  describe: string | ((args: { data: SerializeFrom<Loader>; actionData: SerializeFrom<Action> | undefined }) => Described),
): MetaFunction<Loader> {
  return ({ data, location, matches }) => {
    const routeId = matches[matches.length - 1]?.id ?? "";
    const state = pageStates.get(location);
    const actionData = state?.actionData?.[routeId] as SerializeFrom<Action> | undefined;
    const described = typeof describe === "string" ? describe : describe({ data: data as SerializeFrom<Loader>, actionData });
    const { title, errors } = typeof described === "string" ? { title: described, errors: undefined } : described;
    const actionErrors = (actionData as { errors?: FieldErrors } | null | undefined)?.errors;
    const errorsShown = hasErrors(errors) || hasErrors(actionErrors) || Boolean(state?.summaryShown);
    return [{ title: documentTitle(title, errorsShown) }] satisfies MetaDescriptor[];
  };
}
