// Security rules applied to every response and every state-changing request. Plain JavaScript so
// that the Node server (server.mjs) and the Remix app share one definition.

/**
 * @param {{ nonce: string, production: boolean }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, production }) {
  const scriptSrc = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Vite's dev server injects styles; the built portal uses stylesheet files only.
    `style-src 'self'${production ? "" : " 'unsafe-inline'"}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: safe methods always; others only when the browser says
 * the request came from this site (Origin equal to ours, or no cross-site fetch metadata).
 * @param {{ method: string, origin: string | null | undefined, secFetchSite: string | null | undefined, allowedOrigins: string[] }} request
 */
export function isSameOriginRequest({ method, origin, secFetchSite, allowedOrigins }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin) return allowedOrigins.includes(origin);
  if (secFetchSite) return secFetchSite === "same-origin" || secFetchSite === "none";
  // No Origin and no fetch metadata: not a browser, so not a cross-site forgery.
  return true;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?csf_session=[^;]/;

/**
 * Whether a request carries a session cookie. Responses to it are marked `Cache-Control: no-store`
 * so no browser or proxy keeps a signed-in page (ADR 0018); checking the cookie rather than the
 * session also covers a session that has just ended, which costs nothing.
 * @param {string | undefined} cookieHeader
 */
export function carriesSessionCookie(cookieHeader) {
  return typeof cookieHeader === "string" && SESSION_COOKIE.test(cookieHeader);
}
