/**
 * Matching what a user typed against what the bot offered: numbers ("2", "2.", "2)"), labels in
 * any case with small typos, and word lists (commands, yes/no) in every language.
 */
import { distance, normalize } from "../core/words.ts";

/** "2", "2.", "2)", " 2 " → 2; anything else → undefined. */
export function parseNumber(text: string): number | undefined {
  const m = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** How many typos a label of this length tolerates. */
export function tolerance(length: number): number {
  return length >= 9 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * The index of the label the text names: exactly (normalised), else the single closest within
 * the typo tolerance. Ambiguous or no match → undefined.
 */
export function matchLabel(text: string, labels: string[]): number | undefined {
  const t = normalize(text);
  if (!t) return undefined;
  const norm = labels.map(normalize);
  const exact = norm.indexOf(t);
  if (exact >= 0) return exact;
  let best: number | undefined;
  let bestD = Infinity;
  let tie = false;
  norm.forEach((label, i) => {
    const d = distance(t, label, 2);
    if (d < bestD) {
      best = i;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  });
  if (best !== undefined && !tie && bestD <= tolerance(Math.min(t.length, norm[best]!.length))) return best;
  // A part of one label only ("quiz" for "🔍 Quiz time"), from the start of a word.
  if (t.length >= 4) {
    const containing = norm.flatMap((label, i) => ((" " + label).includes(" " + t) ? [i] : []));
    if (containing.length === 1) return containing[0];
  }
  return undefined;
}

/** Word lists by category (`menu: [меню, menu, menyu]`), matched on the whole normalised text. */
export class WordLists {
  private readonly byWord = new Map<string, string>();

  constructor(lists: Record<string, string[]>) {
    for (const [category, words] of Object.entries(lists)) {
      for (const word of words) this.byWord.set(normalize(word), category);
    }
  }

  match(text: string): string | undefined {
    if (text.length > 40) return undefined;
    const t = normalize(text).replace(/^\//, "");
    return this.byWord.get(t);
  }
}
