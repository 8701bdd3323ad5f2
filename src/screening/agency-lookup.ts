import type { EffectHandler } from "../engine/plugin.ts";
import type { Outbound } from "../core/messages.ts";
import type { AgencyDirectory } from "./agencies.ts";

/**
 * The `x-agency-lookup` effect: find the agency in the NGO's list and say what the list says
 * and when it was checked — or that it is not in the list, which alone proves nothing, and how
 * to check further. Never presents the list as an official registry.
 */
export function agencyLookupHandler(directory: AgencyDirectory): EffectHandler {
  return async (effect, ctx) => {
    const raw = (effect as { query?: unknown }).query;
    const query = typeof raw === "string" ? raw : "";
    const t = (id: string, args?: Record<string, string | number>): Outbound => ({ text: ctx.i18n.t(ctx.lang, id, args), keys: [id] });
    const result = await directory.lookup(query);
    if (result.list === "none") {
      ctx.reply(t("scr-agency-no-list"));
      return;
    }
    if (result.matches.length === 0) {
      ctx.reply(t("scr-agency-not-found", { query }));
      return;
    }
    const parts: string[] = [];
    const keys: string[] = [];
    if ((result.matches[0]?.score ?? 0) < 1) {
      parts.push(ctx.i18n.t(ctx.lang, "scr-agency-similar"));
      keys.push("scr-agency-similar");
    }
    for (const { agency } of result.matches) {
      keys.push(`scr-agency-status-${agency.status}`);
      parts.push(
        ctx.i18n.t(ctx.lang, "scr-agency-entry", {
          name: agency.name,
          bin: agency.bin || "—",
          status: ctx.i18n.t(ctx.lang, `scr-agency-status-${agency.status}`),
          note: agency.note || "—",
          source: agency.source,
          date: agency.date,
        }),
      );
    }
    parts.push(ctx.i18n.t(ctx.lang, "scr-agency-caveat"));
    keys.push("scr-agency-entry", "scr-agency-caveat");
    ctx.reply({ text: parts.join("\n\n"), keys });
  };
}
