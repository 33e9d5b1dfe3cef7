// Where a redirect may go (ADR 0016): a path on this site and nothing else. The target is
// resolved against APP_URL, as a browser would resolve the Location header, and kept only when
// it was written as a path (one leading slash) and stays on APP_URL's origin. Browsers drop tabs
// and newlines from URLs and read a backslash as a slash, so "/\t/evil.example" or "/\\evil"
// would leave the site: any control character or backslash refuses the target outright.
import { env } from "./env.server";

/** Longer than any link the portal makes; a longer target is not one of ours. */
const MAX_TARGET_LENGTH = 2_000;

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export type SafeRedirectOptions = {
  /** Keep only targets under this path prefix, e.g. "/applicant/". */
  within?: string;
  /** The site's base URL; APP_URL unless given (tests). */
  appUrl?: string;
};

/** `to` when it is a same-site path (under `within` if given), otherwise `fallback`. */
export function safeRedirectPath(to: unknown, fallback = "/", { within, appUrl = env().APP_URL }: SafeRedirectOptions = {}): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_TARGET_LENGTH) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_CHARACTERS.test(to)) return fallback;
  let resolved: URL;
  const base = new URL(appUrl);
  try {
    resolved = new URL(to, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  if (within && !resolved.pathname.startsWith(within)) return fallback;
  return to;
}
