// Real portal processes for tests that need more than the in-process app: the built server
// (`node server.mjs`, NODE_ENV=production) on a loopback port, and the worker (`node worker.mjs`).
// Each is given only the environment it is started with (plus PATH and the build folder), so a
// test states everything the process depends on. Output is kept for assertions and for the
// error message when a process does not start.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { serverBuildPath } from "./build-path";

const ROOT = resolve(import.meta.dirname, "../..");

export type ManagedProcess = {
  /** Everything the process wrote to stdout and stderr so far, one entry a line. */
  output: string[];
  /** Resolves once a line matching `pattern` has been written (or rejects after `timeoutMs`). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM (or `signal`), then waits for the process to exit; SIGKILL after `timeoutMs`. Returns the exit code. */
  stop(options?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<number | null>;
  child: ChildProcess;
};

export type PortalProcess = ManagedProcess & { url: string; port: number };

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

function startProcess(script: string, env: Record<string, string>): ManagedProcess {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", REMIX_BUILD_DIR: dirname(dirname(serverBuildPath())), ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      output.push(line);
      for (const waiter of waiters) {
        if (waiter.pattern.test(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));

  return {
    output,
    child,
    waitForOutput(pattern, timeoutMs = 30_000) {
      const seen = output.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveLine, reject) => {
        const waiter = { pattern, resolve: resolveLine };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`${script} wrote nothing matching ${pattern} within ${timeoutMs} ms:\n${output.slice(-30).join("\n")}`));
        }, timeoutMs).unref();
      });
    },
    async stop({ signal = "SIGTERM", timeoutMs = 30_000 } = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * Starts the built portal (`node server.mjs`, NODE_ENV=production) on 127.0.0.1:`port` (a free
 * one if not given) with `env`, and resolves once GET /healthz answers 200.
 */
export async function startPortal({ port, env }: { port?: number; env: Record<string, string> }): Promise<PortalProcess> {
  const chosen = port ?? (await freePort());
  const portal = startProcess("server.mjs", { NODE_ENV: "production", ...env, PORT: String(chosen) });
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (portal.child.exitCode !== null)
      throw new Error(`the portal on port ${chosen} exited with ${portal.child.exitCode}:\n${portal.output.slice(-30).join("\n")}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await portal.stop({ signal: "SIGKILL" });
      throw new Error(`the portal on port ${chosen} did not answer /healthz within 60 s:\n${portal.output.slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ...portal, url, port: chosen };
}

/** Starts the worker (`node worker.mjs`) with `env`; resolves once it says it is running. */
export async function startWorkerProcess({ env }: { env: Record<string, string> }): Promise<ManagedProcess> {
  const worker = startProcess("worker.mjs", env);
  await worker.waitForOutput(/worker: sending the outbox/, 60_000);
  return worker;
}
