// What the server logs as an error (app/entry.server.tsx handleError): an address that matches no
// route is an ordinary 404 for the visitor, so it must not fill the error log.
import { afterEach, describe, expect, it, vi } from "vitest";
import { send } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

afterEach(() => {
  vi.restoreAllMocks();
});

describe("server error log", () => {
  it("does not log a page that matches no route", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of ["/no-such-page", "/administrator/no-such-page", "/wp-login.php"]) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      await response.text();
    }
    expect(logged).not.toHaveBeenCalled();
    // The first request loads the server build, which is slow on a busy machine.
  }, 120_000);

  it("still logs a request the app could not answer for another reason", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The privacy page has no action: Remix answers 405 with an internal error, which is logged.
    const response = await send("/privacy", { method: "POST", form: { a: "b" } });
    expect(response.status).toBe(405);
    await response.text();
    expect(logged).toHaveBeenCalled();
  });
});
