#!/usr/bin/env node
// `npm run check:layers`: fails when a lower layer of src/ imports a higher one
// (docs/architecture.md, "Layers"). Type-only and dynamic imports count too: a type is a
// dependency of the design even when it leaves no trace in the JavaScript.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Folders of src/, low to high. A file may import its own layer or a lower one. */
export const LAYERS = [
  ["core"],
  ["store", "config", "i18n", "metrics", "outbox", "stats"],
  ["engine"],
  ["knowledge", "screening", "cases", "broadcast", "alerts"],
  ["router"],
  ["channels"],
  ["app", "ops", "portal", "web"],
  ["cli"],
];

const SOURCE = /\.(ts|js|mjs)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']+)\1/g;

function layerOf(folder) {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

/**
 * Every import under `root/src` that runs against the layers, and every file in a folder that
 * has no layer, as `{ file, line, message }`.
 */
export function checkLayers(root) {
  const src = join(root, "src");
  const problems = [];
  for (const file of walk(src)) {
    const from = relative(src, file).split(sep);
    const fromFolder = from.length > 1 ? from[0] : "";
    const fromLayer = layerOf(fromFolder);
    const shown = relative(root, file);
    if (fromLayer < 0) {
      problems.push({ file: shown, line: 1, message: `src/${fromFolder || from[0]} is in no layer: add its folder to LAYERS in scripts/check-layers.js and to docs/architecture.md` });
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const target = relative(src, normalize(join(dirname(file), match[2]))).split(sep);
      if (target[0] === ".." || target.length < 2) continue;
      const toLayer = layerOf(target[0]);
      if (toLayer <= fromLayer) continue;
      const line = text.slice(0, match.index).split("\n").length;
      problems.push({
        file: shown,
        line,
        message: `src/${fromFolder} (layer ${fromLayer}) imports src/${target.join("/")} (layer ${toLayer}): a lower layer must not know a higher one — move the shared word down (src/core/) or pass it in`,
      });
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const problems = checkLayers(root);
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
  if (problems.length > 0) {
    process.stderr.write(`check:layers: ${problems.length} import(s) against the layers (see docs/architecture.md, "Layers")\n`);
    process.exit(1);
  }
  process.stdout.write("check:layers: every import runs down the layers\n");
}
