import type { Cluster, Redis } from "ioredis";
import type { RedisStore } from "../store/redis.ts";
import type { StatsEvent, StatsRecorder } from "./events.ts";
import { dayKey, dayUsersKey, LocalCalendar, monthUsersKey, planSteps } from "./plan.ts";

/**
 * One script per call: KEYS day hash, day HLL, month HLL; ARGV ttl, then triples (step, field or
 * user, n). `P` adds the user to both HLLs and opens the gate for the following `G` steps when the
 * day's HLL changed (a user's first message of the day, as far as a HyperLogLog can tell). Every
 * key's TTL is set to the retention, so a day's counters go `STATS_RETENTION_DAYS` after its last write.
 */
const RECORD = `
local ttl = ARGV[1]
local gate = false
for i = 2, #ARGV, 3 do
  local t, f, n = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if t == 'P' then
    gate = redis.call('PFADD', KEYS[2], f) == 1
    redis.call('PFADD', KEYS[3], f)
    redis.call('PEXPIRE', KEYS[2], ttl)
    redis.call('PEXPIRE', KEYS[3], ttl)
  elseif t == 'H' or gate then
    redis.call('HINCRBY', KEYS[1], f, n)
  end
end
redis.call('PEXPIRE', KEYS[1], ttl)
return 1`;

type Scripted = (Redis | Cluster) & { jolStats(day: string, dayUsers: string, monthUsers: string, ...args: string[]): Promise<number> };

export interface RedisStatsOptions {
  /** Days the counters are kept (`STATS_RETENTION_DAYS`). */
  retentionDays: number;
  /** Days and hours are the hotline's (`HOTLINE_TIMEZONE`). */
  timeZone: string;
}

/** Counts events into Redis (one script call, one round trip, per `record`). */
export class RedisStats implements StatsRecorder {
  readonly calendar: LocalCalendar;
  private readonly redis: Scripted;
  private readonly ttlMs: string;

  constructor(
    private readonly store: RedisStore,
    options: RedisStatsOptions,
  ) {
    this.calendar = new LocalCalendar(options.timeZone);
    this.ttlMs = String(options.retentionDays * 86_400_000);
    if (!("jolStats" in store.client)) store.client.defineCommand("jolStats", { numberOfKeys: 3, lua: RECORD });
    this.redis = store.client as Scripted;
  }

  async record(events: readonly StatsEvent[], at = Date.now()): Promise<void> {
    if (events.length === 0) return;
    const { day, month, hour } = this.calendar.at(at);
    const args: string[] = [this.ttlMs];
    for (const step of planSteps(events, hour)) {
      if (step.t === "P") args.push("P", step.user, "0");
      else args.push(step.t, step.field, String(step.n));
    }
    const p = this.store.prefix;
    await this.redis.jolStats(p + dayKey(day), p + dayUsersKey(day), p + monthUsersKey(month), ...args);
  }

  /** Each day's counters (days as `YYYY-MM-DD`), in one pipeline. */
  async days(days: readonly string[]): Promise<Map<string, Record<string, number>>> {
    const pipeline = this.store.client.pipeline();
    for (const day of days) pipeline.hgetall(this.store.prefix + dayKey(day));
    const results = (await pipeline.exec()) ?? [];
    const out = new Map<string, Record<string, number>>();
    days.forEach((day, i) => {
      const raw = (results[i]?.[1] ?? {}) as Record<string, string>;
      const counts: Record<string, number> = {};
      for (const [field, value] of Object.entries(raw)) counts[field] = Number(value);
      out.set(day, counts);
    });
    return out;
  }

  /** Distinct users over some days (a union of the day HLLs) and in whole months, in one pipeline. */
  async uniques(groups: { days?: readonly string[]; months?: readonly string[] }[]): Promise<number[]> {
    const pipeline = this.store.client.pipeline();
    const p = this.store.prefix;
    for (const g of groups) {
      const keys = [...(g.days ?? []).map((d) => p + dayUsersKey(d)), ...(g.months ?? []).map((m) => p + monthUsersKey(m))];
      pipeline.pfcount(keys.length ? keys : [p + dayUsersKey("none")]);
    }
    const results = (await pipeline.exec()) ?? [];
    return groups.map((_, i) => Number(results[i]?.[1] ?? 0));
  }
}
