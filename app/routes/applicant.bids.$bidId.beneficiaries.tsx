import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, skipBrowserChecksForDraft } from "~/components/bids/section-layout";
import { Textarea, TextInput } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { sectionAction } from "~/web/bid-section.server";
import { beneficiariesSchema } from "~/domain/bids/section-schemas/beneficiaries.schema";
import { textValue, type FormObject } from "~/lib/form-values";
import { formRulesFor } from "~/domain/bids/proportionate";
import { sectionValues } from "~/domain/bids/sections";
import { type FieldErrors } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";

export const meta = sectionMeta("Beneficiaries");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId, "beneficiaries");
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    values: sectionValues(bid).beneficiaries as FormObject,
    rules: formRulesFor(bid.amountRequestedPence, bid.round),
  };
}

export const action = sectionAction("beneficiaries", {
  schema: ({ rules, mode }) => beneficiariesSchema(rules, mode),
  save: (answers) => ({ fields: answers }),
});

export default function Beneficiaries() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData?.values ?? loaderData.values) as FormObject;
  const { rules } = loaderData;
  const schema = useMemo(() => beneficiariesSchema(rules, "complete"), [rules]);
  const form = useGovukForm(schema, { serverErrors: actionData?.errors as FieldErrors | undefined });
  const { register, errors } = form;
  const onSubmit = skipBrowserChecksForDraft(form.onSubmit);
  return (
    <SectionLayout bid={loaderData.bid} title="Beneficiaries" errors={errors}>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <DefaultSubmit />
        <Textarea
          label="Who will benefit from your project?"
          hint="For example, their ages, where they live, and why they need this project"
          maxWords={rules.beneficiariesMaxWords}
          error={errors.beneficiaries}
          defaultValue={textValue(values, "beneficiaries")}
          {...register("beneficiaries")}
        />
        <TextInput
          label="How many people will benefit?"
          hint="An estimate is fine, like 120"
          widthClass="govuk-input--width-5"
          inputMode="numeric"
          spellCheck={false}
          error={errors.beneficiaryCount}
          defaultValue={textValue(values, "beneficiaryCount")}
          {...register("beneficiaryCount")}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
