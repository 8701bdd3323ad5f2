#!/usr/bin/env node
// Compile src/ into dist/ and copy its other files there (`npm run build`; `npm ci` runs it through the `prepare` script).
// The old dist/ goes first, so a deleted or renamed source leaves nothing behind; dist/.built is
// written last, so a half-finished build is never taken for a good one (test/support/build-setup.ts).
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const root = new URL("..", import.meta.url);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  process.stderr.write("build: TypeScript is not installed (a production install without dev dependencies); keeping dist/ as it is\n");
  process.exit(0);
}
rmSync(new URL("dist", root), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (result.status !== 0) {
  process.stderr.write("build: tsc failed; dist/ was not written (bin/jol.js runs the sources through tsx meanwhile)\n");
  process.exit(result.status ?? 1);
}
// Files the code reads beside itself at run time (the portal's browser scripts and CSS) are not
// TypeScript: copy every other file of src/ to the same place in dist/.
cpSync(new URL("src", root), new URL("dist", root), { recursive: true, filter: (path) => !path.endsWith(".ts") });
// Build the knowledge search index once now, so the first `jol ask` or reply need not
// (node_modules/.cache/jol, keyed by the content: see src/knowledge/index-cache.ts). Only where
// the content is here (not in the image's build stage); a failure here never fails the build.
if (existsSync(new URL("flows/knowledge.yaml", root)) && existsSync(new URL("locales", root))) {
  try {
    const { loadKnowledgeBase } = await import(new URL("dist/knowledge/load.js", root).href);
    loadKnowledgeBase({ flowsDir: fileURLToPath(new URL("flows", root)), localesDir: fileURLToPath(new URL("locales", root)) });
  } catch (error) {
    process.stderr.write(`build: the knowledge index was not cached (${error instanceof Error ? error.message : String(error)}); it is built at the first start instead\n`);
  }
}
writeFileSync(new URL("dist/.built", root), `${new Date().toISOString()}\n`);
