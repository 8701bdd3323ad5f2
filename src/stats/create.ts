import type { Config } from "../config/schema.ts";
import { RedisStore } from "../store/redis.ts";
import type { Store } from "../store/store.ts";
import { noStats, type StatsRecorder } from "./events.ts";
import { RedisStats } from "./redis-stats.ts";

const made = new WeakMap<Store, RedisStats>();

/**
 * The statistics of a store: counters in Redis, or nothing on the memory store (the console demo).
 * One per store, so the router, the cases service and the dashboard share it.
 */
export function statsFor(store: Store, config: Pick<Config, "STATS_RETENTION_DAYS" | "HOTLINE_TIMEZONE">): StatsRecorder {
  return redisStatsFor(store, config) ?? noStats;
}

/** The Redis statistics (recorder and reader), or null when the store is not Redis. */
export function redisStatsFor(store: Store, config: Pick<Config, "STATS_RETENTION_DAYS" | "HOTLINE_TIMEZONE">): RedisStats | null {
  if (!(store instanceof RedisStore)) return null;
  let stats = made.get(store);
  if (!stats) {
    stats = new RedisStats(store, { retentionDays: config.STATS_RETENTION_DAYS, timeZone: config.HOTLINE_TIMEZONE });
    made.set(store, stats);
  }
  return stats;
}
