import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { KnowledgeSearch } from "../../src/knowledge/search.ts";
import { DangerWords } from "../../src/knowledge/danger.ts";
import { ask } from "../../src/knowledge/ask.ts";
import type { KnowledgeBase } from "../../src/knowledge/articles.ts";
import type { KnowledgeMeta } from "../../src/knowledge/metadata.ts";

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});
const top = (q: string) => kb.search.rank(q)[0]?.id;

describe("search over the real articles", () => {
  it("finds an article from a question in any of the six languages", () => {
    expect(top("сколько дней можно находиться в Казахстане")).toBe("stay-rules");
    expect(top("қандас мәртебесін қалай алуға болады")).toBe("kandas");
    expect(top("Koreyaga ishlashga borish")).toBe("korea");
    expect(top("паспортумду бербей жатат")).toBe("documents-taken");
    expect(top("маошамро намедиҳанд")).toBe("unpaid-wages");
    expect(top("how to check a recruitment agency")).toBe("agency-check");
  });
  it("reads Russian typed in Latin letters", () => {
    expect(top("skolko dney mozhno byt v Kazakhstane")).toBe("stay-rules");
    expect(top("ne platyat zarplatu")).toBe("unpaid-wages");
  });
  it("reads Uzbek in Cyrillic as well as in Latin", () => {
    expect(top("Қозоғистонда визасиз қанча кун туриш мумкин")).toBe("stay-rules");
  });
  it("tolerates typos", () => {
    expect(top("просрочил срок пребывания штарф")).toBe("overstay");
    expect(top("registraton after arrival")).toBe("registration");
  });
  it("uses synonym groups of the metadata", () => {
    // "менты" and "общага" are not in any text; the synonym groups lead to police and dormitory.
    expect(top("пришли менты в общагу")).toBe("inspections");
  });
  it("answers directly when one article is clearly best", () => {
    const found = kb.search.answer("забрали паспорт на работе");
    expect(found.kind).toBe("answer");
    expect(found.hits[0]!.id).toBe("documents-taken");
  });
  it("offers three articles for a vague question", () => {
    const found = kb.search.answer("работа");
    expect(found.kind).toBe("pick");
    expect(found.hits.length).toBeGreaterThanOrEqual(3);
  });
  it("says nothing fits for an unrelated question", () => {
    expect(kb.search.answer("погода завтра в Алматы").kind).toBe("none");
    expect(kb.search.answer("где купить плов").kind).toBe("none");
  });
});

describe("the search mechanisms on a small hand-made base", () => {
  const meta: KnowledgeMeta = {
    articles: [
      { id: "a", section: "coming", related: [], sources: ["x"], keywords: { ru: ["ключ"] } },
      { id: "b", section: "coming", related: [], sources: ["x"], keywords: {} },
    ],
    synonyms: [["зарплата", "получка"]],
    danger: {},
    common: ["Казахстан"],
  };
  const texts: Record<string, string> = { "a:title": "Регистрация мигрантов в Казахстане", "b:title": "Зарплата и оплата труда" };
  const search = new KnowledgeSearch(meta, (lang, id, part) => (lang === "ru" ? (texts[`${id}:${part}`] ?? "") : ""));
  it("indexes keywords", () => {
    expect(search.rank("ключ")[0]?.id).toBe("a");
  });
  it("expands a synonym to the word the text uses", () => {
    expect(search.rank("получка")[0]?.id).toBe("b");
  });
  it("matches a word form by prefix", () => {
    expect(search.rank("регистрационный")[0]?.id).toBe("a");
  });
  it("lets the common words of the metadata weigh little", () => {
    // "Казахстан" is in the title of a; "оплата" decides.
    expect(search.rank("оплата в Казахстане")[0]?.id).toBe("b");
  });
  it("returns nothing for a question of stopwords only", () => {
    expect(search.rank("что как где")).toEqual([]);
  });
});

describe("danger words", () => {
  const danger = new DangerWords({ ru: ["забрали паспорт", "бьют", "не выпускают"], en: ["~help", "SOS"], uz: ["pasportimni olib qo'yishdi"] });
  it("match in any word order and word form", () => {
    expect(danger.match("паспорт забрал хозяин")).toEqual(["забрали паспорт"]);
    expect(danger.match("нас бьют каждый день")).toEqual(["бьют"]);
    expect(danger.match("меня не выпускают с фермы")).toEqual(["не выпускают"]);
    expect(danger.match("sos!!!")).toEqual(["SOS"]);
  });
  it("match Russian typed in Latin letters and one typo in long words", () => {
    expect(danger.match("zabrali pasport")).toEqual(["забрали паспорт"]);
    expect(danger.match("pasportimni olib qoyishdi")).toEqual(["pasportimni olib qo'yishdi"]);
  });
  it("need every word of a phrase", () => {
    expect(danger.match("паспорт")).toEqual([]);
    expect(danger.match("меня выпускают в выходные")).toEqual([]);
  });
  it("can skip weak entries (where a typed answer is expected)", () => {
    expect(danger.match("kitchen help wanted")).toEqual(["help"]);
    expect(danger.match("kitchen help wanted", true)).toEqual([]);
    expect(danger.match("бьют", true)).toEqual(["бьют"]);
  });
  it("are read from the metadata for all six languages", () => {
    const real = new DangerWords(kb.meta.danger);
    expect(real.match("меня бьют")).not.toEqual([]);
    expect(real.match("мені ұрады")).not.toEqual([]);
    expect(real.match("meni urishyapti")).not.toEqual([]);
    expect(real.match("мени уруп жатат")).not.toEqual([]);
    expect(real.match("маро мезананд")).not.toEqual([]);
    expect(real.match("they beat me")).not.toEqual([]);
    expect(real.match("как встать на учёт")).toEqual([]);
  });
});

describe("ask (jol ask --json)", () => {
  it("gives exactly the agreed keys, the answer in the asked language", () => {
    const result = ask(kb, "skolko dney mozhno", "uz");
    expect(Object.keys(result).sort()).toEqual(["alternatives", "id", "score", "text", "title"]);
    expect(result.id).toBe("stay-rules");
    expect(result.title).toBe(kb.title("uz", "stay-rules"));
    expect(result.text).toContain("90");
    expect(typeof result.score).toBe("number");
    expect(result.alternatives.length).toBeLessThanOrEqual(2);
    for (const alt of result.alternatives) expect(Object.keys(alt).sort()).toEqual(["id", "score"]);
  });
  it("gives id null when nothing fits", () => {
    const result = ask(kb, "погода завтра в Алматы", "en");
    expect(result.id).toBeNull();
    expect(result.text).toBe(kb.message("en", "kb-none"));
  });
  it("puts the offer of human help first when the question has danger words", () => {
    const result = ask(kb, "забрали паспорт", "ru", new DangerWords(kb.meta.danger));
    expect(result.id).toBe("documents-taken");
    expect(result.text.startsWith(kb.message("ru", "kb-danger"))).toBe(true);
  });
});
