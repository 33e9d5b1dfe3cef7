// Express and Remix's request handler, nothing else: the bare app's server.
//   PORT=3192 node bench/bare-remix/server.mjs (after bench/http.ts has built it)
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const build = await import(new URL("../../tmp/bench/bare-remix/server/index.js", import.meta.url).href);
const app = express();
app.disable("x-powered-by");
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT || 3192), "127.0.0.1");
