import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Button, Checkboxes } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { DECLARATIONS, declarationsSchema } from "~/domain/bids/bid-sections.schema";
import { saveSection } from "~/domain/bids/bids.server";
import { formValues } from "~/lib/form-values";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";

export const meta = sectionMeta("Declarations");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return { bid: { id: bid.id, title: bid.title, status: bid.status }, accepted: bid.declarationsAcceptedAt !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status !== "draft") return frozenResponse();
  const values = formValues(await request.formData(), ["declarations"]);
  const parsed = declarationsSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values, frozen: false }, { status: 400 });
  const result = await saveSection({
    bidId: bid.id,
    viewer: user,
    section: "declarations",
    status: "completed",
    fields: { declarationsAcceptedAt: new Date() },
  });
  return afterSave(result, bid.id);
}

export default function Declarations() {
  const { bid, accepted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as FieldErrors;
  const posted = actionData?.values?.declarations;
  return (
    <SectionLayout bid={bid} title="Declarations" errors={errors}>
      <Form method="post" noValidate>
        <Checkboxes
          name="declarations"
          legend="Confirm each of these on behalf of your organisation"
          hint="Select every declaration"
          error={errors.declarations}
          defaultValue={Array.isArray(posted) ? (posted as string[]) : accepted ? DECLARATIONS.map((d) => d.value) : []}
          choices={DECLARATIONS.map((d) => ({ value: d.value, label: d.label }))}
        />
        <Button name="intent" value="save-and-continue">
          Save and continue
        </Button>
      </Form>
    </SectionLayout>
  );
}
