import { existsSync } from "node:fs";
import { serverBuildPath } from "../support/build-path";
import { createTemplate, removeTemplate } from "./test-database";

export default async function globalSetup() {
  if (!existsSync(serverBuildPath())) {
    throw new Error(`Integration tests drive the built app: run \`npm run build\` first (scripts/test.sh does). Looked for ${serverBuildPath()}`);
  }
  await createTemplate();
  return removeTemplate;
}
