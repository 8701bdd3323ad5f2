// STUB — being implemented in the engine commit.
import type { App } from "./app.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../store/store.ts";
import type { Clock } from "../engine/types.ts";
import type { Logger } from "../log.ts";

export interface CreateAppOptions {
  /** Settings; default: read from the environment. */
  config?: Config;
  /** Storage; default: Redis when REDIS_URL is set, else memory. */
  store?: Store;
  clock?: Clock;
  log?: Logger;
}

/**
 * Load flows and texts (failing with file, line and fix on any problem), build the store,
 * plugins, engine and router. Channels are added by the caller (`jol start`, tests).
 *
 * @example
 * const app = await createApp({ store: await testStore("telegram") });
 * const channel = createTelegramChannel(app); app.channels.add(channel); await channel.start();
 */
export async function createApp(_options: CreateAppOptions = {}): Promise<App> {
  throw new Error("createApp is being implemented");
}
