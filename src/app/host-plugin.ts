import type { Bot } from "grammy";
import type { Plugin } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";

/**
 * The app's whole view of a domain module: the engine's part (`Plugin`: node kinds,
 * interceptors, deep links, checks), the router's part (`PluginEffects`: effect handlers, inbound
 * hook, prefetch), and what only the host runs: background work and the Telegram wiring.
 * Modules never import this: they return objects of this shape (docs/architecture.md, "Layers").
 */
export interface HostPlugin extends Plugin, PluginEffects {
  /** Background work (schedulers, queues) started by `jol start` after the channels, stopped before them. */
  start?(): void | Promise<void>;
  stop?(): Promise<void>;
  /**
   * Handlers this module adds to the Telegram bot beyond the migrant chat (the cases module's
   * staff-group desk). `createApp` puts them into `app.telegramExtensions`; the Telegram channel
   * calls them with its `Bot` before starting.
   */
  telegram?: (bot: Bot) => void;
}
