import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../core/paths.ts";

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

/** `node_modules/.cache/jol` of the installation: the usual place for a package's build caches. */
export const DEFAULT_INDEX_CACHE_DIR = join(PACKAGE_ROOT, "node_modules", ".cache", "jol");

export class IndexCache {
  /**
   * @param dir where the files go; `null` keeps nothing on disk (build every time).
   * @param prefix what the files' names start with: one kind of cached thing per prefix.
   */
  constructor(
    readonly dir: string | null = DEFAULT_INDEX_CACHE_DIR,
    readonly prefix = "knowledge-index-",
  ) {}

  /** The hash naming the index built from `inputs` by this code. */
  key(inputs: unknown): string {
    return createHash("sha256").update(codeVersion()).update("\0").update(JSON.stringify(inputs)).digest("hex").slice(0, 32);
  }

  /** The saved index for `key`, or undefined when there is none or it cannot be read. */
  read(key: string): unknown {
    if (this.dir === null) return undefined;
    try {
      return JSON.parse(readFileSync(this.file(key), "utf8")) as unknown;
    } catch {
      return undefined;
    }
  }

  /**
   * Save the index for `key` (written whole, then renamed, so a reader never sees half a file)
   * and remove the files of other keys. Returns false when the folder cannot be written.
   */
  write(key: string, value: unknown): boolean {
    if (this.dir === null) return false;
    const file = this.file(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(value));
      renameSync(temp, file);
    } catch {
      quietlyRemove(temp);
      return false;
    }
    for (const name of safeList(this.dir)) {
      if (name.startsWith(this.prefix) && name !== `${this.prefix}${key}.json` && name.endsWith(".json")) quietlyRemove(join(this.dir, name));
    }
    return true;
  }

  file(key: string): string {
    return join(this.dir ?? "", `${this.prefix}${key}.json`);
  }
}

/** Remove a file if it is there and can be removed (another process may be doing the same). */
function quietlyRemove(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // a folder we cannot write: nothing was left there either
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

let version: string | undefined;

/**
 * The code the index depends on: every module of this folder (`.ts` in a checkout, `.js` in
 * `dist/`) and the versions of the two libraries that turn texts into terms.
 */
function codeVersion(): string {
  if (version !== undefined) return version;
  const hash = createHash("sha256");
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = extname(here);
  for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name)));
  for (const pkg of ["minisearch", "snowball-stemmers"]) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
  version = hash.digest("hex");
  return version;
}

/** The installed version of a package: from the package.json above its entry point. */
function packageVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      const file = join(dir, "package.json");
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === name && typeof pkg.version === "string") return pkg.version;
      }
      const up = dirname(dir);
      if (up === dir) return "unknown";
      dir = up;
    }
  } catch {
    return "unknown";
  }
}
