/**
 * Liveness: the process is up and Remix answers, without touching the database (/healthz and
 * /readyz do). Also the benchmarks' "hello" route: the cost of the server and Remix alone
 * (docs/performance.md). Its length is given so that two bytes are not compressed (ADR 0024).
 */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Length": "2", "Cache-Control": "no-store" } });
}
