import { Transform } from "node:stream";

/**
 * A pass-through stream that gives on, as one chunk, everything written to it in one turn of the
 * event loop. React writes a page in pieces of about 2 KB, one after another, and Remix's Express
 * adapter flushes the response after each piece: with compression on, each piece was compressed
 * on its own and written to the socket on its own (thirteen for the round page). Coalesced, the
 * part rendered at once leaves in one write and compresses better; what arrives in a later turn
 * (a suspended part of a page) still goes as soon as it comes (ADR 0034).
 */
export function coalescingStream(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(passOn);
      }
      done();
    },
    flush(done) {
      passOn();
      done();
    },
  });
  function passOn() {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    stream.push(chunk);
  }
  return stream;
}
