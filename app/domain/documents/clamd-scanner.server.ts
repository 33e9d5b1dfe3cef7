// The clamd driver (ADR 0022): clamd's INSTREAM command over its unix or TCP socket, spoken
// directly with node:net. The whole protocol is a command, length-prefixed chunks, a zero-length
// chunk to end, and one line back ("stream: OK", "stream: <name> FOUND" or "<reason> ERROR").
import { connect, type Socket } from "node:net";
import type { DocumentScanner, ScanVerdict } from "./scanner";

export type ClamdTarget = { socketPath: string } | { host: string; port: number };

/** clamd reads INSTREAM data in chunks; anything up to its StreamMaxLength overall is fine. */
const CHUNK_BYTES = 64 * 1024;

/** Reads one NUL-terminated reply ("z" commands) to `command`, writing `send` after it. */
function converse(target: ClamdTarget, command: string, timeoutMs: number, send?: (socket: Socket) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = "socketPath" in target ? connect(target.socketPath) : connect(target.port, target.host);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | null, reply?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };
    const replied = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const end = text.indexOf("\0");
      return end === -1 ? null : text.slice(0, end);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`clamd did not answer within ${timeoutMs} ms`)));
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      const reply = replied();
      if (reply !== null) finish(null, reply);
    });
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8").replace(/\0+$/, "");
      if (text) finish(null, text);
      else finish(new Error("clamd closed the connection without an answer"));
    });
    socket.on("error", (error) => {
      // clamd answers a stream over its limit and closes while we are still writing: its answer wins.
      const reply = replied();
      if (reply !== null) finish(null, reply);
      else finish(error);
    });
    socket.on("connect", () => {
      socket.write(`z${command}\0`);
      if (send) send(socket).catch((error: Error) => finish(error));
    });
  });
}

function write(socket: Socket, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new Error("clamd closed the connection"));
    if (socket.write(bytes)) return resolve();
    const onDrain = () => {
      socket.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      socket.off("drain", onDrain);
      reject(new Error("clamd closed the connection"));
    };
    socket.once("drain", onDrain);
    socket.once("close", onClose);
  });
}

async function writeChunk(socket: Socket, bytes: Uint8Array) {
  for (let start = 0; start < bytes.byteLength; start += CHUNK_BYTES) {
    const piece = bytes.subarray(start, start + CHUNK_BYTES);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(piece.byteLength);
    await write(socket, length);
    await write(socket, piece);
  }
}

/** clamd's reply to INSTREAM as a verdict. */
export function parseInstreamReply(reply: string): ScanVerdict {
  const line = reply.trim();
  if (line === "stream: OK") return { verdict: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { verdict: "infected", signature: found[1]! };
  return { verdict: "error", reason: line.replace(/ ERROR$/, "") || "no answer" };
}

export function clamdScanner(target: ClamdTarget, options: { timeoutMs: number }): DocumentScanner {
  return {
    kind: "clamd",
    async scan(body) {
      const reply = await converse(target, "INSTREAM", options.timeoutMs, async (socket) => {
        if (body instanceof Uint8Array) await writeChunk(socket, body);
        else {
          const reader = body.getReader();
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              await writeChunk(socket, value);
            }
          } catch (error) {
            // Closes the stored file when clamd goes away part way.
            await reader.cancel().catch(() => undefined);
            throw error;
          }
        }
        await write(socket, Buffer.alloc(4));
      });
      return parseInstreamReply(reply);
    },
    async check() {
      const reply = await converse(target, "PING", options.timeoutMs);
      if (reply.trim() !== "PONG") throw new Error(`clamd answered PING with ${JSON.stringify(reply.slice(0, 80))}`);
    },
  };
}
