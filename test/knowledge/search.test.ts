import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { KnowledgeSearch, audienceOf } from "../../src/knowledge/search.ts";
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
  it("calls a vague question close and names the one or two that came close to the best", () => {
    const found = kb.search.answer("работа");
    expect(found.kind).toBe("pick");
    const close = kb.search.closeTo(found.hits);
    expect(close[0]).toBe(found.hits[1]!.id);
    expect(close.length).toBeLessThanOrEqual(2);
    expect(kb.search.closeTo([])).toEqual([]);
  });
  it("ranks an article tied to a country low unless the question names that country", () => {
    // "Patent" is the Russia article's word too; a migrant in Kazakhstan means the permits here.
    expect(top("сколько стоит патент")).toBe("household-permit");
    expect(["household-permit", "work-permit"]).toContain(top("patent qancha turadi"));
    expect(top("патент в России для казахстанцев")).toBe("russia");
    expect(top("Можно ли работать по туристической визе?")).toBe("work-permit");
    expect(top("Можно ли работать по туристической визе в Польше?")).toBe("poland");
  });
  it("keeps a user asking about Kazakhstan there unless another country or 'abroad' is named", () => {
    const rankFor = (q: string) => kb.search.rank(q, { audience: "kz" }).map((h) => h.id);
    const plain = kb.search.rank("нужна ли виза для работы").map((h) => h.id);
    expect(plain.slice(0, 2)).toContain("going-abroad");
    expect(rankFor("нужна ли виза для работы").slice(0, 2)).not.toContain("going-abroad");
    expect(rankFor("нужна ли виза для работы за границей")[0]).toBe("going-abroad");
    expect(audienceOf("uz")).toBe("kz");
    expect(audienceOf("ru")).toBeUndefined();
    expect(audienceOf("ru", true)).toBe("kz");
  });
  it("knows the short names migrants use (РВП, ВНЖ, ИИН, ЕАЭС, МРП)", () => {
    expect(top("ВНЖ как получить")).toBe("trp");
    expect(top("RVP qanday olinadi")).toBe("trp");
    expect(top("Нужен ли ИИН для работы?")).toBe("work-permit");
    expect(top("Гражданину ЕАЭО нужно разрешение на работу?")).toBe("work-permit");
    expect(top("штраф 10 АЕК за что")).toBe("overstay");
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
  it("catch a taken passport and violence in many wordings in every language (the real lists)", () => {
    const real = new DangerWords(kb.meta.danger);
    const wordings: Record<string, string[]> = {
      ru: ["работодатель отобрал у меня паспорт", "хозяин не отдаёт паспорт", "начальник держит мой паспорт", "нас заперли в общежитии", "угрожают если уйду"],
      kk: ["жұмыс беруші паспортымды алып қойды", "төлқұжатымды бермей жатыр", "қожайын паспортымды бермейді", "мені ұрып жатыр"],
      uz: ["ish beruvchi pasportimni olib qoldi", "иш берувчи паспортимни олиб қолди", "pasportimni olib qo'ydi", "xo'jayin pasportimni bermayapti", "pasportimni qaytarmayapti", "bizni qamab qo'yishdi"],
      ky: ["паспортумду алып калды", "жумуш берүүчү паспортумду бербей жатат", "мени уруп жатышат"],
      tg: ["корфармо шиносномаамро гирифт", "шиносномаамро намедиҳад", "соҳибкор паспортамро гирифт", "маро мезананд"],
      en: ["my boss took my passport", "the employer keeps my passport", "he won't give my passport back", "they locked us in"],
    };
    for (const [lang, list] of Object.entries(wordings)) for (const text of list) expect(real.match(text), `${lang}: ${text}`).not.toEqual([]);
  });
  it("let a word with a trailing * match the words that begin with it, in either script", () => {
    const prefixed = new DangerWords({ uz: ["pasport* olib qold*"] });
    expect(prefixed.match("иш берувчи паспортимни олиб қолди")).toEqual(["pasport* olib qold*"]);
    expect(prefixed.match("pasportimni olib qoldi")).toEqual(["pasport* olib qold*"]);
    // Future tense in a job ad ("we will keep your passport") is not a cry for help.
    expect(prefixed.match("pasportingizni olib qolamiz")).toEqual([]);
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
