import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { LANGS } from "../../src/core/lang.ts";
import { matchLang } from "../../src/i18n/localizer.ts";

function locales(files: Partial<Record<(typeof LANGS)[number], string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "jol-locales-"));
  for (const lang of LANGS) {
    mkdirSync(join(dir, lang));
    writeFileSync(join(dir, lang, "x.ftl"), files[lang] ?? "hello = Hello\nitems = { $n ->\n    [one] { $n } item\n   *[other] { $n } items\n}\n");
  }
  return dir;
}

describe("locales", () => {
  it("render with variables and plurals, without isolation marks", () => {
    const { i18n, problems } = loadLocales(locales({}));
    expect(problems).toEqual([]);
    expect(i18n.t("en", "items", { n: 1 })).toBe("1 item");
    expect(i18n.t("en", "items", { n: 5 })).toBe("5 items");
  });

  it("report a Fluent syntax error with file and line", () => {
    const dir = locales({ kk: "hello = Сәлем\nbroken = { $n\nitems = x\n" });
    const { problems } = loadLocales(dir);
    const syntax = problems.find((p) => p.message.startsWith("Fluent syntax"))!;
    expect(syntax.file).toContain("kk/x.ftl");
    expect(syntax.line).toBe(2);
    expect(syntax.fix).toBeTruthy();
  });

  it("report a message missing in some languages, naming them and where to add it", () => {
    const { problems } = loadLocales(locales({ ru: "hello = Привет\nitems = x\nextra = Только по-русски\n" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('message "extra" is missing in kk, uz, ky, tg, en');
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.fix).toContain("kk/x.ftl");
  });

  it("report a variable nothing passes, which the user would see raw, with the line and the right name", () => {
    const items = "items = { $n ->\n    [one] { $n } item\n   *[other] { $n } items\n}\n";
    const { problems } = loadLocales(locales({ kk: `hello = Телефон: { $hotlinePhon }\n${items}`, ru: `hello = Привет\nitems = { $m ->\n    [one] { $m } штука\n   *[other] { $m } штук\n}\n` }));
    const typo = problems.find((p) => p.message.includes("$hotlinePhon "))!;
    expect(typo.file).toContain("kk/x.ftl");
    expect(typo.line).toBe(1);
    expect(typo.fix).toBe("write { $hotlinePhone }");
    // A variable the message's other languages do not use: they all use $n.
    const other = problems.find((p) => p.message.includes('"items" in ru'))!;
    expect(other.message).toContain("{ $m }");
    expect(other.line).toBe(2);
    expect(other.fix).toBe("write { $n }");
    expect(problems).toHaveLength(2);
  });

  it("accept the variables every message gets and those all languages of a message use", () => {
    const { problems } = loadLocales(locales({ en: "hello = Call { $hotlinePhone } ({ $channel })\nitems = { $n } items\n" }));
    expect(problems).toEqual([]);
  });

  it("fall back to Russian, then the id, for a missing message at run time", () => {
    const { i18n } = loadLocales(locales({ tg: "items = x\n" }));
    expect(i18n.t("tg", "hello")).toBe("Hello");
    expect(i18n.t("tg", "nothing-here")).toBe("nothing-here");
  });

  it("every core message exists in every language of the real texts", () => {
    const { i18n } = loadLocales("locales");
    for (const id of i18n.ids("ru").filter((id) => !id.startsWith("-"))) {
      for (const lang of LANGS) expect(i18n.has(lang, id), `${lang}:${id}`).toBe(true);
    }
  });

  it("speak of buttons in /help on Telegram only (the console and WhatsApp have numbered lists)", () => {
    const { i18n } = loadLocales("locales");
    for (const lang of LANGS) {
      const console = i18n.t(lang, "help-text", { channel: "console" });
      expect(console, lang).not.toBe(i18n.t(lang, "help-text", { channel: "telegram" }));
      expect(i18n.t(lang, "help-text", { channel: "whatsapp" }), lang).toBe(console);
    }
    expect(i18n.t("en", "help-text", { channel: "console" })).not.toMatch(/button/i);
    expect(i18n.t("ru", "help-text", { channel: "console" })).not.toMatch(/кнопк/i);
  });
});

describe("language hints", () => {
  it("map platform codes to our languages", () => {
    expect(matchLang("uz-UZ")).toBe("uz");
    expect(matchLang("ru")).toBe("ru");
    expect(matchLang("kk")).toBe("kk");
    expect(matchLang("de")).toBeUndefined();
    expect(matchLang(undefined)).toBeUndefined();
  });
});
