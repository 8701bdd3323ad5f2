import type { Config } from "../config/schema.ts";
import type { HostPlugin } from "../app/host-plugin.ts";
import type { Store } from "../store/store.ts";
import { LINK_TTL_MS, WebAuth } from "./auth.ts";

/** The dashboard's address for sign-in links: WEB_PUBLIC_URL, else http://WEB_HOST:WEB_PORT/. */
export function webBaseUrl(config: Pick<Config, "WEB_PUBLIC_URL" | "WEB_HOST" | "WEB_PORT">): string {
  const base = config.WEB_PUBLIC_URL ?? `http://${config.WEB_HOST}:${config.WEB_PORT}/`;
  return base.endsWith("/") ? base : `${base}/`;
}

/**
 * `/web` in a private Telegram chat from an operator or admin (TELEGRAM_OPERATOR_IDS /
 * TELEGRAM_ADMIN_IDS): the bot answers with a one-time dashboard link, valid 10 minutes. From
 * anyone else the command goes on to the engine like any unknown command.
 */
export function webSignInPlugin(deps: { config: Config; store: Store }): HostPlugin {
  const auth = new WebAuth(deps.store, deps.config);
  return {
    name: "web-signin",
    inbound: async (inbound, ctx) => {
      if (inbound.address.channel !== "telegram" || inbound.input.kind !== "command" || inbound.input.name !== "web") return "continue";
      const token = await auth.createLink(Number(inbound.address.id));
      if (!token) return "continue";
      ctx.reply({
        text: ctx.i18n.t(ctx.lang, "web-link-message", { url: `${webBaseUrl(deps.config)}signin/${token}`, minutes: LINK_TTL_MS / 60_000 }),
        keys: ["web-link-message"],
      });
      return "handled";
    },
  };
}
