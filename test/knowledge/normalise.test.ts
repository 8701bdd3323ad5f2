import { describe, expect, it } from "vitest";
import { fold, latinToRussian } from "../../src/knowledge/translit.ts";
import { genericTerm, indexTerm, isStopword, queryVariants, queryWords, tokenize } from "../../src/knowledge/normalise.ts";
import { isStopwordLoose } from "../../src/knowledge/stopwords.ts";

/** Whether a question word can meet a text word of `lang` in the index. */
const meets = (question: string, text: string, lang: Parameters<typeof indexTerm>[1]) => queryVariants(question).includes(indexTerm(text, lang));

describe("fold: one loose Latin spelling for every script", () => {
  it("brings Russian in Latin letters to the same spelling as Cyrillic", () => {
    expect(fold("дней")).toBe(fold("dney"));
    expect(fold("можно")).toBe(fold("mozhno"));
    expect(fold("регистрация")).toBe(fold("registratsiya"));
    expect(fold("жильё")).toBe(fold("zhilyo"));
  });
  it("brings Uzbek Cyrillic and Latin together, apostrophe letters included", () => {
    expect(fold("рўйхат")).toBe(fold("ro'yxat"));
    expect(fold("ro‘yxat")).toBe(fold("ro'yxat"));
    expect(fold("ғишт")).toBe(fold("g'isht"));
    expect(fold("қанча")).toBe(fold("qancha"));
    expect(fold("ҳужжат")).toBe(fold("hujjat"));
  });
  it("maps the Kazakh, Kyrgyz and Tajik letters", () => {
    expect(fold("қандас")).toBe("kandas");
    expect(fold("өмүр")).toBe("omur");
    expect(fold("ҷарима")).toBe("jarima");
    expect(fold("іңәұү")).toBe("inau");
  });
  it("collapses doubled letters, which people drop when typing fast", () => {
    expect(fold("пасспорт")).toBe(fold("паспорт"));
  });
});

describe("latinToRussian", () => {
  it("reads Russian typed in Latin letters", () => {
    expect(latinToRussian("skolko")).toBe("сколко");
    expect(latinToRussian("dney")).toBe("дней");
    expect(latinToRussian("mozhno")).toBe("можно");
    expect(latinToRussian("zarplatu")).toBe("зарплату");
    expect(latinToRussian("dobryy")).toBe("добрый");
  });
  it("refuses words with letters transliteration never uses", () => {
    expect(latinToRussian("qo'rqitish1")).toBeUndefined();
    expect(latinToRussian("ñandú")).toBeUndefined();
  });
});

describe("stems and suffixes", () => {
  it("stems Russian with Snowball, also when typed in Latin letters", () => {
    expect(meets("зарплату", "зарплата", "ru")).toBe(true);
    expect(meets("zarplatu", "зарплата", "ru")).toBe(true);
    expect(meets("prosrochil", "просрочил", "ru")).toBe(true);
    expect(meets("паспорта", "паспорт", "ru")).toBe(true);
  });
  it("stems English with Snowball", () => {
    expect(meets("wages", "wage", "en")).toBe(true);
    expect(meets("registered", "register", "en")).toBe(true);
  });
  it("strips Turkic and Tajik suffixes so that word forms meet", () => {
    expect(genericTerm("ro'yxatdan")).toBe(genericTerm("ro'yxat"));
    expect(genericTerm("pasportimni")).toBe(genericTerm("pasport"));
    expect(genericTerm("кеңесшімен")).toBe(genericTerm("кеңесші"));
    expect(genericTerm("ҳуҷҷатҳоро")).toBe(genericTerm("ҳуҷҷат"));
    expect(meets("Қозоғистонда", "Qozog'istonda", "uz")).toBe(true);
    // A four-letter stem under two suffixes of two letters (possessive + locative).
    expect(genericTerm("vizasida")).toBe(genericTerm("viza"));
  });
  it("never strips a word below four letters", () => {
    expect(genericTerm("ishga").length).toBeGreaterThanOrEqual(4);
    expect(genericTerm("kun")).toBe("kun");
  });
});

describe("tokenize and stopwords", () => {
  it("splits words, keeps numbers, joins short hyphenated parts", () => {
    expect(tokenize("K-ETA, E-9 и 90/180 дней!")).toEqual(["keta", "eta", "e9", "9", "90", "180", "дней"]);
    expect(tokenize("o'zbekcha so'z")).toEqual(["o'zbekcha", "so'z"]);
  });
  it("drops question words in every language and script", () => {
    for (const word of ["что", "chto", "как", "what", "qanday", "қалай", "кантип", "чӣ", "сколько"]) expect(isStopword(word), word).toBe(true);
    expect(isStopword("паспорт")).toBe(false);
  });
  it("keeps an abbreviation whose folding with doubled letters collapsed would be a stopword", () => {
    // "ИИН" would fold to "in" (the Tajik "ин", the English "in"); stopwords keep doubled letters.
    expect(isStopword("иин")).toBe(false);
    expect(queryWords("нужен ли ИИН").map((w) => w.word)).toEqual(["иин"]);
    expect(isStopword("ин")).toBe(true);
  });
  it("drops a stopword with one vowel mistyped, but not a topic word that looks like one", () => {
    expect(isStopwordLoose(fold("можна"))).toBe(true);
    expect(isStopwordLoose(fold("қандас"))).toBe(false);
  });
  it("gives every question word its readings, without stopwords", () => {
    const words = queryWords("skolko dney mozhno byt v Kazakhstane");
    expect(words.map((w) => w.word)).toEqual(["dney", "kazakhstane"]);
    expect(words[0]!.variants).toContain(indexTerm("дней", "ru"));
  });
});
