import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "./paths.ts";

/**
 * Things worth keeping on disk between runs (the knowledge search index, parsed YAML), so a fresh
 * process does not rebuild them. A file's name is the hash of what the thing is made from and of
 * the code that makes it (`version`): a change to either gives a new name, so a stale file is never
 * read, and writing a new one removes the older ones of the same prefix. Where nothing can be
 * written (a read-only container) the caller builds in memory each time.
 *
 * @example
 * const cache = new DiskCache(CACHE_DIR, "flow-main-", () => "yaml@2.9.1");
 * const key = cache.key(text);
 * const saved = cache.read(key) ?? build();
 */
/** `node_modules/.cache/jol` of the installation: the usual place for a package's build caches. */
export const CACHE_DIR = join(PACKAGE_ROOT, "node_modules", ".cache", "jol");

export class DiskCache {
  /**
   * @param dir where the files go; `null` keeps nothing on disk (build every time).
   * @param prefix what the files' names start with: one kind of cached thing per prefix.
   */
  constructor(
    readonly dir: string | null,
    readonly prefix: string,
    private readonly version: () => string,
  ) {}

  /** The hash naming what is built from `inputs` by this code. */
  key(inputs: unknown): string {
    return createHash("sha256").update(this.version()).update("\0").update(JSON.stringify(inputs)).digest("hex").slice(0, 32);
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

export /** The installed version of a package: from the package.json above its entry point. */
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

/**
 * A version of some code for a cache key: every module in the folders of `modules` (their
 * `import.meta.url`; `.ts` in a checkout, `.js` in `dist/`) and the versions of `packages`.
 * Computed once per process.
 */
export function codeVersion(modules: readonly string[], packages: readonly string[] = []): () => string {
  let version: string | undefined;
  return () => {
    if (version !== undefined) return version;
    const hash = createHash("sha256");
    for (const url of modules) {
      const here = fileURLToPath(url);
      const dir = dirname(here);
      const ext = extname(here);
      for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name)));
    }
    for (const pkg of packages) hash.update(`${pkg}@${packageVersion(pkg)}\0`);
    version = hash.digest("hex");
    return version;
  };
}
