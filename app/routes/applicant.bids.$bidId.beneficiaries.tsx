import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, skipBrowserChecksForDraft } from "~/components/bids/section-layout";
import { Textarea, TextInput } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { beneficiariesSchema } from "~/domain/bids/bid-sections.schema";
import { saveSection } from "~/domain/bids/bids.server";
import { formValues, textValue, type FormObject } from "~/lib/form-values";
import { formRulesFor } from "~/domain/bids/proportionate";
import { sectionValues } from "~/domain/bids/sections";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";

export const meta = sectionMeta("Beneficiaries");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    values: sectionValues(bid).beneficiaries as FormObject,
    rules: formRulesFor(bid.amountRequestedPence, bid.round.smallBidThresholdPence),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status !== "draft") return frozenResponse();
  const values = formValues(await request.formData());
  const mode = values.intent === "save-draft" ? "draft" : "complete";
  const rules = formRulesFor(bid.amountRequestedPence, bid.round.smallBidThresholdPence);
  const parsed = beneficiariesSchema(rules, mode).safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values, frozen: false }, { status: 400 });
  const result = await saveSection({
    bidId: bid.id,
    viewer: user,
    section: "beneficiaries",
    status: mode === "complete" ? "completed" : "in_progress",
    fields: parsed.data,
  });
  return afterSave(result, bid.id);
}

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
