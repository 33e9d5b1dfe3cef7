import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Checkboxes } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { areasSchema } from "~/domain/bids/bid-sections.schema";
import { replaceAreas, saveSection } from "~/domain/bids/bids.server";
import { formValues } from "~/lib/form-values";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";

export const meta = sectionMeta("Areas served");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    areas: bid.round.areas,
    selected: bid.areas.map((a) => a.roundAreaId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status !== "draft") return frozenResponse();
  const values = formValues(await request.formData(), ["areaIds"]);
  const mode = values.intent === "save-draft" ? "draft" : "complete";
  const parsed = areasSchema(
    bid.round.areas.map((a) => a.id),
    mode,
  ).safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values, frozen: false }, { status: 400 });
  const result = await saveSection({
    bidId: bid.id,
    viewer: user,
    section: "areas",
    status: mode === "complete" ? "completed" : "in_progress",
    rows: replaceAreas(parsed.data),
  });
  return afterSave(result, bid.id);
}

export default function AreasServed() {
  const { bid, areas, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as FieldErrors;
  const posted = actionData?.values?.areaIds;
  return (
    <SectionLayout bid={bid} title="Areas served" errors={errors}>
      <Form method="post" noValidate>
        <DefaultSubmit />
        <Checkboxes
          name="areaIds"
          legend="Which areas will your project work in?"
          hint="Select all that apply"
          error={errors.areaIds}
          defaultValue={Array.isArray(posted) ? (posted as string[]) : selected}
          choices={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
