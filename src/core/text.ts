/** Splitting a long text into messages, for every channel and the staff desk. Imports nothing of ours. */

/**
 * Split a text into parts of at most `max` characters (UTF-16 units, as Telegram counts), at
 * the largest boundary that works: blank line, line end, sentence end, space, else a hard cut
 * (never inside a surrogate pair). Parts are trimmed; joining them with blank lines gives back
 * the text's paragraphs, and no word is lost.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/** Where to cut `text` so that the first part has at most `max` characters. */
function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const boundary of [/\n\s*\n/g, /\n/g, /[.!?…]\s/g, /\s/g]) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      // Cut after sentence punctuation, before whitespace otherwise.
      const at = boundary.source.startsWith("[.!?") ? match.index + 1 : match.index;
      if (at > 0 && at <= max) best = at;
    }
    // A boundary in the first fifth would leave a tiny part: try a finer boundary instead.
    if (best > max / 5) return best;
  }
  // No boundary at all: a hard cut, not inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
