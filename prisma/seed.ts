// Seeds the demo data into DATABASE_URL when the database has no funds yet (safe to re-run): the
// demo accounts, an open round, and rounds in assessment, awaiting OPCC sign-off and released
// (with awards to accept, monitoring reports and returned money), and a two-stage round taking
// expressions of interest. Refused in production unless
// DEMO_DATA=yes (prisma/seed-guard.ts), checked before anything else is loaded.
import { demoSeedRefusal } from "./seed-guard";

const refusal = demoSeedRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

// The application's own client: the later phases are made by the domain functions, which use it.
const { db } = await import("../app/lib/db.server");
const { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } = await import("./demo-data");
const { seedDemoPhases } = await import("./demo-phases");
const { seedDemoStages } = await import("./demo-stages");

try {
  if ((await db.fund.count()) > 0) {
    console.log("Demo data already present: left as it is.");
  } else {
    const now = new Date();
    await seedDemo(db, { now });
    await seedDemoPhases(db, { now });
    await seedDemoStages(db, { now });
    console.log("Demo data created.");
  }
  console.log(`Demo sign-ins (password for each: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(20)} ${account.email}`);
  console.log("The fund administrator, OPCC and admin accounts also ask for an authenticator code; print one with:");
  console.log("  npm run demo:code -- administrator@demo.csf.test");
  console.log("or add their published secrets (README, Demo sign-ins) to an authenticator app.");
} finally {
  await db.$disconnect();
}
