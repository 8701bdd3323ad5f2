/** A benchmark option that must be a whole number >= 1; anything else stops the run with exit 2. */
export function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number >= 1, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}
