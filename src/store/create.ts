import type { Config } from "../config/schema.ts";
import type { Logger } from "../core/log.ts";
import { describeTarget, redisTarget, type RedisSettings } from "./client.ts";
import { MemoryStore } from "./memory.ts";
import { Redis } from "ioredis";
import { RedisStore } from "./redis.ts";
import type { Store } from "./store.ts";
import { checkDatabase } from "./check-db.ts";

/**
 * The store the settings ask for: Redis when `REDIS_URL`, `REDIS_SENTINELS` or
 * `REDIS_CLUSTER_NODES` is set (throws `RedisUnavailableError` with the fix when it cannot be
 * reached, `ConfigError` when the URL's database number does not exist), otherwise memory — and then one log line says so, because sessions in memory are
 * lost on restart and not shared between processes.
 *
 * @example
 * const store = await createStore(loadConfig(), log);
 */
export async function createStore(
  config: RedisSettings & Pick<Config, "REDIS_PREFIX"> & Partial<Pick<Config, "REDIS_WAIT_REPLICAS" | "REDIS_WAIT_TIMEOUT_MS">>,
  log: Logger,
  options: { connectTimeoutMs?: number; failFast?: boolean } = {},
): Promise<Store> {
  const target = redisTarget(config);
  if (target) {
    const store = await RedisStore.connect({
      target,
      prefix: config.REDIS_PREFIX,
      log,
      ...(config.REDIS_WAIT_REPLICAS ? { waitReplicas: config.REDIS_WAIT_REPLICAS } : {}),
      ...(config.REDIS_WAIT_TIMEOUT_MS ? { waitTimeoutMs: config.REDIS_WAIT_TIMEOUT_MS } : {}),
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      // A person at a terminal is told at once that Redis went away; the bot waits it out instead.
      ...(options.failFast ? { redis: { maxRetriesPerRequest: 2 } } : {}),
    });
    if (target.mode === "single" && store.client instanceof Redis) {
      await checkDatabase(store.client, target.url).catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
    }
    log.debug("store: redis", { mode: describeTarget(target), prefix: config.REDIS_PREFIX });
    return store;
  }
  log.info("REDIS_URL is not set: sessions live in memory and are lost on restart (demo only)");
  return new MemoryStore();
}
