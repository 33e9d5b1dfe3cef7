// The workspace's filters and pages (ADR 0023): the administrator edits the awards of one
// filtered page at a time, while the pot's figures stay those of the whole round.
import { Pagination } from "~/components/govuk/pagination";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import type { AllocationFilters } from "~/domain/allocation/workspace";
import { listHref, type PageWindow } from "~/domain/lists/list-page";
import type { AllocationRound } from "./types";

const BAND_OPTIONS = [
  { value: "meets_threshold", text: "Meets the quality threshold" },
  { value: "below_threshold", text: "Below the quality threshold" },
  { value: "not_scored", text: "Not scored yet" },
];

const AWARD_OPTIONS = [
  { value: "with_award", text: "With an award" },
  { value: "without_award", text: "Without an award" },
  { value: "reserve", text: "On the reserve list" },
];

export function AllocationFiltersForm({ round, filters }: { round: AllocationRound; filters: AllocationFilters }) {
  return (
    <ListFilters legend="Find bids" clearHref={`/administrator/rounds/${round.id}/allocation`}>
      <SearchField label="Reference, title or organisation" value={filters.q} />
      <SelectField name="band" label="Score" anyLabel="Any score" value={filters.band} options={BAND_OPTIONS} />
      <SelectField name="award" label="Award" anyLabel="With or without an award" value={filters.award} options={AWARD_OPTIONS} />
      {round.areas.length > 0 ? (
        <SelectField name="area" label="Area" anyLabel="All areas" value={filters.area} options={round.areas.map((a) => ({ value: a.id, text: a.name }))} />
      ) : null}
      {round.priorities.length > 0 ? (
        <SelectField
          name="priority"
          label="PCC priority"
          anyLabel="All priorities"
          value={filters.priority}
          options={round.priorities.map((p) => ({ value: p.id, text: p.title }))}
        />
      ) : null}
    </ListFilters>
  );
}

export function AllocationPagination({ window, filters }: { window: PageWindow; filters: AllocationFilters }) {
  return <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of ranked bids" />;
}
