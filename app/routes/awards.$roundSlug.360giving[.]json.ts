import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadPublicPackage } from "~/domain/publishing/public-awards.server";

// The round's 360Giving data package (ADR 0015). A package that fails validation is never served:
// the answer says the data is unavailable and staff see the reasons on the round's publishing page.
export async function loader({ params }: LoaderFunctionArgs) {
  const result = await loadPublicPackage(params.roundSlug ?? "");
  if (!result) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!result.check.valid) {
    return new Response("The 360Giving data for this round is not available at the moment. Please try again later.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "3600", "Cache-Control": "no-store" },
    });
  }
  return new Response(`${JSON.stringify(result.pkg, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="360giving-${result.round.slug}.json"`,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
