import { describe, expect, it } from "vitest";
import { readDocumentUpload } from "./multipart.server";

function request(parts: [string, string | File][], headers: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  return new Request("http://localhost/upload", { method: "POST", body, headers });
}

describe("reading a document upload", () => {
  it("gives the text fields and the file", async () => {
    const upload = await readDocumentUpload(
      request([
        ["kind", "accounts"],
        ["document", new File(["%PDF-1.4"], "a.pdf")],
      ]),
      { fileField: "document", maxFileBytes: 100 },
    );
    expect(upload.problem).toBeNull();
    expect(upload.fields).toEqual({ kind: "accounts" });
    expect(upload.file?.name).toBe("a.pdf");
    expect(Buffer.from(upload.file!.bytes).toString()).toBe("%PDF-1.4");
  });

  it("reads past an oversize file without keeping it, and says it is too large", async () => {
    const big = new File([Buffer.alloc(3 * 1024 * 1024, 1)], "big.pdf");
    const upload = await readDocumentUpload(
      request([
        ["document", big],
        ["kind", "accounts"],
      ]),
      { fileField: "document", maxFileBytes: 1024 },
    );
    expect(upload.problem).toBe("too_large");
    expect(upload.file).toBeNull();
    // The field after the file was still read: the whole request was consumed.
    expect(upload.fields.kind).toBe("accounts");
  });

  it("tells an empty file from no file", async () => {
    const empty = await readDocumentUpload(request([["document", new File([], "empty.pdf")]]), { fileField: "document", maxFileBytes: 100 });
    expect(empty.problem).toBe("empty");
    const none = await readDocumentUpload(request([["document", new File([], "")]]), { fileField: "document", maxFileBytes: 100 });
    expect(none.problem).toBe("missing");
    const absent = await readDocumentUpload(request([["kind", "accounts"]]), { fileField: "document", maxFileBytes: 100 });
    expect(absent.problem).toBe("missing");
  });

  it("refuses outright a request declared far larger than any allowed file", async () => {
    const huge = request([["kind", "accounts"]], { "Content-Length": String(1024 ** 3) });
    await expect(readDocumentUpload(huge, { fileField: "document", maxFileBytes: 1024 })).rejects.toMatchObject({ status: 413 });
  });

  it("answers a broken body with a 400, not a server error", async () => {
    const broken = new Request("http://localhost/upload", {
      method: "POST",
      body: "--x\r\nnonsense",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    await expect(readDocumentUpload(broken, { fileField: "document", maxFileBytes: 1024 })).rejects.toMatchObject({ status: 400 });
  });
});
