import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { budgetTotals } from "~/domain/bids/amount-rule";
import { SECTIONS, type SectionKey } from "~/domain/bids/section-list";
import { ApplicantDocumentFile } from "~/components/bids/applicant-document-file";
import { documentKindLabel, DOCUMENT_KINDS, formatFileSize } from "~/domain/documents/document-kinds";
import { formatDate, formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";

type DateLike = Date | string | null;

export type SummaryBid = {
  id: string;
  title: string;
  summary: string;
  amountRequestedPence: number | null;
  projectStartDate: DateLike;
  projectEndDate: DateLike;
  beneficiaries: string;
  beneficiaryCount: number | null;
  safeguardingAnswer: string;
  equalityAnswer: string;
  declarationsAcceptedAt: DateLike;
  areas: { roundAreaId: string }[];
  priorities: { priorityId: string }[];
  outcomes: { outcome: string; indicator: string; target: string }[];
  budgetLines: { item: string; costPence: number; otherFundingPence: number }[];
  documents: { id: string; kind: string; originalName: string; sizeBytes: number; scanStatus?: string }[];
  round: { areas: { id: string; name: string }[]; priorities: { id: string; title: string }[] };
};

const NOT_GIVEN = <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span>;

/** Text as typed, one paragraph per line; React escapes it, so any HTML shows as text. */
export function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\n+/).filter((line) => line.trim() !== "");
  if (lines.length === 0) return NOT_GIVEN;
  return (
    <>
      {lines.map((line, index) => (
        <p className="govuk-body" key={index}>
          {line}
        </p>
      ))}
    </>
  );
}

function Card({ bidId, section, changeable, children }: { bidId: string; section: SectionKey; changeable: boolean; children: ReactNode }) {
  const title = SECTIONS.find((s) => s.key === section)!.title;
  return (
    <div className="govuk-summary-card" id={`summary-${section}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        {changeable ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`/applicant/bids/${bidId}/${section}`}>
                Change<span className="govuk-visually-hidden"> {title.toLowerCase()}</span>
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList>{children}</SummaryList>
      </div>
    </div>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return NOT_GIVEN;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Every section of a bid as GOV.UK summary cards: check answers, and the read-only view. */
export function BidSummary({
  bid,
  changeable,
  asked,
}: {
  bid: SummaryBid;
  changeable: boolean;
  /** The sections and documents the bid's band is asked (ADR 0025); the others are not shown. */
  asked?: { sections: readonly string[]; documentKinds: readonly string[] };
}) {
  const totals = budgetTotals(bid.budgetLines);
  const priorityTitles = bid.round.priorities.filter((p) => bid.priorities.some((c) => c.priorityId === p.id)).map((p) => p.title);
  const areaNames = bid.round.areas.filter((a) => bid.areas.some((c) => c.roundAreaId === a.id)).map((a) => a.name);
  const card = (section: SectionKey, children: ReactNode) =>
    asked && !asked.sections.includes(section) ? null : (
      <Card bidId={bid.id} section={section} changeable={changeable}>
        {children}
      </Card>
    );
  return (
    <>
      {card(
        "about",
        <>
          <SummaryRow label="Project title">{bid.title || NOT_GIVEN}</SummaryRow>
          <SummaryRow label="Summary">
            <Paragraphs text={bid.summary} />
          </SummaryRow>
          <SummaryRow label="Amount requested">{bid.amountRequestedPence === null ? NOT_GIVEN : formatPounds(bid.amountRequestedPence)}</SummaryRow>
          <SummaryRow label="Project start date">{bid.projectStartDate ? formatDate(bid.projectStartDate) : NOT_GIVEN}</SummaryRow>
          <SummaryRow label="Project end date">{bid.projectEndDate ? formatDate(bid.projectEndDate) : NOT_GIVEN}</SummaryRow>
        </>,
      )}
      {card(
        "priorities",
        <SummaryRow label="Priorities">
          <List items={priorityTitles} />
        </SummaryRow>,
      )}
      {card(
        "areas",
        <SummaryRow label="Areas">
          <List items={areaNames} />
        </SummaryRow>,
      )}
      {card(
        "outcomes",
        bid.outcomes.length === 0 ? (
          <SummaryRow label="Outcomes">{NOT_GIVEN}</SummaryRow>
        ) : (
          bid.outcomes.map((o, index) => (
            <SummaryRow label={`Outcome ${index + 1}`} key={index}>
              <p className="govuk-body">{o.outcome}</p>
              <p className="govuk-body govuk-!-margin-bottom-0">
                Measured by: {o.indicator}
                <br />
                Target: {o.target}
              </p>
            </SummaryRow>
          ))
        ),
      )}
      {card(
        "budget",
        <>
          {bid.budgetLines.map((line, index) => (
            <SummaryRow label={line.item || `Line ${index + 1}`} key={index}>
              {formatPounds(line.costPence)}
              {line.otherFundingPence > 0 ? ` (${formatPounds(line.otherFundingPence)} from other funding)` : null}
            </SummaryRow>
          ))}
          <SummaryRow label="Total cost">{formatPounds(totals.costPence)}</SummaryRow>
          <SummaryRow label="Other funding">{formatPounds(totals.otherFundingPence)}</SummaryRow>
          <SummaryRow label="Asked of the fund">{formatPounds(totals.askPence)}</SummaryRow>
        </>,
      )}
      {card(
        "beneficiaries",
        <>
          <SummaryRow label="Who will benefit">
            <Paragraphs text={bid.beneficiaries} />
          </SummaryRow>
          <SummaryRow label="Number of people">{bid.beneficiaryCount === null ? NOT_GIVEN : bid.beneficiaryCount.toLocaleString("en-GB")}</SummaryRow>
        </>,
      )}
      {card(
        "safeguarding-and-equality",
        <>
          <SummaryRow label="Safeguarding">
            <Paragraphs text={bid.safeguardingAnswer} />
          </SummaryRow>
          <SummaryRow label="Equality and inclusion">
            <Paragraphs text={bid.equalityAnswer} />
          </SummaryRow>
        </>,
      )}
      {card(
        "documents",
        DOCUMENT_KINDS.filter(({ kind }) => !asked || asked.documentKinds.includes(kind)).map(({ kind }) => {
          const document = bid.documents.find((d) => d.kind === kind);
          return (
            <SummaryRow label={documentKindLabel(kind)} key={kind}>
              {document ? (
                <ApplicantDocumentFile
                  bidId={bid.id}
                  document={document}
                  hiddenSuffix={<span className="govuk-visually-hidden"> ({documentKindLabel(kind).toLowerCase()})</span>}
                />
              ) : (
                NOT_GIVEN
              )}
              {document ? ` (${formatFileSize(document.sizeBytes)})` : null}
            </SummaryRow>
          );
        }),
      )}
      {card(
        "declarations",
        <SummaryRow label="Declarations">{bid.declarationsAcceptedAt ? `Confirmed on ${formatDateTime(bid.declarationsAcceptedAt)}` : NOT_GIVEN}</SummaryRow>,
      )}
    </>
  );
}
