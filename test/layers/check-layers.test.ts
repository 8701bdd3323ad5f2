import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript script without types (it runs before the build)
import { checkLayers } from "../../scripts/check-layers.js";

interface Problem {
  file: string;
  line: number;
  message: string;
}

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "jol-layers-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("check:layers", () => {
  it("accepts imports that run down the layers", () => {
    const dir = tree({
      "src/core/lang.ts": "export type Lang = 'ru';\n",
      "src/engine/engine.ts": 'import type { Lang } from "../core/lang.ts";\n',
      "src/router/router.ts": 'import { x } from "../engine/engine.ts";\nimport type { Lang } from "../core/lang.ts";\n',
    });
    expect(checkLayers(dir) as Problem[]).toEqual([]);
  });

  it("names the file, the line and both layers of an import that runs back up, type-only and dynamic ones too", () => {
    const dir = tree({
      "src/core/lang.ts": "export type Lang = 'ru';\n",
      "src/config/schema.ts": '// settings\nimport type { Step } from "../engine/engine.ts";\n',
      "src/engine/engine.ts": 'const m = await import("../router/router.ts");\n',
      "src/router/router.ts": "export {};\n",
    });
    const problems = checkLayers(dir) as Problem[];
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(["src/config/schema.ts:2", "src/engine/engine.ts:1"]);
    expect(problems[0]!.message).toContain("src/config (layer 1) imports src/engine/engine.ts (layer 2)");
  });

  it("refuses a folder that has no layer, so a new module has to be placed", () => {
    const dir = tree({ "src/gadgets/thing.ts": "export {};\n" });
    expect((checkLayers(dir) as Problem[])[0]!.message).toContain("src/gadgets is in no layer");
  });
});
