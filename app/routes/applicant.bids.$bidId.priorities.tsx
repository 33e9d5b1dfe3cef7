import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Checkboxes } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { prioritiesSchema } from "~/domain/bids/bid-sections.schema";
import { replacePriorities, saveSection } from "~/domain/bids/bids.server";
import { formValues } from "~/lib/form-values";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";

export const meta = sectionMeta("Priorities addressed");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    priorities: bid.round.priorities,
    selected: bid.priorities.map((p) => p.priorityId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status !== "draft") return frozenResponse();
  const values = formValues(await request.formData(), ["priorityIds"]);
  const mode = values.intent === "save-draft" ? "draft" : "complete";
  const parsed = prioritiesSchema(
    bid.round.priorities.map((p) => p.id),
    mode,
  ).safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values, frozen: false }, { status: 400 });
  const result = await saveSection({
    bidId: bid.id,
    viewer: user,
    section: "priorities",
    status: mode === "complete" ? "completed" : "in_progress",
    rows: replacePriorities(parsed.data),
  });
  return afterSave(result, bid.id);
}

export default function PrioritiesAddressed() {
  const { bid, priorities, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as FieldErrors;
  const posted = actionData?.values?.priorityIds;
  return (
    <SectionLayout bid={bid} title="Priorities addressed" errors={errors}>
      <Form method="post" noValidate>
        <DefaultSubmit />
        <Checkboxes
          name="priorityIds"
          legend="Which of the Police and Crime Commissioner's priorities will your project address?"
          hint="Select all that apply"
          error={errors.priorityIds}
          defaultValue={Array.isArray(posted) ? (posted as string[]) : selected}
          choices={priorities.map((p) => ({ value: p.id, label: p.title, hint: p.description || undefined }))}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
