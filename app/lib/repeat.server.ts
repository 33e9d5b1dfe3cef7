/**
 * Runs `task` now and then `intervalMs` after each run ends, until the returned function is
 * called; stopping waits for a run in progress. A failing run is logged, never thrown, so the
 * loop carries on. Unless `keepAlive`, the timer does not hold the process open (inside the web
 * server the loop lives as long as the server does). The task is given a signal that is aborted
 * when stopping with `{ abortRun: true }`, so that a long run can stop taking on new work.
 */
export function repeatUntilStopped(
  task: (signal: AbortSignal) => Promise<void>,
  { intervalMs, keepAlive, onError }: { intervalMs: number; keepAlive: boolean; onError: (error: unknown) => void },
): (options?: { abortRun?: boolean }) => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let run: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const tick = () => {
    run = task(stopping.signal)
      .catch(onError)
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, intervalMs);
        if (!keepAlive) timer.unref();
      });
  };
  tick();
  return async ({ abortRun = false } = {}) => {
    stopped = true;
    if (abortRun) stopping.abort();
    clearTimeout(timer);
    await run;
  };
}

export type JobOptions = { intervalMs?: number; keepAlive?: boolean; log?: Pick<Console, "info" | "error"> };

/**
 * A background job that counts what it did (reminders queued, awards lapsed): run now and then
 * every `intervalMs` (a minute by default) until stopped, logging the count when there was work.
 * Errors are logged, never thrown: the next run tries again.
 */
export function startCountingJob(
  name: string,
  did: string,
  run: (now: Date) => Promise<number>,
  { intervalMs = 60_000, keepAlive = false, log = console }: JobOptions = {},
) {
  return repeatUntilStopped(
    async () => {
      const count = await run(new Date());
      if (count > 0) log.info(`${name}: ${count} ${did}`);
    },
    { intervalMs, keepAlive, onError: (error) => log.error(`${name}: run failed`, error) },
  );
}
