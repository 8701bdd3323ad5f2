import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder Jol is installed in (the one with package.json). This file is `src/core/paths.ts` in a
 * checkout and `dist/core/paths.js` in the build, two levels below it either way.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Where a content folder setting (FLOWS_DIR, LOCALES_DIR) points: an absolute path or one that
 * exists from the working directory as given; otherwise the folder shipped with Jol, so `jol`
 * finds its flows and texts when started from anywhere (a service manager, `npx` in another folder).
 *
 * @example
 * contentDir("flows") // "flows" in a checkout, "/app/flows" when started from "/"
 */
export function contentDir(dir: string): string {
  if (isAbsolute(dir) || existsSync(dir)) return dir;
  const shipped = join(PACKAGE_ROOT, dir);
  return existsSync(shipped) ? shipped : dir;
}
