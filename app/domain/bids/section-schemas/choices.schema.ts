// The "Priorities addressed" and "Areas served" sections' schemas: each a list of ids chosen from
// the round's own, read by the browser and parsed on the server.
import * as z from "zod/mini";
import { sectionSchema, type SaveMode } from "./common";

function choiceSchema(field: string, allowed: readonly string[], mode: SaveMode, missing: string, unknown: string) {
  return sectionSchema({ [field]: z._default(z.array(z.string()), []) }, (raw, problems) => {
    const chosen = [...new Set((raw[field] as string[]).filter(Boolean))];
    if (chosen.some((id) => !allowed.includes(id))) problems.push({ path: [field], message: unknown });
    else if (mode === "complete" && chosen.length === 0) problems.push({ path: [field], message: missing });
    return chosen;
  });
}

export function prioritiesSchema(priorityIds: readonly string[], mode: SaveMode) {
  return choiceSchema("priorityIds", priorityIds, mode, "Select at least one priority your project addresses", "Select priorities from the list");
}

export function areasSchema(areaIds: readonly string[], mode: SaveMode) {
  return choiceSchema("areaIds", areaIds, mode, "Select at least one area your project works in", "Select areas from the list");
}
