import { hasErrors, type FieldErrors } from "~/lib/form-errors";

/**
 * The page's <title>, rendered by the page itself so that it can say "Error: " after a failed
 * form post without JavaScript (route meta functions cannot see action data). The document has
 * no other <title>, so browsers and assistive technology use this one.
 */
export function DocumentTitle({ title, errors }: { title: string; errors?: FieldErrors }) {
  return <title>{`${hasErrors(errors) ? "Error: " : ""}${title} – Community Safety Fund`}</title>;
}
