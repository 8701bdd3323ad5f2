import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/app/check-content.ts";
import { loadConfig } from "../../src/config/load.ts";
import { engineFor } from "../../src/app/create.ts";
import { Talk } from "../support/engine.ts";

// Deep links from the information portal (`t.me/<bot>?start=kb-<id>_<lang>`) through the real
// engine, flows and texts, wired as `createApp` wires them.
const config = loadConfig({});
const content = checkContent(config);
const engine = engineFor(config, content);

describe("/start deep links from the portal", () => {
  it("opens the article in the page's language for a new user and records the portal as the source", () => {
    const t = new Talk(engine, "ru");
    const out = t.command("start", "kb-registration_uz");
    expect(t.session.lang).toBe("uz");
    expect(t.session.src).toBe("portal");
    expect(Talk.keys(out)).toEqual(["kb-registration-title", "kb-registration-short", "kb-checked"]);
    expect(out[0]!.text).toContain(content.i18n.t("uz", "kb-registration-title"));
    // "Back" from the article leads to the main menu.
    const back = t.press(content.i18n.t("uz", "choice-back"));
    expect(Talk.keys(back)).toContain("main-menu");
  });

  it("keeps the language a user chose and the source they first came from", () => {
    const t = new Talk(engine);
    t.command("start", "poster-bus");
    t.press(content.i18n.t("kk", "language-name"));
    const out = t.command("start", "kb-overstay_en");
    expect(t.session.lang).toBe("kk");
    expect(t.session.src).toBe("poster-bus");
    expect(out[0]!.text).toContain(content.i18n.t("kk", "kb-overstay-title"));
  });

  it("works typed as text (the WhatsApp link pre-fills it)", () => {
    const t = new Talk(engine);
    const out = t.text("/start kb-korea_ky");
    expect(t.session.lang).toBe("ky");
    expect(t.session.src).toBe("portal");
    expect(out[0]!.text).toContain(content.i18n.t("ky", "kb-korea-title"));
  });

  it("without a language suffix asks a new user for the language first", () => {
    const t = new Talk(engine);
    const out = t.command("start", "kb-korea");
    expect(t.session.lang).toBeUndefined();
    expect(t.session.src).toBe("portal");
    expect(Talk.keys(out)).toContain("language-choose");
  });

  it("of an unknown article shows the main menu", () => {
    const t = new Talk(engine);
    const out = t.command("start", "kb-no-such-thing_ru");
    expect(t.session.lang).toBe("ru");
    expect(Talk.keys(out)).toContain("main-menu");
    expect(Talk.keys(out)).not.toContain("kb-none");
  });

  it("job-check opens the job-offer check (the portal's red-flags page links it)", () => {
    const t = new Talk(engine);
    const out = t.command("start", "job-check_tg");
    expect(t.session.lang).toBe("tg");
    expect(t.session.src).toBe("portal");
    expect(Talk.keys(out)).toEqual(["scr-menu"]);
    const back = t.press(content.i18n.t("tg", "choice-back"));
    expect(Talk.keys(back)).toContain("main-menu");
  });
});
