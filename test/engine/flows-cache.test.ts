/**
 * The parsed flow files are kept on disk between runs (a fifth of a start was parsing YAML): the
 * second load reads what the first one wrote, keyed by each file's text, and a problem found on a
 * load from the cache still names its line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFlows } from "../../src/engine/load-flows.ts";
import { KindRegistry } from "../../src/engine/kinds.ts";

const kinds = new KindRegistry();
const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "jol-flows-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const MAIN = "spec: 1\nflow: main\nstart: m\nnodes:\n  - { id: m, type: end }\n";
// The start node does not exist: a problem on line 3.
const BROKEN = "spec: 1\nflow: other\nstart: nowhere\nnodes:\n  - { id: x, type: end }\n";

describe("the flows cache", () => {
  it("is written by the first load and read by the next (the cached data is what loads)", () => {
    const flowsDir = temp();
    const cacheDir = temp();
    writeFileSync(join(flowsDir, "main.yaml"), MAIN);
    expect(loadFlows(flowsDir, kinds, { cacheDir }).flows.flows.get("main")?.start).toBe("m");
    const [saved] = readdirSync(cacheDir).filter((f) => f.startsWith("flow-main.yaml-"));
    expect(saved).toBeDefined();
    // Prove the second load reads the cache: change what it holds for this very text.
    const file = join(cacheDir, saved!);
    const entry = JSON.parse(readFileSync(file, "utf8")) as { raw: { start: string; nodes: { id: string }[] } };
    entry.raw.start = "n";
    entry.raw.nodes[0]!.id = "n";
    writeFileSync(file, JSON.stringify(entry));
    expect(loadFlows(flowsDir, kinds, { cacheDir }).flows.flows.get("main")?.start).toBe("n");
    // Without a cache folder the file itself is read.
    expect(loadFlows(flowsDir, kinds, { cacheDir: null }).flows.flows.get("main")?.start).toBe("m");
  });

  it("still gives a problem's line when the file came from the cache", () => {
    const flowsDir = temp();
    const cacheDir = temp();
    writeFileSync(join(flowsDir, "other.yaml"), BROKEN);
    const first = loadFlows(flowsDir, kinds, { cacheDir }).problems;
    const second = loadFlows(flowsDir, kinds, { cacheDir }).problems;
    expect(first.map((p) => [p.file.endsWith("other.yaml"), p.line])).toEqual([[true, 3]]);
    expect(second).toEqual(first);
  });
});
