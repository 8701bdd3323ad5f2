import { describe, expect, it } from "vitest";
import { loadScreener, readScreeningData, ruleFilesFrom } from "../../src/screening/data.ts";
import { RuleFileSchema, expandPattern } from "../../src/screening/rules.ts";
import { Screener } from "../../src/screening/analyse.ts";
import { catalogueFrom } from "../../src/screening/data.ts";

const screener = loadScreener("flows");
const data = readScreeningData("flows");

describe("analyser rules (flows/screening-rules-*.yaml)", () => {
  it("every rule raises its flag on its own positive examples and not on its negated / reassuring ones", () => {
    const failures = screener.selfTest();
    expect(failures.map((f) => `${f.where}: ${f.expected} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it("has a rule file per language, each with negation words and job-ad features", () => {
    const langs = ruleFilesFrom(data).map((f) => RuleFileSchema.parse(f.value).lang);
    expect(new Set(langs)).toEqual(new Set(["ru", "kk", "uz", "ky", "tg", "en", "any"]));
    for (const f of ruleFilesFrom(data)) {
      const rf = RuleFileSchema.parse(f.value);
      if (rf.lang === "any") continue;
      expect(rf.negation.length, f.file).toBeGreaterThan(0);
      expect(rf.features.length, f.file).toBeGreaterThan(1);
    }
  });

  it("covers every red flag of the ad list in every language", () => {
    const adFlags = ["fee", "documents-kept", "tourist-entry", "no-contract", "deferred-pay", "travel-debt", "confined", "phones-taken", "extreme-hours", "women-by-photo", "messenger-only", "urgency", "high-pay", "no-skills"];
    for (const f of ruleFilesFrom(data)) {
      const rf = RuleFileSchema.parse(f.value);
      if (rf.lang === "any") continue;
      const have = new Set(rf.rules.map((r) => r.flag));
      expect(adFlags.filter((id) => !have.has(id)), f.file).toEqual([]);
    }
  });

  it("a self-test failure names the file, the rule and the example", () => {
    const broken = new Screener(catalogueFrom(data), [
      { file: "x.yaml", value: { lang: "en", rules: [{ flag: "fee", match: ["\\bfee\\b"], tests: { flag: ["a charge"], clean: ["a fee"] } }] } },
    ]);
    const failures = broken.selfTest();
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ where: "x.yaml rules[0] (fee)", expected: "flag", text: "a charge" });
  });

  it("rejects an unknown flag or a bad pattern with the file and the fix", () => {
    const catalogue = catalogueFrom(data);
    expect(() => new Screener(catalogue, [{ file: "y.yaml", value: { lang: "ru", rules: [{ flag: "nope", match: ["a"], tests: { flag: ["a"] } }] } }])).toThrow(
      /y\.yaml rules\[0\] \(nope\).*screening-catalogue\.yaml/,
    );
    expect(() => new Screener(catalogue, [{ file: "z.yaml", value: { lang: "ru", rules: [{ flag: "fee", match: ["(unclosed"], tests: { flag: ["a"] } }] } }])).toThrow(
      /z\.yaml rules\[0\] \(fee\) match\[0\].*not a valid regular expression/,
    );
  });

  it("skips a rule whose except-context holds for the whole ad, and names an unknown context with the fix", () => {
    const catalogue = catalogueFrom(data);
    const files = [
      { file: "c.yaml", value: { lang: "any", contexts: { north: { any: ["\\bnorth\\w*"], none: ["\\bsouth\\w*"] } } } },
      { file: "r.yaml", value: { lang: "en", rules: [{ flag: "no-visa", negate: false, except: ["north"], match: ["\\bno visa\\b"], tests: { flag: ["no visa"] } }] } },
    ];
    const screener = new Screener(catalogue, files);
    expect(screener.analyse("Jobs up north. No visa.").flags).toEqual([]);
    expect(screener.analyse("Jobs in the south. No visa.").flags.map((f) => f.id)).toEqual(["no-visa"]);
    expect(screener.analyse("North office, work in the south, no visa").flags.map((f) => f.id)).toEqual(["no-visa"]);
    const unknown = [{ file: "u.yaml", value: { lang: "en", rules: [{ flag: "fee", except: ["east"], match: ["a"], tests: { flag: ["a"] } }] } }];
    expect(() => new Screener(catalogue, unknown)).toThrow(/u\.yaml rules\[0\] \(fee\): except names the context "east".*contexts:/);
  });

  it("reads Turkic negative verbs as word forms: the suffix must suit the stem, so Дубай is no negation", () => {
    const risk = (text: string) => screener.analyse(text).risk;
    expect(risk("Паспортыңызды аламыз")).toBe("high");
    // A real negation still cancels the flag; a place name with the same letters does not.
    expect(risk("Паспортыңызды алмаймыз")).toBe("low");
    expect(risk("Паспортуңузду албайбыз")).toBe("low");
    for (const ad of ["Барои духтарон кор дар Дубай ҳамчун модел", "Қыздарға Дубай модель жұмысы", "Кыздар үчүн Дубай модель жумушу"]) {
      expect(risk(ad), ad).toBe("high");
    }
  });

  it("expands \\b and \\w for every alphabet, outside and inside character classes", () => {
    const re = new RegExp(expandPattern("\\bпаспорт\\w*\\b"), "u");
    expect(re.test("ваш паспортыңыз")).toBe(true);
    expect(re.test("загранпаспорт")).toBe(false);
    expect(new RegExp(expandPattern("[\\w-]+"), "u").exec("(ҳаққи-хизмат)")?.[0]).toBe("ҳаққи-хизмат");
    expect(new RegExp(expandPattern("^[\\w-]+$"), "u").test("o'z-o'zi")).toBe(true);
  });
});
