import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Button, Checkboxes } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { layoutBid, sectionAction } from "~/web/bid-section.server";
import { DECLARATIONS, declarationsSchema } from "~/domain/bids/section-schemas/declarations.schema";
import { type FieldErrors } from "~/lib/form-errors";

export const meta = sectionMeta("Declarations");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return { bid: layoutBid(bid), accepted: bid.declarationsAcceptedAt !== null };
}

export const action = sectionAction("declarations", {
  lists: ["declarations"],
  draftSave: false,
  schema: () => declarationsSchema,
  save: () => ({ fields: { declarationsAcceptedAt: new Date() } }),
});

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
