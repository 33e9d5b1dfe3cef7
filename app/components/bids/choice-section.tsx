import { Form } from "@remix-run/react";
import { Checkboxes } from "~/components/govuk/fields";
import type { FieldErrors } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { DefaultSubmit, SaveButtons, SectionLayout } from "./section-layout";

type Choice = { value: string; label: string; hint?: string };

/**
 * A bid section that is one "select all that apply" question (areas served, priorities
 * addressed): after a refused save it shows what was posted, otherwise what is saved.
 */
export function ChoiceSection({
  bid,
  title,
  name,
  legend,
  choices,
  saved,
  actionData,
}: {
  bid: { id: string; title: string; status: string };
  title: string;
  name: string;
  legend: string;
  choices: Choice[];
  saved: string[];
  actionData: { errors?: FieldErrors; values?: FormObject | null } | undefined;
}) {
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values?.[name];
  return (
    <SectionLayout bid={bid} title={title} errors={errors}>
      <Form method="post" noValidate>
        <DefaultSubmit />
        <Checkboxes
          name={name}
          legend={legend}
          hint="Select all that apply"
          error={errors[name]}
          defaultValue={Array.isArray(posted) ? (posted as string[]) : saved}
          choices={choices}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
