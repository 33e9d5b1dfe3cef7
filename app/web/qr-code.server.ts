// QR codes drawn on the server as SVG and sent as a data: URL image (the CSP allows data: images),
// so the set-up page shows one without JavaScript.
import QRCode from "qrcode";

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
