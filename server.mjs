// The portal's Node server: Express in front of Remix so that security headers, the CSRF origin
// check and static files are handled in one place for every response (ADR 0001).
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isSameOriginRequest, securityHeaders } from "./server/security.mjs";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
const buildDir = resolve(process.env.REMIX_BUILD_DIR || "build");

const vite = production
  ? null
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  // Defaults are applied just before the headers go out, so a response that sets its own (the
  // sandboxed email preview sets a stricter Content-Security-Policy) is not given a second one.
  const defaults = securityHeaders({ nonce, production });
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithSecurityHeaders(...args) {
    for (const [name, value] of Object.entries(defaults)) {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  };
  const ownOrigin = `${req.protocol}://${req.get("host")}`;
  const allowed = isSameOriginRequest({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    allowedOrigins: [new URL(appUrl).origin, ownOrigin],
  });
  if (!allowed) {
    res.status(403).type("text/plain").send("This request came from another site and has been refused.");
    return;
  }
  next();
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static(join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(buildDir, "client"), { maxAge: "1h" }));
}

app.get("/favicon.ico", (_req, res) => res.status(204).end());

const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build")
  : await import(pathToFileURL(join(buildDir, "server/index.js")).href);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(port, () => {
  console.log(`Community Safety Fund portal on ${appUrl}`);
});

// entry.server exports the background work (the outbox sender, deadline reminders) so it shares
// the app's modules. Under the dev server it runs from the first load of the app; later edits to
// it take effect on restart.
const serverBuild = vite ? await build() : build;
const startBackgroundWork = serverBuild.entry?.module?.startBackgroundWork;
const stopBackgroundWork = typeof startBackgroundWork === "function" ? await startBackgroundWork() : undefined;
const shutdown = () => {
  server.close(async () => {
    await stopBackgroundWork?.();
    await vite?.close();
    process.exit(0);
  });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
