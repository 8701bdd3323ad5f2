import { describe, expect, it } from "vitest";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { Localizer } from "../../src/i18n/localizer.ts";
import { loadFile } from "../../src/engine/load-flows.ts";
import { KindRegistry, coreKinds } from "../../src/engine/kinds.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import type { CheckProblem } from "../../src/core/check-problem.ts";
import { LANGS, type Lang } from "../../src/core/lang.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { ARTICLE_PARTS, REQUIRED_ARTICLES, messageId, parseKnowledgeMeta } from "../../src/knowledge/metadata.ts";
import { checkKnowledge } from "../../src/knowledge/check.ts";
import { checkContent } from "../../src/app/check-content.ts";
import { loadConfig } from "../../src/config/load.ts";

const kb = loadKnowledgeBase();
const { i18n } = loadLocales("locales");
const contacts = { hotlinePhone: "+7 700 000 00 00", hotlineHours: "09:00-18:00", emergency: "112" };

describe("article texts", () => {
  it("has every required article", () => {
    const ids = kb.meta.articles.map((a) => a.id);
    for (const id of REQUIRED_ARTICLES) expect(ids, id).toContain(id);
  });

  it("renders every part of every article in every language without Fluent errors", () => {
    for (const article of kb.meta.articles) {
      for (const lang of LANGS) {
        for (const part of ARTICLE_PARTS) {
          const id = messageId(article.id, part);
          expect(i18n.has(lang, id), `${lang}: ${id}`).toBe(true);
          const errors: Error[] = [];
          const text = i18n.t(lang, id, contacts, errors);
          expect(errors.map(String), `${lang}: ${id}`).toEqual([]);
          expect(text.trim().length, `${lang}: ${id}`).toBeGreaterThan(0);
          expect(text, `${lang}: ${id}`).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
        }
      }
    }
  });

  it("keeps the short answer to about one phone screen", () => {
    for (const article of kb.meta.articles) {
      for (const lang of LANGS) expect(kb.shortText(lang, article.id).length, `${lang}: ${article.id}`).toBeLessThan(900);
    }
  });

  it("shows the checked-on date and the contacts from the settings, never from the texts", () => {
    const shown = kb.shortText("ru", "hotline");
    expect(shown).toContain("26.11.2026");
    expect(shown).toContain("+7 000 000 00 00 (DEMO");
    // No article text carries a phone number of its own.
    for (const lang of LANGS) {
      for (const article of kb.meta.articles) {
        for (const part of ARTICLE_PARTS) expect(i18n.t(lang, messageId(article.id, part), { hotlinePhone: "", hotlineHours: "", emergency: "" }), `${lang} ${article.id}`).not.toMatch(/\+\d|\d{3}[ -]\d{3}[ -]\d{2}[ -]\d{2}/);
      }
    }
  });

  it("states the registration rule in force today (from 2026-07-01: register yourself within 30 days) and whom it concerns", () => {
    expect(kb.shortText("ru", "registration")).toContain("30 календарных дней");
    const en = kb.shortText("en", "registration");
    expect(en).toContain("Since 1 July 2026, citizens of the countries with the 90-day visa-free regime, including Russia, Belarus, Armenia and Kyrgyzstan (EAEU), register themselves");
    // The host's old duty is not declared gone for everyone: for other countries it is unconfirmed.
    const details = i18n.t("en", messageId("registration", "details"), contacts);
    expect(details).not.toMatch(/no longer applies/);
    expect(details).toContain("For EAEU citizens it is now their own duty");
  });

  // ../shared/FACTS.md, "Workers from EAEU states" (Treaty on the EAEU, art. 97): no work permit.
  const EAEU: Record<Lang, string> = { ru: "ЕАЭС", kk: "ЕАЭО", uz: "YeOII", ky: "ЕАЭБ", tg: "ИАОА", en: "EAEU" };

  it("puts the EAEU rule on the first screen of every article it concerns, in every language", () => {
    for (const id of ["stay-rules", "registration", "work-permit", "household-permit", "going-abroad"]) {
      for (const lang of LANGS) expect(kb.shortText(lang, id), `${lang}: ${id}`).toContain(EAEU[lang]);
    }
    expect(kb.shortText("en", "work-permit")).toContain("may work in Kazakhstan without a work permit");
    expect(kb.shortText("en", "going-abroad")).not.toMatch(/^Do not work on a tourist visa or a visa-free entry\.$/m);
  });

  it("says which state helps victims of trafficking", () => {
    const KZ: Record<Lang, string> = { ru: "Казахстан", kk: "Қазақстан", uz: "Qozog'iston", ky: "Казакстан", tg: "Қазоқистон", en: "Kazakhstan" };
    for (const lang of LANGS) {
      for (const id of ["documents-taken", "trafficking-signs"]) {
        const details = i18n.t(lang, messageId(id, "details"), contacts);
        const line = details.split("\n").find((l) => /171|жаңы документтер|new documents|новые документы|жаңа құжаттар|yangi hujjatlar|ҳуҷҷатҳои нав/.test(l)) ?? "";
        expect(line, `${lang}: ${id}`).toContain(KZ[lang]);
      }
    }
  });
});

describe("checks of `jol flows check`", () => {
  it("finds no problem in the real content", { timeout: 60_000 }, () => {
    const { problems } = checkContent(loadConfig({}));
    const mine = problems.filter((p) => /knowledge|coming|abroad/.test(p.file));
    expect(mine).toEqual([]);
  });

  const yaml = `spec: 1
data: knowledge
value:
  articles:
    - id: one
      section: coming
      reviewed: "2026-11-26"
      related: [two, ghost]
      sources: [somewhere]
    - id: two
      section: abroad
      related: []
      sources: []
  danger:
    ru: [бьют]
    uz: ["pasport* olib qold*", "ol* pasport"]
`;
  function check(texts: Partial<Record<Lang, string>>): CheckProblem[] {
    const flows: FlowSet = { flows: new Map(), data: new Map() };
    const problems: CheckProblem[] = [];
    loadFile("flows/knowledge.yaml", yaml, new KindRegistry(coreKinds), flows, problems);
    expect(problems).toEqual([]);
    const meta = parseKnowledgeMeta(flows.data.get("knowledge")!.value);
    const sources = new Map<Lang, string[]>(LANGS.map((l) => [l, [texts[l] ?? ""]]));
    return checkKnowledge(meta, flows, new Localizer(sources));
  }
  const full = (id: string) => ARTICLE_PARTS.map((p) => `${messageId(id, p)} = x`).join("\n");

  it("reports texts missing in a language, with the file to add them to", () => {
    const texts = Object.fromEntries(LANGS.map((l) => [l, `${full("one")}\n${full("two")}`])) as Record<Lang, string>;
    texts.ky = full("two");
    const problems = check(texts);
    const missing = problems.find((p) => p.message.includes("one") && p.message.includes("ky"));
    expect(missing?.line).toBe(5);
    expect(missing?.fix).toContain("locales/ky/knowledge.ftl");
  });
  it("reports unknown related ids, missing sources and a missing reviewed date, each at its line", () => {
    const texts = Object.fromEntries(LANGS.map((l) => [l, `${full("one")}\n${full("two")}`]));
    const problems = check(texts);
    expect(problems.find((p) => p.message.includes('"ghost"'))?.line).toBe(8);
    expect(problems.find((p) => p.message.includes('"two" has no sources'))?.line).toBe(10);
    expect(problems.find((p) => p.message.includes('"two" has no reviewed date'))?.line).toBe(10);
    expect(problems.some((p) => p.message.includes('required article "stay-rules"'))).toBe(true);
    expect(problems.find((p) => p.message.includes("no danger words for kk"))?.severity).toBe("warning");
  });
  it("reports a danger word with * after too few letters, at its line", () => {
    const texts = Object.fromEntries(LANGS.map((l) => [l, `${full("one")}\n${full("two")}`]));
    const problems = check(texts).filter((p) => p.message.startsWith("danger entry"));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('"ol*"');
    expect(problems[0]!.line).toBe(16);
    expect(problems[0]!.fix).toContain("three letters");
  });
});
