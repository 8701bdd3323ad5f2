#!/usr/bin/env node
// The `jol` command. Runs the compiled JavaScript in dist/ (built by `npm ci` through the
// `prepare` script, or `npm run build`). Without dist/, or with JOL_DEV=1, it runs the TypeScript
// sources through tsx (a development dependency), so a checkout works with no build step.
import { existsSync } from "node:fs";
import module from "node:module";

const compiled = new URL("../dist/cli/main.js", import.meta.url);
const development = process.env.JOL_DEV === "1" || !existsSync(compiled);

// Node 22.1+: cache compiled bytecode between runs (faster start); a no-op where unsupported.
module.enableCompileCache?.();

let entry = compiled.href;
if (development) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
  } catch {
    process.stderr.write("jol: dist/ is missing and tsx is not installed: run `npm run build` (or `npm ci`) first.\n");
    process.exit(1);
  }
  entry = new URL("../src/cli/main.ts", import.meta.url).href;
}
const { main } = await import(entry);
await main(process.argv);
