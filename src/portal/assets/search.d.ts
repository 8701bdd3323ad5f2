/** Types of search.js (a browser script the build also runs to make the index). */

/** One article in a language's search index (`<lang>/search.json`). */
export interface SearchEntry {
  /** Page, relative to the language folder. */
  u: string;
  /** Title. */
  t: string;
  /** Snippet: the start of the short answer. */
  s: string;
  /** Stems of the title, the keywords and the text, space-separated. */
  a: string;
  b: string;
  c: string;
}

export function stems(text: string): string[];
export function search(index: SearchEntry[], query: string): SearchEntry[];
