import type { App } from "./app.ts";
import type { Config } from "../config/schema.ts";
import { loadConfig } from "../config/load.ts";
import type { Store } from "../store/store.ts";
import { createStore } from "../store/create.ts";
import { systemClock, type Clock } from "../core/clock.ts";
import { type GlobalArgName } from "../i18n/global-args.ts";
import { createLogger, setLogTagSecret, type Logger } from "../core/log.ts";
import { ChannelRegistry } from "../channels/channel.ts";
import { Engine } from "../engine/engine.ts";
import { DefaultRouter } from "../router/default-router.ts";
import { Outbox } from "../outbox/outbox.ts";
import { createSendLimiter, limitsFor } from "../outbox/limiter.ts";
import { createPlugins } from "./plugins.ts";
import { createBroadcastPlugin } from "../broadcast/plugin.ts";
import { ContentError, loadContent, type Content } from "./load-content.ts";
import type { Plugin } from "../engine/plugin.ts";
import type { HostPlugin } from "./host-plugin.ts";
import type { PluginDeps } from "./deps.ts";
import { redisStatsFor, statsFor } from "../stats/create.ts"; // statistics (issue 16)
import { webSignInPlugin } from "../web/signin-plugin.ts"; // dashboard sign-in (issue 16)

export interface CreateAppOptions {
  /** Settings; default: read from the environment. */
  config?: Config;
  /** Storage; default: Redis when REDIS_URL is set, else memory. */
  store?: Store;
  clock?: Clock;
  log?: Logger;
  /** Redis commands fail after a few reconnection attempts instead of waiting (the console commands). */
  failFast?: boolean;
  /** `false`: the outbox sends without pacing (benchmarks against a stand-in that does not rate limit). */
  pace?: false;
}

const DAY = 86_400_000;

/**
 * Load flows and texts (failing with file, line and fix on any problem), build the store,
 * plugins, engine and router. Channels are added by the caller (`jol start`, tests).
 *
 * @example
 * const app = await createApp({ store: await testStore("telegram") });
 * const channel = createTelegramChannel(app); app.channels.add(channel); await channel.start();
 */
export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? createLogger({ level: config.LOG_LEVEL });
  setLogTagSecret(config.LOG_TAG_SECRET);
  const clock = options.clock ?? systemClock;
  const channels = new ChannelRegistry();
  const store = options.store ?? (await createStore(config, log, options.failFast ? { failFast: true } : {}));

  // Replies, relays and alerts wait in the durable outbox; the channels running in this process send them.
  const outbox = new Outbox({
    store,
    log,
    deliver: (to, messages) => channels.send(to, messages),
    canDeliver: (channel) => channels.get(channel) !== undefined,
    calls: (to, messages) => channels.get(to.channel)?.calls?.(messages) ?? messages.length,
    ...(options.pace === false ? {} : { limiter: createSendLimiter(store, limitsFor(config)) }),
    onBlocked: (to) => router.markBlocked(to),
  });
  const content = loadContent(config, (flows, i18n) => {
    const deps: PluginDeps = { config, flows, i18n, store, log, clock, delivery: channels, outbox };
    // The dashboard's `/web` sign-in command (issue 16), only when the dashboard runs.
    return [...allPlugins(deps), ...(config.WEB_PORT ? [webSignInPlugin(deps)] : [])];
  });
  const errors = content.problems.filter((p) => (p.severity ?? "error") === "error");
  if (errors.length > 0) {
    await outbox.stop();
    if (!options.store) await store.close();
    throw new ContentError(errors);
  }
  const { flows, i18n, plugins } = content;

  const engine = engineFor(config, content);
  const router: DefaultRouter = new DefaultRouter({
    engine,
    store,
    plugins,
    i18n,
    log,
    clock,
    outbox,
    defaultLang: config.DEFAULT_LANG,
    sessionTtlMs: config.SESSION_TTL_DAYS * DAY,
    stats: statsFor(store, config), // statistics (issue 16)
  });

  let closed = false;
  return {
    config,
    log,
    store,
    i18n,
    flows,
    router,
    outbox,
    engine,
    channels,
    userLang: (address) => router.userLang(address),
    plugins,
    clock,
    telegramExtensions: plugins.flatMap((p) => (p.telegram ? [p.telegram] : [])),
    async close() {
      if (closed) return;
      closed = true;
      await router.stop();
      await outbox.stop();
      for (const plugin of plugins) await plugin.stop?.();
      // The counts buffered in this process (at most a second's worth) are written before Redis goes.
      await redisStatsFor(store, config)?.flush().catch((error: unknown) => log.warn("statistics not written at shutdown", { error: String(error) }));
      await store.close();
    },
  };
}

/** The engine over loaded content, with the plugins' free-text handlers and deep links. */
export function engineFor(config: Config, content: Content & { plugins: Plugin[] }): Engine {
  return new Engine({
    flows: content.flows,
    i18n: content.i18n,
    kinds: content.kinds,
    interceptors: content.plugins.flatMap((p) => p.interceptors ?? []),
    resumes: content.plugins.flatMap((p) => (p.resume ? [p.resume] : [])),
    startLinks: content.plugins.flatMap((p) => p.startLinks ?? []),
    defaultLang: config.DEFAULT_LANG,
    globals: globalArgs(config),
  });
}

/** Every plugin: the broadcast subscriptions plus the domain modules. */
export function allPlugins(deps: PluginDeps): HostPlugin[] {
  // alerts (issue 14): the broadcast plugin runs the alert sender on the channels this process runs.
  const running = deps.delivery instanceof ChannelRegistry ? deps.delivery : undefined;
  return [createBroadcastPlugin({ ...deps, canSend: (channel) => !running || running.get(channel) !== undefined }), ...createPlugins(deps)];
}

/** Fluent arguments every message may use: contacts and retention figures come from settings, never from texts. */
export function globalArgs(config: Config): Record<Exclude<GlobalArgName, "channel">, string | number> {
  return {
    hotlinePhone: config.HOTLINE_PHONE,
    hotlineHours: config.HOTLINE_HOURS,
    emergency: config.EMERGENCY_CONTACTS,
    sessionDays: config.SESSION_TTL_DAYS,
    retentionDays: config.CASE_RETENTION_DAYS,
  };
}

