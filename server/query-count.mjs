// Benchmarks only (BENCH_COUNT_QUERIES=yes, bench/http.ts): how many database operations a request
// made, in an X-Query-Count response header. The count follows the request through its async
// work (AsyncLocalStorage), so concurrent requests do not mix; app/lib/db.server.ts reports each
// Prisma operation to it.
import { AsyncLocalStorage } from "node:async_hooks";

export function countQueries() {
  const requests = new AsyncLocalStorage();
  globalThis.__csfCountQuery = () => {
    const counter = requests.getStore();
    if (counter) counter.count += 1;
  };
  return (_req, res, next) => {
    const counter = { count: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithQueryCount(...args) {
      res.setHeader("X-Query-Count", String(counter.count));
      return writeHead.apply(this, args);
    };
    requests.run(counter, next);
  };
}
