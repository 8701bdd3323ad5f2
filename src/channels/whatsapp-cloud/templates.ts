import { LANGS } from "../../core/lang.ts";
import type { Config } from "../../config/schema.ts";
import type { Localizer } from "../../i18n/localizer.ts";

/**
 * What `jol whatsapp templates` prints: how to submit the templates (in the staff language), then
 * per language the body to submit and whether WHATSAPP_TEMPLATES names an approved one. The
 * bodies come from `wa-cloud-template-body` in each language's locale. Pure.
 */
export function templatesReport(config: Pick<Config, "WHATSAPP_TEMPLATES" | "WHATSAPP_ALERT_TEMPLATES" | "HOTLINE_STAFF_LANG">, i18n: Localizer): string {
  const staff = config.HOTLINE_STAFF_LANG;
  const lines: string[] = [];
  const section = (intro: string, templates: Config["WHATSAPP_TEMPLATES"], body: string) => {
    lines.push(i18n.t(staff, intro), "");
    for (const lang of LANGS) {
      const template = templates?.[lang];
      const state = template ? i18n.t(staff, "wa-cloud-templates-configured", { name: template.name, code: template.code }) : i18n.t(staff, "wa-cloud-templates-missing");
      lines.push(`[${lang}] ${state}`, `  ${i18n.t(lang, body)}`, "");
    }
  };
  section("wa-cloud-templates-intro", config.WHATSAPP_TEMPLATES, "wa-cloud-template-body");
  section("wa-cloud-alert-templates-intro", config.WHATSAPP_ALERT_TEMPLATES, "wa-cloud-alert-template-body");
  return lines.join("\n");
}
