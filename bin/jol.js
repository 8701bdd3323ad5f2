#!/usr/bin/env node
// The `jol` command. Runs the TypeScript sources directly through tsx, so `npx jol ...`
// works right after `npm ci` with no build step and always runs the code you see.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
