import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadScreener } from "../../src/screening/data.ts";
import { evaluate, EvalItems, GOALS } from "../../src/screening/evaluate.ts";

const screener = loadScreener("flows");
const ids = (text: string): string[] => screener.analyse(text).flags.map((f) => f.id);

describe("job-ad analyser", () => {
  // The shared development set lives beside the checkout (as in CI), not in the repository.
  it.each([
    ["the project's own set", "test/screening/job-ads.yaml"],
    ...(existsSync("../shared/eval/job-ads.yaml") ? [["the shared development set", "../shared/eval/job-ads.yaml"]] : []),
  ])("meets the goals (recall at least 97 percent, false positives at most 5 percent) on %s", (_name, path) => {
    const raw = readFileSync(path!, "utf8");
    const items = EvalItems.parse(parse(raw));
    const report = evaluate(screener, items);
    const misses = report.misses.map((m) => `${m.item.label} → ${m.analysis.risk}: ${m.item.text}`);
    expect(report.recall, misses.join("\n")).toBeGreaterThanOrEqual(GOALS.recall);
    expect(report.falsePositiveRate, misses.join("\n")).toBeLessThanOrEqual(GOALS.falsePositiveRate);
  });

  it("own set: at least 60 ads, all six languages, Uzbek in both scripts, safe ads that mention passports and fees", () => {
    const items = EvalItems.parse(parse(readFileSync("test/screening/job-ads.yaml", "utf8")));
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.lang))).toEqual(new Set(["ru", "kk", "uz", "ky", "tg", "en"]));
    const uz = items.filter((i) => i.lang === "uz");
    expect(uz.some((i) => /\p{Script=Cyrillic}/u.test(i.text))).toBe(true);
    expect(uz.some((i) => /\p{Script=Latin}/u.test(i.text))).toBe(true);
    const traps = items.filter((i) => i.label === "safe" && /паспорт|passport|pasport|шиноснома|документ|fee|сбор|to‘lov|ақы|акы/i.test(i.text));
    expect(traps.length).toBeGreaterThanOrEqual(8);
  });

  it("quotes the words that raised each flag, from the original text", () => {
    const a = screener.analyse("Работа в Польше! Паспорт хранится у координатора. Предоплата за визу 400 евро.");
    expect(a.risk).toBe("high");
    expect(a.flags.find((f) => f.id === "documents-kept")).toMatchObject({ indicator: "document-retention", strength: "strong", evidence: "Паспорт хранится у координатора" });
    expect(a.flags.find((f) => f.id === "fee")?.evidence).toBe("Предоплата за визу 400 евро");
  });

  it("does not flag negations and reassurance", () => {
    expect(ids("We never keep your passport. No fees are charged to workers.")).toEqual([]);
    expect(ids("Документы остаются у вас, предоплату не берём.")).toEqual([]);
    expect(ids("Паспортыңызды ешқашан алмаймыз, қызмет ақысы алынбайды.")).toEqual([]);
    expect(ids("Pasportingiz o‘zingizda qoladi, hech qanday oldindan to‘lov yo‘q.")).toEqual([]);
    expect(ids("Паспортуңузду эч качан албайбыз.")).toEqual([]);
    expect(ids("Шиноснома дар назди худатон мемонад.")).toEqual([]);
  });

  it("reads Uzbek in both scripts with one set of rules", () => {
    const latin = screener.analyse("Pasportingiz brigadirda turadi, xizmat haqi 500 dollar oldindan.");
    const cyrillic = screener.analyse("Паспортингиз бригадирда туради, хизмат ҳақи 500 доллар олдиндан.");
    expect(cyrillic.flags.map((f) => f.id)).toEqual(latin.flags.map((f) => f.id));
    expect(cyrillic.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["documents-kept", "fee"]));
    expect(cyrillic.flags[0]?.evidence).toMatch(/^Паспортингиз/);
  });

  it("weighs flags: one weak flag stays low, two weak are medium, a strong one is high", () => {
    expect(screener.analyse("Срочно! Выезд завтра.").risk).toBe("low");
    expect(screener.analyse("Выезд завтра. Пишите только в WhatsApp.").risk).toBe("medium");
    expect(screener.analyse("Телефоны сдаются бригадиру.").risk).toBe("high");
    expect(screener.analyse("Электрик, трудовой договор, зарплата 400 000 тенге.")).toEqual({ risk: "low", score: 0, flags: [] });
  });

  it("finds tourist, visa-free and K-ETA entry, young women by photo, deferred pay, travel debt and hours", () => {
    expect(ids("Enter with K-ETA and start working")).toContain("tourist-entry");
    expect(ids("Кореяға турист ретінде кіресіз")).toContain("tourist-entry");
    expect(ids("Girls for a club in Dubai, send your photos")).toContain("women-by-photo");
    expect(ids("Музд дар охири мавсим дода мешавад")).toContain("deferred-pay");
    expect(ids("Жол киресин айлыгыңыздан кармап калабыз")).toContain("travel-debt");
    expect(ids("Работа по 14 часов без выходных")).toContain("extreme-hours");
  });

  it("recognises a pasted job ad, and not a short question", () => {
    expect(screener.looksLikeAd("Требуются рабочие на стройку в Москве, зарплата 200 000 рублей, проживание бесплатно, звоните +7 900 000 00 00")).toBe(true);
    expect(screener.looksLikeAd("Hiring farm workers in Poland, salary 1200 euro per month, accommodation provided, apply on WhatsApp")).toBe(true);
    expect(screener.looksLikeAd("Как продлить регистрацию?")).toBe(false);
    expect(screener.looksLikeAd("Я приехал из Узбекистана три дня назад и не знаю, где сделать регистрацию и сколько это стоит, подскажите пожалуйста")).toBe(false);
  });
});

describe("pasted ad or personal story", () => {
  it("a person's own story with job words is not taken for an ad", () => {
    expect(screener.looksLikeAd("Я работаю на стройке в Москве, мне не платят зарплату уже три месяца, работодатель забрал мой паспорт, что делать?")).toBe(false);
    expect(screener.looksLikeAd("I work on a farm in Korea, my employer does not pay my salary and keeps my passport, what should I do?")).toBe(false);
    expect(screener.looksLikeAd("Men Rossiyada qurilishda ishlayman, menga oylik bermayapti, pasportimni olib qo'yishdi, nima qilay?")).toBe(false);
  });
});

describe("negation across the languages of the region", () => {
  it("a rule that fires on a neighbour language's ad still reads that language's negation", () => {
    expect(ids("Туристік визамен жұмысқа бармаңыз")).toEqual([]);
    expect(ids("Туристтик виза менен иштөөгө болбойт")).toEqual([]);
    expect(ids("Туристик виза билан ишлаш мумкин эмас")).toEqual([]);
    expect(ids("Бо раводиди туристӣ кор кардан мумкин нест")).toEqual([]);
  });
});
