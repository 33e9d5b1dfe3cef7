// A real clamd for tests (Debian's clamav-daemon, /usr/sbin/clamd): started in the foreground on
// 127.0.0.1 and a free port, with its own configuration in a fresh temporary folder and a signature
// database holding only our own harmless test signature (no signature download needed). It can be
// stopped and started again on the same port, to test uploads while the scanner is down.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pdfFile } from "./documents";

export const CLAMD_BINARY = "/usr/sbin/clamd";

/** Bytes our test signature matches anywhere in a file; harmless text, not real malware. */
export const TEST_MALWARE_MARKER = "CSF-TEST-MALWARE-MARKER-0022";
/** The name clamd reports for it (clamd adds ".UNOFFICIAL" to signatures from local databases). */
export const TEST_SIGNATURE_NAME = "Csf.Test.Marker.UNOFFICIAL";

/** A real PDF (so the content check accepts it) that carries the test marker. */
export function markedPdfFile(): Uint8Array {
  const pdf = Buffer.from(pdfFile()).toString("latin1");
  return Buffer.from(pdf.replace("%%EOF", `% ${TEST_MALWARE_MARKER}\n%%EOF`), "latin1");
}

export type TestClamd = {
  host: string;
  port: number;
  /** Environment variables that point the portal's scanner here. */
  portalEnv(): Record<string, string>;
  /** Stops clamd; connections are refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops clamd for good and removes its folder. */
  close(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("zPING\0"));
    let reply = "";
    socket.setTimeout(1000, () => socket.destroy());
    socket.on("data", (chunk) => (reply += chunk.toString("utf8")));
    socket.on("close", () => resolve(reply.startsWith("PONG")));
    socket.on("error", () => resolve(false));
  });
}

export async function startClamd(): Promise<TestClamd> {
  const directory = mkdtempSync(join(tmpdir(), "csf-clamd-"));
  const databases = join(directory, "db");
  mkdirSync(databases);
  // An extended (.ndb) signature: any file type, any offset, the marker's bytes in hex.
  writeFileSync(join(databases, "csf-test.ndb"), `Csf.Test.Marker:0:*:${Buffer.from(TEST_MALWARE_MARKER).toString("hex")}\n`);
  const port = await freePort();
  const config = join(directory, "clamd.conf");
  writeFileSync(
    config,
    [
      "Foreground yes",
      `DatabaseDirectory ${databases}`,
      "TCPAddr 127.0.0.1",
      `TCPSocket ${port}`,
      `TemporaryDirectory ${directory}`,
      `LogFile ${join(directory, "clamd.log")}`,
      // No bytecode signatures here; skipping the bytecode engine makes start-up take about a second.
      "Bytecode no",
      "StreamMaxLength 20M",
      "",
    ].join("\n"),
  );
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = spawn(CLAMD_BINARY, [`--config-file=${config}`], { stdio: "ignore" });
    child = started;
    const exited = new Promise<never>((_, reject) => started.once("exit", (code) => reject(new Error(`clamd exited (${code}); see ${directory}/clamd.log`))));
    exited.catch(() => undefined);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (await Promise.race([pong(port), exited])) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("clamd did not answer within 60 s");
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  };

  await start();
  return {
    host: "127.0.0.1",
    port,
    portalEnv: () => ({ CLAMD_HOST: "127.0.0.1", CLAMD_PORT: String(port), CLAMD_TIMEOUT_MS: "5000" }),
    stop,
    start,
    async close() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
