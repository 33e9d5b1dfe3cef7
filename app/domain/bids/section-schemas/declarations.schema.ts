// The "Declarations" section's one schema, read by the browser and parsed on the server.
import * as z from "zod/mini";
import { sectionSchema } from "./common";

export const DECLARATIONS = [
  { value: "true-and-complete", label: "The information in this bid is true and complete, to the best of our knowledge" },
  { value: "authorised", label: "I am authorised to submit this bid on behalf of the organisation" },
  { value: "report-changes", label: "We will tell the fund straight away about any change that affects this bid" },
  { value: "monitoring", label: "If funded, we will report on our outcomes and how the money was spent" },
] as const;

export const declarationsSchema = sectionSchema({ declarations: z._default(z.array(z.string()), []) }, (raw, problems) => {
  const ticked = new Set(raw.declarations);
  if (DECLARATIONS.some((d) => !ticked.has(d.value))) problems.push({ path: ["declarations"], message: "Select every declaration to confirm it" });
  return true as const;
});
