import { Link } from "@remix-run/react";

/** The page numbers to show: the first, the last, and the current with its neighbours; null for a gap (GOV.UK pagination). */
export function pageItems(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) items.push(null);
    items.push(n);
  });
  return items;
}

/** GOV.UK pagination with plain links (works without JavaScript); nothing when there is one page. */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === page ? " govuk-pagination__item--current" : ""}`}>
              <Link
                className="govuk-link govuk-pagination__link"
                to={href(n)}
                aria-label={`Page ${n}`}
                {...(n === page ? { "aria-current": "page" as const } : {})}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
