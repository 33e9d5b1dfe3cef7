import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceSection } from "~/components/bids/choice-section";
import { sectionMeta } from "~/components/bids/section-layout";
import { requireApplicantBid } from "~/web/bid-page.server";
import { layoutBid, sectionAction } from "~/web/bid-section.server";
import { prioritiesSchema } from "~/domain/bids/section-schemas/choices.schema";
import { replacePriorities } from "~/domain/bids/bids.server";

export const meta = sectionMeta("Priorities addressed");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return {
    bid: layoutBid(bid),
    priorities: bid.round.priorities,
    selected: bid.priorities.map((p) => p.priorityId),
  };
}

export const action = sectionAction("priorities", {
  lists: ["priorityIds"],
  schema: ({ bid, mode }) =>
    prioritiesSchema(
      bid.round.priorities.map((p) => p.id),
      mode,
    ),
  save: (answers) => ({ rows: replacePriorities(answers) }),
});

export default function PrioritiesAddressed() {
  const { bid, priorities, selected } = useLoaderData<typeof loader>();
  return (
    <ChoiceSection
      bid={bid}
      title="Priorities addressed"
      name="priorityIds"
      legend="Which of the Police and Crime Commissioner's priorities will your project address?"
      choices={priorities.map((p) => ({ value: p.id, label: p.title, hint: p.description || undefined }))}
      saved={selected}
      actionData={useActionData<typeof action>()}
    />
  );
}
