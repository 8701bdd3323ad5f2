import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/app/check-content.ts";
import { loadConfig } from "../../src/config/load.ts";
import { engineFor, globalArgs } from "../../src/app/create.ts";
import { createKnowledgePlugin } from "../../src/knowledge/plugin.ts";
import { Talk } from "../support/engine.ts";
import { systemClock } from "../../src/core/clock.ts";
import { newSession } from "../../src/engine/session.ts";
import type { Effect } from "../../src/engine/types.ts";
import type { Outbound } from "../../src/core/messages.ts";

// The knowledge module inside the real engine with the real flows and texts (no storage needed:
// the engine step is pure).
const config = loadConfig({});
const content = checkContent(config);
const engine = engineFor(config, content);

function talk(lang = "ru"): Talk {
  const t = new Talk(engine);
  t.command("start");
  t.press(content.i18n.t(lang as "ru", "language-name"));
  expect(t.session.lang).toBe(lang);
  return t;
}

describe("danger words", () => {
  it("offer immediate human help, note the matched words and mark the handoff urgent", () => {
    const t = talk();
    const out = t.text("хозяин забрал паспорт и бьёт");
    expect(Talk.keys(out)).toEqual(["kb-danger"]);
    expect(out[0]!.text).toContain(config.HOTLINE_PHONE);
    expect(String(t.session.vars.danger)).toContain("забрали паспорт");
    expect(t.session.vars.kb_article).toBe("documents-taken");
    const next = t.press(1);
    expect(Talk.keys(next)).toContain("case-describe-ask");
    expect(t.session.vars.handoff_reason).toBe("danger");
    expect(t.session.vars.handoff_urgent).toBe(true);
  });

  it("inside the consultant flow only note the words, so the case becomes urgent", () => {
    const t = talk();
    t.command("human");
    const out = t.text("меня бьют, забрали паспорт");
    expect(Talk.keys(out)).not.toContain("kb-danger");
    expect(String(t.session.vars.danger)).toContain("забрали паспорт");
  });

  it("come before the search even at an article", () => {
    const t = talk("en");
    t.text("how long can I stay");
    expect(Talk.keys(t.text("SOS"))).toEqual(["kb-danger"]);
  });
});

describe("free-text answers", () => {
  it("answer in the user's language whatever language the question is in", () => {
    const t = talk("kk");
    const out = t.text("сколько дней можно находиться");
    expect(Talk.keys(out)).toContain("kb-stay-rules-short");
    expect(out[0]!.text).toContain(content.i18n.t("kk", "kb-stay-rules-title"));
  });

  it("replace the article on screen when another question is typed at it, so Back still leads out", () => {
    const t = talk();
    t.press(1); // Coming to Kazakhstan
    t.text("что такое рвп");
    expect(t.session.vars.kb_article).toBe("trp");
    t.text("не платят зарплату");
    expect(t.session.vars.kb_article).toBe("unpaid-wages");
    expect(Talk.keys(t.press("⬅️"))).toContain("kb-coming-title");
  });

  it("send 'Ask a consultant' to the consultant flow with the article as the reason", () => {
    const t = talk();
    t.text("как проверить агентство");
    const out = t.press(content.i18n.t("ru", "kb-btn-consultant"));
    expect(Talk.keys(out)).toContain("case-describe-ask");
    expect(t.session.vars.handoff_reason).toBe("article");
    expect(t.session.vars.kb_article).toBe("agency-check");
  });

  it("show the best of a close call and offer the others as 'Did you mean…'", () => {
    const t = talk();
    const first = t.text("нужен ли патент");
    const best = String(t.session.vars.kb_article);
    const others = String(t.session.vars.kb_also).split(",");
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(others).not.toContain(best);
    expect(Talk.keys(first)).toEqual([`kb-${best}-title`, `kb-${best}-short`, "kb-checked", "kb-also"]);
    // The buttons: details, then the close ones in place of the related articles.
    const out = t.press(content.i18n.t("ru", `kb-${others[0]}-title`));
    expect(Talk.keys(out)).toContain(`kb-${others[0]}-short`);
    expect(Talk.keys(out)).not.toContain("kb-also");
    // Back returns to the best answer, now without the offer.
    expect(Talk.keys(t.press("⬅️"))).toEqual([`kb-${best}-title`, `kb-${best}-short`, "kb-checked"]);
  });

  it("answer about Kazakhstan for a user in 'Coming to Kazakhstan' unless another country is named", () => {
    const question = "нужна ли виза для работы";
    const atMain = talk();
    atMain.text(question);
    expect(atMain.session.vars.kb_article).toBe("work-permit");
    expect(String(atMain.session.vars.kb_also)).toContain("going-abroad");
    const coming = talk();
    coming.press(content.i18n.t("ru", "main-coming"));
    coming.text(question);
    expect(coming.session.vars.kb_article).toBe("work-permit");
    expect(coming.session.vars.kb_also).toBeNull();
    coming.text("нужна ли виза для работы в Корее");
    expect(coming.session.vars.kb_article).toBe("korea");
  });

  it("answer a user who writes Uzbek about Kazakhstan", () => {
    const t = talk("uz");
    t.text("ishlash uchun viza kerakmi");
    expect(t.session.vars.kb_article).toBe("work-permit");
    expect(String(t.session.vars.kb_also ?? "")).not.toContain("going-abroad");
  });
});

describe("danger words before a language is chosen", () => {
  const address = { channel: "console" as const, id: "x" };
  const sent = (effects: Effect[]) => effects.flatMap((e) => (e.type === "send" ? [e.message as Outbound] : []));
  it("send the hotline contacts in the platform's language and note the words, then ask for the language (inside the step)", () => {
    // "SOS, beat" does not show its language: the engine asks for it, after the contacts.
    const inbound = { address, messageId: "1", input: { kind: "text" as const, text: "SOS, beat" }, langHint: "en" };
    const out = engine.step(newSession(0), inbound, systemClock);
    const replies = sent(out.effects);
    expect(replies.map((r) => r.keys?.[0])).toEqual(["kb-danger", "language-choose"]);
    expect(replies[0]!.text).toContain(config.HOTLINE_PHONE);
    expect(replies[0]!.text).toContain(content.i18n.t("en", "kb-danger", globalArgs(config)).split("\n")[0]!);
    expect(String(out.session.vars.danger)).toContain("SOS");
    expect(out.session.lang).toBeUndefined();
  });
  it("leave a message whose language shows to the engine, which answers in it (danger first)", () => {
    const inbound = { address, messageId: "1", input: { kind: "text" as const, text: "help, they beat me" }, langHint: "ru" };
    const out = engine.step(newSession(0), inbound, systemClock);
    expect(out.session.lang).toBe("en");
    expect(out.session.vars.danger).toContain("beat me");
    expect(sent(out.effects).filter((r) => r.keys?.includes("kb-danger"))).toHaveLength(1);
  });
  it("stay quiet once a language is chosen (the interceptor answers then)", () => {
    const inbound = { address, messageId: "1", input: { kind: "text" as const, text: "меня бьют" } };
    const out = engine.step({ ...newSession(0), lang: "ru" }, inbound, systemClock);
    expect(sent(out.effects).filter((r) => r.keys?.includes("kb-danger"))).toHaveLength(1);
  });
});

describe("createKnowledgePlugin", () => {
  it("adds nothing but a check that says why when the metadata is missing", () => {
    const plugin = createKnowledgePlugin({
      config,
      flows: { flows: new Map(), data: new Map() },
      i18n: content.i18n,
    });
    expect(plugin.kinds).toBeUndefined();
    expect(plugin.interceptors).toBeUndefined();
    const problems = plugin.check!({ flows: new Map(), data: new Map() }, content.i18n);
    expect(problems[0]?.message).toContain("knowledge.yaml is missing");
  });
});
