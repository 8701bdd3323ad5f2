import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LanguageWords } from "../../src/i18n/guess-lang.ts";

const real = new LanguageWords((parse(readFileSync("flows/languages.yaml", "utf8")) as { value: unknown }).value);

describe("language names typed as a choice", () => {
  it("choose the language whatever language or script names it", () => {
    const names = { uz: "uz", "Ўзбек": "uz", "o‘zbek": "uz", "қазақ": "kk", "Кыргызча!": "ky", "тоҷикӣ": "tg", "на русском": "ru", English: "en" };
    for (const [text, lang] of Object.entries(names)) expect(real.named(text), text).toBe(lang);
  });
  it("take only a whole message: a question that mentions a language is not a choice", () => {
    expect(real.named("uz tilida yozing iltimos")).toBeUndefined();
    expect(real.named("русский язык нужен для работы?")).toBeUndefined();
  });
});

describe("greetings", () => {
  it("recognise a message that is only a greeting, in each of the six languages", () => {
    expect(real.greeting("Здравствуйте!")).toEqual(["ru"]);
    expect(real.greeting("Привет всем")).toEqual(["ru"]);
    expect(real.greeting("Сәлем")).toEqual(["kk"]);
    expect(real.greeting("Assalomu alaykum, aka")).toEqual(["uz"]);
    expect(real.greeting("Саламатсызбы")).toEqual(["ky"]);
    expect(real.greeting("Рӯз ба хайр")).toEqual(["tg"]);
    expect(real.greeting("hello there")).toEqual(["en"]);
    // A word of two languages names both; the guess is left to the letters or the menu.
    expect(real.greeting("Салом")?.sort()).toEqual(["tg", "uz"]);
  });
  it("do not take a greeting followed by a question for a greeting", () => {
    expect(real.greeting("Здравствуйте, у меня забрали паспорт")).toBeUndefined();
    expect(real.greeting("всем")).toBeUndefined();
    expect(real.greeting("")).toBeUndefined();
  });
});

describe("guessing the language of a first message", () => {
  it("tells each language by its letters and common words", () => {
    const questions: Array<[string, string]> = [
      ["Можно ли работать по туристической визе?", "ru"],
      ["skolko dney mozhno byt v Kazakhstane", "ru"],
      ["туристік визамен жұмыс істеуге бола ма", "kk"],
      ["patent qancha turadi", "uz"],
      ["иш берувчи паспортимни олиб қолди", "uz"],
      ["туристтик виза менен иштесе болобу", "ky"],
      ["патент чанд пул аст", "tg"],
      ["how much is the patent", "en"],
    ];
    for (const [text, lang] of questions) expect(real.guess(text), text).toBe(lang);
  });
  it("says nothing when nothing or a tie tells", () => {
    expect(real.guess("SOS")).toBeUndefined();
    expect(real.guess("2")).toBeUndefined();
    expect(real.guess("Салом")).toBeUndefined();
  });
  it("gives an empty set of words for data of the wrong shape, never a crash", () => {
    const broken = new LanguageWords({ langs: { xx: {} } });
    expect(LanguageWords.parse({ langs: { xx: {} } })).toBeUndefined();
    expect(broken.guess("Здравствуйте")).toBeUndefined();
    expect(broken.named("ru")).toBeUndefined();
  });
});
