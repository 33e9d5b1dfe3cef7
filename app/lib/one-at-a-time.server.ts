/**
 * Runs the tasks given the same key one after another in this process, in the order they were
 * given; tasks with other keys are not held up. A task that fails does not stop the next.
 *
 * For work that would otherwise queue on the same database rows many times over (ADR 0028): queued
 * here, a request waits without holding a connection or running a transaction's timer, and the
 * database sees at most one such transaction a process.
 */
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  // The key is forgotten once nothing is waiting behind this task.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/** Per key, the last task given, settled either way. */
const queues = new Map<string, Promise<undefined>>();

/** How many keys have tasks running or waiting (for tests). */
export function keysInUse() {
  return queues.size;
}
