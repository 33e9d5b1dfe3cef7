// Two-stage rounds (ADR 0026) on the administrator's pages: the choice when a round is created,
// and the links to a round's stages and expressions of interest.
import { Link } from "@remix-run/react";
import { Radios } from "~/components/govuk/fields";

export function StageChoice({ defaultValue }: { defaultValue?: string }) {
  return (
    <Radios
      name="twoStage"
      legend="How do organisations apply?"
      defaultValue={defaultValue || "no"}
      choices={[
        { value: "no", label: "One stage: a full bid straight away" },
        {
          value: "yes",
          label: "Two stages: a short expression of interest first, then a full bid when invited",
          hint: "You set the stage dates and the invitation cap next.",
        },
      ]}
    />
  );
}

export function RoundStageLinks({ round }: { round: { id: string; name: string; twoStage: boolean } }) {
  return (
    <>
      <Link className="govuk-link" to={`/administrator/rounds/${round.id}/stages`}>
        How organisations apply<span className="govuk-visually-hidden"> to {round.name}</span>
      </Link>
      <br />
      {round.twoStage ? (
        <>
          <Link className="govuk-link" to={`/administrator/rounds/${round.id}/expressions-of-interest`}>
            Expressions of interest<span className="govuk-visually-hidden"> for {round.name}</span>
          </Link>
          <br />
        </>
      ) : null}
    </>
  );
}
