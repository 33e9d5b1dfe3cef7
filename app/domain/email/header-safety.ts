// Mail headers end at a line break, so a line break inside a value could start a new header
// (Bcc:, Content-Type: …). Every value we put in a header passes through here first.

// CR, LF and every other control character (\p{Cc}, which includes NEL), plus the Unicode line
// and paragraph separators: none has a place in a subject or a name.
const LINE_BREAKS_AND_CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of text, safe for a header: line breaks and control characters become a space. */
export function singleLine(value: string): string {
  return value.replace(LINE_BREAKS_AND_CONTROLS, " ").replace(/ {2,}/g, " ").trim();
}

// Deliberately plain: the address comes from our own validated records, and anything unusual
// (spaces, angle brackets, commas, quotes, control characters) is refused rather than interpreted.
const ADDRESS_PART = String.raw`[^\s<>(),;:"\\@\p{Cc}]+`;
const PLAIN_ADDRESS = new RegExp(`^${ADDRESS_PART}@${ADDRESS_PART}\\.${ADDRESS_PART}$`, "u");

/** Whether the value is one bare email address that cannot carry a second recipient or header. */
export function isPlainAddress(value: string): boolean {
  return value.length <= 254 && PLAIN_ADDRESS.test(value);
}
