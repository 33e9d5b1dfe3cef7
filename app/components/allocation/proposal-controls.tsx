import { fieldId } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Radios, TextInput } from "~/components/govuk/fields";
import { priorityMinimumField, ringFenceField } from "~/domain/allocation/workspace";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import type { AllocationRound } from "./types";

/** Saving the proposal and loading a suggestion: the buttons of the proposal form, while it can be changed. */
export function ProposalControls({
  round,
  errors,
  ringFences,
  priorityMinimums,
}: {
  round: Pick<AllocationRound, "minAwardPence" | "maxAwardPence" | "areas" | "priorities">;
  errors: FieldErrors;
  /** The optimal suggestion's rules as last sent. */
  ringFences?: Record<string, string>;
  priorityMinimums?: Record<string, string>;
}) {
  return (
    <>
      <p className="govuk-hint">
        Leave an award blank to give nothing. An award must be between {formatPounds(round.minAwardPence)} and the amount requested (at most{" "}
        {formatPounds(round.maxAwardPence)}).
      </p>
      <span id={fieldId("proposal")} />
      <Button name="intent" value="save">
        Save proposal
      </Button>
      <h2 className="govuk-heading-m">Suggestions</h2>
      <p className="govuk-body">A suggestion fills in the awards above. Nothing is saved until you select “Save proposal”.</p>
      <Radios
        name="mode"
        legend="When a bid no longer fits the pot"
        defaultValue="skip"
        choices={[
          { value: "skip", label: "Skip it and try the next bid down" },
          { value: "part_fund", label: "Part-fund it with what is left" },
        ]}
      />
      <Button name="intent" value="rank-order" secondary>
        Load rank order suggestion
      </Button>
      <h3 className="govuk-heading-s">Optimal suggestion rules</h3>
      {round.areas.map((area) => (
        <TextInput
          key={area.id}
          name={ringFenceField(area.id)}
          label={`Ring-fence for ${area.name} (optional)`}
          hint={`The least the awards to bids serving ${area.name} must add up to, in pounds.`}
          prefix="£"
          widthClass="govuk-input--width-10"
          inputMode="decimal"
          spellCheck={false}
          error={errors[ringFenceField(area.id)]}
          defaultValue={ringFences?.[area.id] ?? ""}
        />
      ))}
      {round.priorities.map((priority) => (
        <TextInput
          key={priority.id}
          name={priorityMinimumField(priority.id)}
          label={`Least for ${priority.title} (optional)`}
          hint={`The least the awards to bids addressing this priority must add up to, in pounds.`}
          prefix="£"
          widthClass="govuk-input--width-10"
          inputMode="decimal"
          spellCheck={false}
          error={errors[priorityMinimumField(priority.id)]}
          defaultValue={priorityMinimums?.[priority.id] ?? ""}
        />
      ))}
      <Checkboxes name="onePerOrganisation" legend="Organisations" choices={[{ value: "yes", label: "At most one award per organisation" }]} />
      <Button name="intent" value="optimal" secondary>
        Load optimal suggestion
      </Button>
    </>
  );
}
