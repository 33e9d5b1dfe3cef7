// TEMPORARY: the guards live at the HTTP edge (app/web/guards.server.ts, ADR 0012). This
// re-export keeps the allocation page, which imports them from here, working until it imports
// from ~/web/guards.server; then delete this file and its entry in eslint.config.js.
export { requirePermission, requireRole, requireUser, safeRedirectPath } from "~/web/guards.server";
