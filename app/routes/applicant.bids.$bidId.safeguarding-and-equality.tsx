import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, skipBrowserChecksForDraft } from "~/components/bids/section-layout";
import { Textarea } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { sectionAction } from "~/web/bid-section.server";
import { safeguardingSchema } from "~/domain/bids/section-schemas/safeguarding.schema";
import { textValue, type FormObject } from "~/lib/form-values";
import { formRulesFor } from "~/domain/bids/proportionate";
import { sectionValues } from "~/domain/bids/sections";
import { type FieldErrors } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";

export const meta = sectionMeta("Safeguarding and equality");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId, "safeguarding-and-equality");
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    values: sectionValues(bid)["safeguarding-and-equality"] as FormObject,
    rules: formRulesFor(bid.amountRequestedPence, bid.round),
  };
}

export const action = sectionAction("safeguarding-and-equality", {
  schema: ({ rules, mode }) => safeguardingSchema(rules, mode),
  save: (answers) => ({ fields: answers }),
});

export default function SafeguardingAndEquality() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = (actionData?.values ?? loaderData.values) as FormObject;
  const { rules } = loaderData;
  const schema = useMemo(() => safeguardingSchema(rules, "complete"), [rules]);
  const form = useGovukForm(schema, { serverErrors: actionData?.errors as FieldErrors | undefined });
  const { register, errors } = form;
  const onSubmit = skipBrowserChecksForDraft(form.onSubmit);
  return (
    <SectionLayout bid={loaderData.bid} title="Safeguarding and equality" errors={errors}>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <DefaultSubmit />
        <Textarea
          label="How will you keep children and adults at risk safe?"
          hint="For example, your safeguarding lead, DBS checks, training, and what you do if someone raises a concern"
          maxWords={rules.safeguardingMaxWords}
          rows={8}
          error={errors.safeguardingAnswer}
          defaultValue={textValue(values, "safeguardingAnswer")}
          {...register("safeguardingAnswer")}
        />
        <Textarea
          label={
            rules.equalityRequired
              ? "How will your project reach and include everyone who could benefit?"
              : "How will your project reach and include everyone who could benefit? (optional)"
          }
          hint={
            rules.equalityRequired
              ? "For example, how you will reach groups who are often missed, and make the project accessible"
              : "You are asking for a small amount, so you do not have to answer this question"
          }
          maxWords={rules.equalityMaxWords}
          rows={8}
          error={errors.equalityAnswer}
          defaultValue={textValue(values, "equalityAnswer")}
          {...register("equalityAnswer")}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
