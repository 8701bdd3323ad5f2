/** The Cloud transport's settings and `jol whatsapp templates`. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config/load.ts";
import { templatesReport } from "../../../src/channels/whatsapp-cloud/templates.ts";
import { loadLocales } from "../../../src/i18n/load-locales.ts";
import { LANGS } from "../../../src/core/lang.ts";

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe("WhatsApp Cloud settings", () => {
  it("cloud without its settings names each missing variable", () => {
    const found = problems({ WHATSAPP_TRANSPORT: "cloud" });
    for (const key of ["WHATSAPP_CLOUD_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"]) {
      expect(found.some((p) => p.startsWith(`${key}: expected`))).toBe(true);
    }
  });

  it("refuses the web transport and cloud on one number, and a webhook port the ops server uses", () => {
    const env = { WHATSAPP_TRANSPORT: "cloud", WHATSAPP_CLOUD_TOKEN: "EAAtoken0123456789abcdef", WHATSAPP_PHONE_NUMBER_ID: "1234567890", WHATSAPP_APP_SECRET: "0123456789abcdef", WHATSAPP_VERIFY_TOKEN: "verify-me" };
    expect(problems(env)).toEqual([]);
    expect(problems({ ...env, WHATSAPP_ENABLED: "1" })).toEqual([expect.stringMatching(/^WHATSAPP_ENABLED: expected 0/)]);
    expect(problems({ ...env, OPS_PORT: "8081" })).toEqual([expect.stringMatching(/^OPS_PORT: expected a port other than WHATSAPP_WEBHOOK_PORT/)]);
  });

  it("reads templates per language with an optional Meta language code, and refuses an unknown language", () => {
    expect(loadConfig({ WHATSAPP_TEMPLATES: "ru=jol_message, en=jol_message@en_US" }).WHATSAPP_TEMPLATES).toEqual({
      ru: { name: "jol_message", code: "ru" },
      en: { name: "jol_message", code: "en_US" },
    });
    expect(problems({ WHATSAPP_TEMPLATES: "de=jol_message" })).toEqual([expect.stringMatching(/^WHATSAPP_TEMPLATES: expected a comma-separated list/)]);
  });

  it("jol whatsapp templates prints the body to submit in all six languages and which are configured", () => {
    const { i18n, problems: localeProblems } = loadLocales("locales");
    expect(localeProblems).toEqual([]);
    const report = templatesReport({ WHATSAPP_TEMPLATES: { ru: { name: "jol_message", code: "ru" } }, HOTLINE_STAFF_LANG: "en" }, i18n);
    for (const lang of LANGS) expect(report).toContain(`[${lang}] `);
    for (const lang of LANGS) expect(report).toContain(i18n.t(lang, "wa-cloud-template-body"));
    expect(report).toContain(`[ru] ${i18n.t("en", "wa-cloud-templates-configured", { name: "jol_message", code: "ru" })}`);
    expect(report).toContain(`[kk] ${i18n.t("en", "wa-cloud-templates-missing")}`);
  });
});
