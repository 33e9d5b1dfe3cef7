/**
 * An email's HTML as its own page, isolated from the portal: the CSP `sandbox` directive gives it
 * an opaque origin with no scripts, forms or access to the portal's cookies, whatever the HTML
 * holds. The Node server adds its default CSP only to responses without one, so this is the
 * only policy and the email's inline styles show.
 */
export function emailHtmlResponse(html: string) {
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      "Cache-Control": "no-store",
    },
  });
}
