/**
 * Shared argument rules of the two stores, so Redis and memory reject the same mistakes
 * with the same message.
 */

/**
 * A TTL as whole milliseconds (fractions round up, so a key never outlives less than asked),
 * or `undefined` for "no expiry". Throws on zero, negative or non-finite values: a key that
 * expires at once is almost always a bug (seconds passed where milliseconds were meant, or an
 * unset setting), and Redis would reject it anyway.
 */
export function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs === undefined) return undefined;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}; omit it for a key that never expires`);
  }
  return Math.ceil(ttlMs);
}

/** Order of sorted-set members with equal scores: by bytes, as Redis does. */
export function compareMembers(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
