// Seeds the demo data into DATABASE_URL when the database has no funds yet (safe to re-run).
import { createDb } from "../app/lib/db.server";
import { env } from "../app/lib/env.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./demo-data";

const db = createDb(env().DATABASE_URL);
try {
  if ((await db.fund.count()) > 0) {
    console.log("Demo data already present: left as it is.");
  } else {
    await seedDemo(db);
    console.log("Demo data created.");
  }
  console.log(`Demo sign-ins (password for each: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(20)} ${account.email}`);
} finally {
  await db.$disconnect();
}
