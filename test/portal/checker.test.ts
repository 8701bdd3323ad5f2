import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.ts";
import { checkContent } from "../../src/app/check-content.ts";
import { loadScreener } from "../../src/screening/data.ts";
import { EvalItems } from "../../src/screening/evaluate.ts";
import type { Analysis } from "../../src/screening/analyse.ts";
import { checkerData, checkerScript, type CheckerBundle } from "../../src/portal/checker.ts";

// The portal's offline job-ad checker is the bot's analyser bundled for the browser (with zod
// replaced by a stand-in). It must give what `jol screen --json` gives, on the development sets.
const SETS: [string, string][] = [
  ["the project's own set", "test/screening/job-ads.yaml"],
  ...(existsSync("../shared/eval/job-ads.yaml") ? [["the shared development set", "../shared/eval/job-ads.yaml"] as [string, string]] : []),
];

/** `jol screen --json`'s object (src/cli/commands/screen.ts). */
const asScreen = (a: Analysis) => ({ risk: a.risk, score: a.score, flags: a.flags.map((f) => ({ id: f.id, indicator: f.indicator, strength: f.strength, evidence: f.evidence })) });

let bundled: (text: string) => Analysis;
let script: string;
beforeAll(async () => {
  script = checkerScript();
  const file = join(mkdtempSync(join(tmpdir(), "jol-checker-")), "checker.mjs");
  writeFileSync(file, script);
  const bundle = (await import(pathToFileURL(file).href)) as CheckerBundle;
  // What the page fetches: screening.json, through JSON.
  const data = JSON.parse(JSON.stringify(checkerData(checkContent(loadConfig({})).flows)));
  const screener = bundle.screenerFor(data);
  bundled = (text) => screener.analyse(text);
}, 60_000);

describe("the offline job-ad checker", () => {
  const screener = loadScreener("flows");

  it.each(SETS)("gives jol screen's risk, score and flags for every ad of %s", (_name, path) => {
    const items = EvalItems.parse(parse(readFileSync(path, "utf8")));
    expect(items.length).toBeGreaterThanOrEqual(10);
    const differ = items.filter((item) => JSON.stringify(asScreen(bundled(item.text))) !== JSON.stringify(asScreen(screener.analyse(item.text))));
    expect(differ.map((d) => d.text)).toEqual([]);
  });

  it("agrees on ads of every level, not only on \"low\"", () => {
    const items = EvalItems.parse(parse(readFileSync("test/screening/job-ads.yaml", "utf8")));
    expect(new Set(items.map((i) => bundled(i.text).risk))).toEqual(new Set(["low", "medium", "high"]));
    expect(items.filter((i) => bundled(i.text).flags.length > 1).length).toBeGreaterThan(10);
  });

  it("gives what the jol screen command prints", () => {
    const ads = ["Работа в Корее, виза не нужна, предоплата 500$. Паспорт хранится у работодателя.", "Seasonal farm work in the UK, official visa, no fees, contract before departure."];
    for (const ad of ads) {
      const printed = execFileSync(process.execPath, ["bin/jol.js", "screen", "--json"], { input: ad, encoding: "utf8", timeout: 60_000 });
      expect(JSON.parse(printed)).toEqual(asScreen(bundled(ad)));
    }
  }, 120_000);

  it("is small and carries no zod", () => {
    expect(script.length).toBeLessThan(40_000);
    expect(script).not.toMatch(/ZodError|\$ZodType/);
  });
});
