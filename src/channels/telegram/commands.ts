import type { Api } from "grammy";
import { LANGS, type Lang } from "../../core/lang.ts";
import type { Localizer } from "../../i18n/localizer.ts";

/** The commands Jol offers in Telegram's "/" menu, in menu order. Their texts are `tg-cmd-<name>`. */
export const COMMANDS = ["start", "menu", "language", "help", "human", "stop", "forget"] as const;

/** The command list in one language, descriptions from Fluent (`telegram.ftl`). */
export function commandList(i18n: Localizer, lang: Lang): Array<{ command: string; description: string }> {
  return COMMANDS.map((command) => ({ command, description: i18n.t(lang, `tg-cmd-${command}`) }));
}

/**
 * Register the command menu in each of the six languages (Telegram shows the one matching the
 * user's app language) and, for every other app language, in `fallback`.
 */
export async function registerCommands(api: Api, i18n: Localizer, fallback: Lang): Promise<void> {
  for (const lang of LANGS) await api.setMyCommands(commandList(i18n, lang), { language_code: lang });
  await api.setMyCommands(commandList(i18n, fallback));
}
