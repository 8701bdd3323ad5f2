import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScreener } from "../../src/screening/data.ts";

const screener = loadScreener("flows");
const cases = parse(readFileSync("test/screening/wordings.yaml", "utf8")) as {
  raises: Array<{ lang: string; flag: string; text: string }>;
  clean: Array<{ lang: string; text: string }>;
};

describe("other wordings (test/screening/wordings.yaml)", () => {
  it("raises each flag in every language with wordings the rules' own examples do not use", () => {
    const missed = cases.raises.filter((c) => !screener.analyse(c.text).flags.some((f) => f.id === c.flag));
    expect(missed.map((c) => `${c.lang} ${c.flag}: ${c.text}`)).toEqual([]);
    expect(new Set(cases.raises.map((c) => c.lang))).toEqual(new Set(["ru", "kk", "uz", "ky", "tg", "en"]));
  });

  it("raises nothing on negations and reassurance in every language", () => {
    const flagged = cases.clean.filter((c) => screener.analyse(c.text).flags.length > 0);
    expect(flagged.map((c) => `${c.lang}: ${c.text} → ${screener.analyse(c.text).flags.map((f) => f.id).join(",")}`)).toEqual([]);
  });
});
