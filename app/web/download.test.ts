import { describe, expect, it } from "vitest";
import { contentDisposition, documentDownload } from "./download";

describe("contentDisposition", () => {
  it("offers the name as an attachment, in ASCII and in UTF-8", () => {
    expect(contentDisposition("Our constitution (2024).pdf")).toBe(
      `attachment; filename="Our constitution (2024).pdf"; filename*=UTF-8''Our%20constitution%20(2024).pdf`,
    );
    expect(contentDisposition("Café accounts.pdf")).toBe(`attachment; filename="Caf_ accounts.pdf"; filename*=UTF-8''Caf%C3%A9%20accounts.pdf`);
  });

  it("cannot be broken out of by quotes, backslashes or line breaks in the name", () => {
    const header = contentDisposition('a"; filename="evil.html\\\r\n.pdf');
    expect(header).toBe(`attachment; filename="a_; filename=_evil.html___.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%5C%0D%0A.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});

describe("documentDownload", () => {
  it("answers with the stored bytes as an attachment that is never sniffed or cached", async () => {
    const bytes = Buffer.from("%PDF-1.4\n%%EOF\n");
    const response = documentDownload({ originalName: "constitution.pdf", mediaType: "application/pdf", bytes });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="constitution.pdf"; filename*=UTF-8''constitution.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("answers with a stored document's stream and the size the store gave", async () => {
    const bytes = Buffer.from("%PDF-1.4\n%%EOF\n");
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const response = documentDownload({ originalName: "constitution.pdf", mediaType: "application/pdf", body, sizeBytes: bytes.byteLength });
    expect(response.headers.get("Content-Length")).toBe(String(bytes.byteLength));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });
});
