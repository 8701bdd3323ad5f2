import type { Config } from "../config/schema.ts";
import type { Logger } from "../log.ts";
import { MemoryStore } from "./memory.ts";
import { RedisStore, redactUrl } from "./redis.ts";
import type { Store } from "./store.ts";
import { checkDatabase } from "./check-db.ts";

/**
 * The store the settings ask for: Redis when `REDIS_URL` is set (throws `RedisUnavailableError`
 * with the fix when it cannot be reached, `ConfigError` when its database number does not exist), otherwise memory — and then one log line says so,
 * because sessions in memory are lost on restart and not shared between processes.
 *
 * @example
 * const store = await createStore(loadConfig(), log);
 */
export async function createStore(
  config: Pick<Config, "REDIS_URL" | "REDIS_PREFIX">,
  log: Logger,
  options: { connectTimeoutMs?: number } = {},
): Promise<Store> {
  if (config.REDIS_URL) {
    const store = await RedisStore.connect({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, log, ...options });
    await checkDatabase(store.client, config.REDIS_URL).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    log.debug("store: redis", { url: redactUrl(config.REDIS_URL), prefix: config.REDIS_PREFIX });
    return store;
  }
  log.info("REDIS_URL is not set: sessions live in memory and are lost on restart (demo only)");
  return new MemoryStore();
}
