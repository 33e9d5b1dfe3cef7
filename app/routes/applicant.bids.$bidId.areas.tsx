import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceSection } from "~/components/bids/choice-section";
import { sectionMeta } from "~/components/bids/section-layout";
import { requireApplicantBid } from "~/web/bid-page.server";
import { layoutBid, sectionAction } from "~/web/bid-section.server";
import { areasSchema } from "~/domain/bids/section-schemas/choices.schema";
import { replaceAreas } from "~/domain/bids/bids.server";

export const meta = sectionMeta("Areas served");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return {
    bid: layoutBid(bid),
    areas: bid.round.areas,
    selected: bid.areas.map((a) => a.roundAreaId),
  };
}

export const action = sectionAction("areas", {
  lists: ["areaIds"],
  schema: ({ bid, mode }) =>
    areasSchema(
      bid.round.areas.map((a) => a.id),
      mode,
    ),
  save: (answers) => ({ rows: replaceAreas(answers) }),
});

export default function AreasServed() {
  const { bid, areas, selected } = useLoaderData<typeof loader>();
  return (
    <ChoiceSection
      bid={bid}
      title="Areas served"
      name="areaIds"
      legend="Which areas will your project work in?"
      choices={areas.map((a) => ({ value: a.id, label: a.name }))}
      saved={selected}
      actionData={useActionData<typeof action>()}
    />
  );
}
