/** A bid's reference: fund code, round code and a 4-digit sequence, e.g. CSF-2526-R1-0042. */
export function formatBidReference(fundCode: string, roundCode: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive whole number, got ${sequence}`);
  return `${fundCode}-${roundCode}-${String(sequence).padStart(4, "0")}`;
}
