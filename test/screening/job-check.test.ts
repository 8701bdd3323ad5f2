import { Outbox } from "../../src/outbox/outbox.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/app/load-content.ts";
import { allPlugins } from "../../src/app/create.ts";
import { loadConfig } from "../../src/config/load.ts";
import { Engine } from "../../src/engine/engine.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { ChannelRegistry } from "../../src/channels/channel.ts";
import { silentLogger } from "../../src/core/log.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { checkScreening } from "../../src/screening/plugin.ts";
import { loadScreener } from "../../src/screening/data.ts";
import { Talk } from "../support/engine.ts";
import { HandoffEffectSchema } from "../../src/cases/types.ts";

/** The pure engine over the real flows, texts and plugins (storage is not touched by a step). */
let engine: Engine;
let content: ReturnType<typeof loadContent>;
beforeAll(() => {
  const config = loadConfig({});
  const store = new MemoryStore();
  content = loadContent(config, (flows, i18n) => allPlugins({ config, flows, i18n, store, log: silentLogger, clock: { now: () => 0 }, delivery: new ChannelRegistry(), outbox: new Outbox({ store, log: silentLogger }) }));
  engine = new Engine({
    flows: content.flows,
    i18n: content.i18n,
    kinds: content.kinds,
    interceptors: content.plugins.flatMap((p) => p.interceptors ?? []),
    defaultLang: "ru",
    globals: { sessionDays: 30, retentionDays: 90, hotlinePhone: "+0", hotlineHours: "09:00-18:00", emergency: "112 (DEMO)" },
  });
});

function talk(lang: "ru" | "en" = "ru"): Talk {
  const t = new Talk(engine, lang);
  t.command("start");
  t.press(content.i18n.t(lang, "language-name"));
  return t;
}

const keys = (t: Talk) => Talk.keys(t.last);

describe("job-check flow", () => {
  it("content loads without problems, and the screening check finds none", () => {
    expect(content.problems.filter((p) => p.file.includes("screening") || p.file.includes("job-check"))).toEqual([]);
    expect(checkScreening(loadScreener("flows"), content.flows, content.i18n)).toEqual([]);
  });

  it("the screening check reports catalogue texts missing in a language", () => {
    const { i18n } = loadLocales("test/fixtures/engine/locales");
    const problems = checkScreening(loadScreener("flows"), content.flows, i18n);
    expect(problems.length).toBe(6);
    expect(problems[0]?.message).toMatch(/texts missing for the screening catalogue: .*scr-ind-deception/);
    expect(problems[0]?.fix).toMatch(/locales\/\w\w\/screening\.ftl/);
  });

  it("high risk offers a consultant first; the case gets reason job-check, urgent, and the answers", () => {
    const t = talk();
    t.press("Проверить предложение");
    t.press("уже работаю");
    t.press("Да"); // documents held
    t.press("Нет"); // not free to leave
    for (let i = 0; i < 6; i++) t.press("Нет");
    expect(keys(t)).toContain("scr-result-high");
    const result = t.last.at(-1)!;
    expect(result.text).toContain("🔴");
    expect(result.choices?.[0]?.label).toContain("Консультант сейчас");
    expect(t.session.vars).toMatchObject({ scr_risk: "high", w_docs: null, w_leave: null });
    expect(String(t.session.vars.scr_flags)).toBe("documents-kept,confined");
    t.press("Консультант сейчас");
    t.text("Паспорт у бригадира");
    t.press(2); // do not share the contact
    const handoff = t.effects.find((e) => e.type === "x-handoff");
    expect(handoff).toMatchObject({ type: "x-handoff", reason: "job-check", urgent: true });
    const summary = HandoffEffectSchema.parse(handoff).summary;
    expect(summary).toMatchObject({ scr_risk: "high", scr_flags: "documents-kept,confined" });
    expect(summary.scr_result).toContain("w_docs=yes");
    expect(summary.scr_result).toContain("w_leave=no");
  });

  it("one weak answer alone stays low; 'not sure' counts as weak", () => {
    const t = talk("en");
    t.press("Check a job offer");
    t.press("deciding");
    t.press("No"); // fee
    t.press("No"); // not abroad → no visa question
    t.press("Yes"); // contract
    t.press("Yes"); // language
    t.press("Yes"); // employer known
    t.press("Yes"); // pay too good (weak)
    t.press("No");
    t.press("No");
    expect(keys(t)).toContain("scr-result-low");
    expect(keys(t)).toContain("scr-flag-high-pay");

    t.press("Check again");
    t.press("deciding");
    t.press("Not sure"); // fee unsure (weak)
    t.press("No");
    t.press("Yes");
    t.press("Yes");
    t.press("Not sure"); // employer unsure (weak)
    t.press("No");
    t.press("No");
    t.press("No");
    expect(keys(t)).toContain("scr-result-medium");
    expect(t.last.at(-1)?.text).toContain("❔");
  });

  it("explains the indicators behind the flags with their ILO–EC dimensions", () => {
    const t = talk("en");
    t.press("Check a job offer");
    t.press("deciding");
    t.press("Yes"); // fee
    for (let i = 0; i < 8; i++) t.press(t.last.at(-1)?.choices?.find((c) => c.label === "Yes") ? "Yes" : 1);
    t.press("What these signs mean");
    const details = t.last.at(-1)!;
    expect(details.keys).toContain("scr-ind-debt-bondage");
    expect(details.text).toContain("Debt bondage — coercive recruitment, coercion at destination");
  });

  it("paste the offer: quotes the words, gives the level, invites the guided check, and keeps no ad text", () => {
    const t = talk();
    t.press("Проверить предложение");
    t.press("Вставить текст");
    const ad = "Работа в Корее! Летите по K-ETA. Паспорт хранится у координатора. Оплата в конце сезона.";
    t.text(ad);
    const reply = t.last[0]!;
    expect(reply.keys).toEqual(expect.arrayContaining(["scr-ad-risk-high", "scr-flag-documents-kept", "scr-ad-invite"]));
    expect(reply.text).toContain("«Паспорт хранится у координатора»");
    expect(reply.text).toContain("«Летите по K-ETA»");
    expect(Talk.keys(t.last)).toContain("scr-after-ad");
    expect(JSON.stringify(t.session)).not.toContain("координатора");
    expect(t.session.vars.scr_ad).toBeNull();
    expect(t.session.vars.scr_risk).toBe("high");
    t.press("Пройти проверку");
    expect(keys(t)).toContain("scr-q-fee");
  });

  it("an ad pasted at the main menu is recognised and answered, then the after-ad menu", () => {
    const t = talk("en");
    t.text("Hiring cleaners for hotels in Dubai, 14 hours a day, salary paid at the end of the contract, contact only via WhatsApp");
    expect(keys(t)).toEqual(expect.arrayContaining(["scr-ad-risk-high", "scr-after-ad"]));
    expect(t.session.stack.at(-1)).toEqual({ f: "job-check", n: "after-ad" });
    expect(JSON.stringify(t.session)).not.toContain("Dubai");
  });

  it("a short question at the main menu is not taken for an ad", () => {
    const t = talk();
    t.text("Как продлить регистрацию?");
    expect(keys(t).some((k) => k.startsWith("scr-ad"))).toBe(false);
  });

  it("agency check: the lookup is an effect; the query is not kept", () => {
    const t = talk();
    t.press("Проверить предложение");
    t.press("Проверить агентство");
    expect(keys(t)).toContain("scr-agency-ask");
    t.text("Фантазия Трэвел");
    expect(t.effects).toContainEqual({ type: "x-agency-lookup", query: "Фантазия Трэвел" });
    expect(t.session.vars.scr_agency).toBeNull();
    expect(keys(t)).toContain("scr-after-agency");
  });
});
