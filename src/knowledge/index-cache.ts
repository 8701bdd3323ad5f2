import { CACHE_DIR, codeVersion, DiskCache } from "../core/disk-cache.ts";

/**
 * The knowledge search index kept on disk between runs, so `jol ask` and the first reply of a
 * fresh process do not stem every article's text again (about 1.5 s of a start).
 *
 * A file's name is the hash of everything the index is made from: the texts and keywords as the
 * indexer sees them, the synonyms and common words, the code of `src/knowledge/` (normalising,
 * transliteration, stemming, this file) and the versions of minisearch and snowball-stemmers. A
 * change to any of them gives a new name, so a stale index is never read; writing a new file
 * removes the older ones. Where nothing can be written (a read-only container), the index is
 * built in memory each time, as before.
 *
 * @example
 * const cache = new IndexCache();
 * const key = cache.key(inputs);
 * const saved = cache.read(key) ?? build();
 */

/**
 * The code the index depends on: every module of this folder and the versions of the two
 * libraries that turn texts into terms.
 */
const indexVersion = codeVersion([import.meta.url], ["minisearch", "snowball-stemmers"]);

/** Where the index goes by default. */
export const DEFAULT_INDEX_CACHE_DIR = CACHE_DIR;

/** The knowledge search index on disk (see `DiskCache`), versioned by this folder's code and its libraries. */
export class IndexCache extends DiskCache {
  /**
   * @param dir where the files go; `null` keeps nothing on disk (build every time).
   * @param prefix what the files' names start with: one kind of cached thing per prefix.
   */
  constructor(dir: string | null = CACHE_DIR, prefix = "knowledge-index-") {
    super(dir, prefix, indexVersion);
  }
}
