/**
 * Comparing words as people type them: one normal form (case, ё/е, apostrophes, punctuation)
 * and one edit distance, shared by menus, language guessing, locale checks and search.
 */

/** Lower case, Unicode-normalised, without punctuation, emoji or extra spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[ʻʼ'`‘’]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Levenshtein distance between `a` and `b` (UTF-16 units), giving up (returning `max + 1`) as
 * soon as it must exceed `max`. The knowledge search calls it for thousands of terms per query:
 * two reused rows, no allocation per call.
 */
export function distance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = rowA.length > b.length ? rowA : (rowA = new Int32Array(b.length + 1));
  let current = rowB.length > b.length ? rowB : (rowB = new Int32Array(b.length + 1));
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

let rowA = new Int32Array(32);
let rowB = new Int32Array(32);
