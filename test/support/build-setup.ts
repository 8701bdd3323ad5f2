import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

/** The newest modification time of any file under `dir`, ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Tests that spawn `bin/jol.js` run the compiled dist/ (as production does), so dist/ must match
 * src/: rebuild it before the run when any source is newer than the last build (`npx vitest run`
 * during development; `npm test` has just built it).
 */
export default function setup(): void {
  const stamp = "dist/.built";
  const tsconfig = ["tsconfig.json", "tsconfig.build.json"].map((f) => statSync(f).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(newest("src"), ...tsconfig)) return;
  const result = spawnSync(process.execPath, ["scripts/build.js"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed: fix the type errors above");
}
