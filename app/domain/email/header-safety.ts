// Mail headers end at a line break, so a line break inside a value could start a new header
// (Bcc:, Content-Type: …). Every value we put in a header passes through here first.

// CR, LF and the other characters some software treats as line ends, plus the remaining
// control characters, which have no place in a subject or a name.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** One line of text, safe for a header: line breaks and control characters become a space. */
export function singleLine(value: string): string {
  return value.replace(LINE_BREAKS_AND_CONTROLS, " ").replace(/ {2,}/g, " ").trim();
}

// Deliberately plain: the address comes from our own validated records, and anything unusual
// (spaces, angle brackets, commas, line breaks) is refused rather than interpreted.
const PLAIN_ADDRESS = /^[^\s<>(),;:"\\@\u0000-\u001f\u007f]+@[^\s<>(),;:"\\@\u0000-\u001f\u007f]+\.[^\s<>(),;:"\\@\u0000-\u001f\u007f]+$/;

/** Whether the value is one bare email address that cannot carry a second recipient or header. */
export function isPlainAddress(value: string): boolean {
  return value.length <= 254 && PLAIN_ADDRESS.test(value);
}
