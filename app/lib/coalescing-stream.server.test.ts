import { describe, expect, it } from "vitest";
import { coalescingStream } from "./coalescing-stream.server";

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Collects what the stream gives on, chunk by chunk. */
function collect(stream: ReturnType<typeof coalescingStream>) {
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  return { chunks, ended };
}

describe("coalescingStream", () => {
  it("gives on what is written in one turn as one chunk, in order", async () => {
    const stream = coalescingStream();
    const { chunks, ended } = collect(stream);
    for (const piece of ["<!DOCTYPE html>", "<html>", "<body>", "…", "</body></html>"]) stream.write(Buffer.from(piece));
    expect(chunks).toEqual([]);
    await nextTurn();
    expect(chunks).toEqual(["<!DOCTYPE html><html><body>…</body></html>"]);
    stream.end();
    await ended;
    expect(chunks).toHaveLength(1);
  });

  it("still streams: a piece written in a later turn goes on its own, as soon as it comes", async () => {
    const stream = coalescingStream();
    const { chunks, ended } = collect(stream);
    stream.write(Buffer.from("shell "));
    stream.write(Buffer.from("and fallback"));
    await nextTurn();
    expect(chunks).toEqual(["shell and fallback"]);
    stream.write(Buffer.from("the suspended part"));
    await nextTurn();
    expect(chunks).toEqual(["shell and fallback", "the suspended part"]);
    stream.end();
    await ended;
  });

  it("gives on what is pending when the writer ends in the same turn, and nothing after the end", async () => {
    const stream = coalescingStream();
    const { chunks, ended } = collect(stream);
    stream.write(Buffer.from("a"));
    stream.write("b");
    stream.end(Buffer.from("c"));
    await ended;
    expect(chunks).toEqual(["abc"]);
    await nextTurn();
    expect(chunks).toEqual(["abc"]);
  });
});
