// The server matches every request against the portal's route tree with @remix-run/router, which
// the portal patches to keep each route tree's ranked branches and each compiled path between
// requests, and to pass over a branch whose whole path cannot match (ADR 0029). This test asks
// that copy of the router, as the server loads it, to match an address for every route of the
// built app, twice (the second answer comes from the caches), in the forms a browser may send, and
// checks each lands on its own route with its own values; then it checks the patched router
// answers every address as the router as published does (its UMD build, which is not patched).
import type { ServerBuild } from "@remix-run/node";
import type { AgnosticRouteObject, AgnosticRouteMatch } from "@remix-run/router";
import fc from "fast-check";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../support/app";
import { fullPath } from "../support/route-fixtures";

type Router = { matchRoutes: (routes: AgnosticRouteObject[], location: string) => AgnosticRouteMatch[] | null };
// The server's copy: Remix's server runtime and React Router load the CommonJS build.
const router = createRequire(import.meta.url)("@remix-run/router") as Router;
const published = createRequire(import.meta.url)("@remix-run/router/dist/router.umd.js") as Router;

type Tree = AgnosticRouteObject & { id: string };

function routeTree(routes: ServerBuild["routes"], parentId?: string): Tree[] {
  return Object.values(routes)
    .filter((route) => route!.parentId === parentId)
    .map((route) => {
      const children = routeTree(routes, route!.id);
      const node = { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive };
      return (route!.index ? { ...node, index: true } : { ...node, children }) as Tree;
    });
}

/** An address for a route, each dynamic segment given its own value, and the values expected. */
function addressFor(routes: ServerBuild["routes"], id: string) {
  const params: Record<string, string> = {};
  const path = fullPath(routes, id).replace(/:(\w+)/g, (_, name: string) => (params[name] = `value-of-${name}`));
  return { path, params };
}

function leafOf(matches: AgnosticRouteMatch[] | null) {
  const leaf = matches?.at(-1);
  return leaf ? { id: leaf.route.id, params: leaf.params } : null;
}

describe("route matching with the kept branches and compiled paths", () => {
  let routes: ServerBuild["routes"];
  let tree: Tree[];
  let pages: string[];

  beforeAll(async () => {
    routes = (await build()).routes;
    tree = routeTree(routes);
    // Routes a request can end on: index routes and routes without children of their own.
    pages = Object.keys(routes).filter((id) => routes[id]!.index || !Object.values(routes).some((r) => r!.parentId === id));
  });

  it("finds every page's own route and values, first time and again", () => {
    expect(pages.length).toBeGreaterThan(90);
    for (const id of pages) {
      const { path, params } = addressFor(routes, id);
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const found = leafOf(router.matchRoutes(tree, path));
        expect(found?.id, path).toBe(id);
        expect(found?.params, path).toMatchObject(params);
      }
    }
  });

  it("ignores a trailing slash and letter case, and keeps each value as sent", () => {
    const id = "routes/administrator.rounds.$roundId.bids.$bidId._index";
    expect(routes[id], "a nested page with two values").toBeDefined();
    for (const address of ["/administrator/rounds/R1/bids/B2/", "/Administrator/Rounds/R1/Bids/B2"]) {
      const found = leafOf(router.matchRoutes(tree, address));
      expect(found, address).toEqual({ id, params: { roundId: "R1", bidId: "B2" } });
    }
    // The same route, asked again with other values, answers with those values.
    expect(leafOf(router.matchRoutes(tree, "/administrator/rounds/R9/bids/B8"))?.params).toEqual({ roundId: "R9", bidId: "B8" });
  });

  it("matches nothing for an address no route declares", () => {
    // Remix answers these with the root's not-found page.
    for (const address of ["/no-such-page", "/administrator/rounds/R1/no-such-page/deeper", "/applicant/bids"]) {
      for (let attempt = 0; attempt < 2; attempt += 1) expect(router.matchRoutes(tree, address), address).toBeNull();
    }
  });

  it("matches a tree made afresh for a request as it matches the kept one", () => {
    // The page renderer builds its own copy of the tree on every request: it is matched in full.
    for (const id of pages.slice(0, 20)) {
      const { path } = addressFor(routes, id);
      expect(leafOf(router.matchRoutes(routeTree(routes), path)), path).toEqual(leafOf(router.matchRoutes(tree, path)));
    }
  });

  it("answers every address as the published router does", () => {
    // Addresses made of the routes' own segments, values, letter case, extra and trailing slashes.
    const segments = [...new Set(Object.values(routes).flatMap((route) => (route!.path ?? "").split("/")))].filter(Boolean);
    const segment = fc.oneof(
      fc.constantFrom(...segments.map((s) => (s.startsWith(":") ? "v1" : s))),
      fc.constantFrom("", "x", "new", "_index", "%20", "a%2Fb", "é"),
      fc.constantFrom(...segments).map((s) => s.toUpperCase()),
    );
    const address = fc.tuple(fc.array(segment, { maxLength: 8 }), fc.constantFrom("", "/", "//")).map(([parts, end]) => `/${parts.join("/")}${end}`);
    const answer = (matches: AgnosticRouteMatch[] | null) =>
      matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, base: m.pathnameBase })) ?? null;
    const examples = [...pages.map((id) => addressFor(routes, id).path), "/", "//", "/applicant//bids", "/administrator/rounds/r1//screening"];
    fc.assert(
      fc.property(address, (path) => {
        expect(answer(router.matchRoutes(tree, path)), path).toEqual(answer(published.matchRoutes(tree, path)));
      }),
      { numRuns: 3000, examples: examples.map((path) => [path]) },
    );
  });
});
