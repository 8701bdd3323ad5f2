import type { Cluster, Redis } from "ioredis";
import type { RedisStore } from "../store/redis.ts";
import type { StatsEvent, StatsRecorder } from "./events.ts";
import { dayKey, dayUsersKey, LocalCalendar, monthUsersKey, planSteps } from "./plan.ts";

/**
 * One script per call: KEYS day hash, day HLL, month HLL; ARGV ttl and the steps as one string of
 * lines "step TAB field-or-user TAB n" (one argument instead of three per step: the client's cost
 * is per argument; fields hold no control characters, `fieldPart`). `P` adds the user to both HLLs and opens the gate for the following `G` steps when the
 * day's HLL changed (a user's first message of the day, as far as a HyperLogLog can tell). Every
 * key's TTL is set to the retention, so a day's counters go `STATS_RETENTION_DAYS` after its last write.
 */
const RECORD = `
local ttl = ARGV[1]
local gate = false
for t, f, n in string.gmatch(ARGV[2], '([^\\t\\n]+)\\t([^\\t\\n]+)\\t([^\\t\\n]+)\\n') do
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

type Scripted = (Redis | Cluster) & { jolStats(day: string, dayUsers: string, monthUsers: string, ttlMs: string, steps: string): Promise<number> };

export interface RedisStatsOptions {
  /** Days the counters are kept (`STATS_RETENTION_DAYS`). */
  retentionDays: number;
  /** Days and hours are the hotline's (`HOTLINE_TIMEZONE`). */
  timeZone: string;
}

/** How often buffered counts are written: a crash loses at most this much of the aggregates. */
const FLUSH_MS = 1000;
/** Steps buffered before a write is made at once, whatever the time. */
const FLUSH_STEPS = 5000;

/**
 * Counts events into Redis. `record` only adds the events' steps to a buffer in this process (no
 * round trip on the message path, which calls it while it holds the user's lock); the buffer is
 * written every second, when it grows large, before any read, and on `flush` (the app's shutdown):
 * one script call per day for all the messages of that second.
 */
export class RedisStats implements StatsRecorder {
  readonly calendar: LocalCalendar;
  private readonly redis: Scripted;
  private readonly ttlMs: string;
  /** Steps waiting, by day (`day month`): the script lines in the order recorded. */
  private pending = new Map<string, string>();
  private pendingSteps = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

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
    let steps = "";
    let n = 0;
    for (const step of planSteps(events, hour)) {
      steps += step.t === "P" ? `P\t${step.user}\t0\n` : `${step.t}\t${step.field}\t${step.n}\n`;
      n++;
    }
    const key = `${day} ${month}`;
    this.pending.set(key, (this.pending.get(key) ?? "") + steps);
    this.pendingSteps += n;
    if (this.pendingSteps >= FLUSH_STEPS) void this.flush().catch(() => undefined);
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /**
   * Write what is buffered (one script call per day), after any write in progress. A failed write
   * puts its steps back for the next try, so a short Redis outage loses nothing.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingSteps = 0;
    const p = this.store.prefix;
    const write = this.writing.then(async () => {
      let failure: unknown;
      for (const [key, steps] of batch) {
        const [day, month] = key.split(" ") as [string, string];
        try {
          await this.redis.jolStats(p + dayKey(day), p + dayUsersKey(day), p + monthUsersKey(month), this.ttlMs, steps);
        } catch (error) {
          this.pending.set(key, steps + (this.pending.get(key) ?? ""));
          this.pendingSteps += 1;
          failure = error;
        }
      }
      if (failure !== undefined) throw failure;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Past days read lately (they change only by a case closed late or a straggler): kept 5 minutes. */
  private readonly past = new Map<string, { at: number; counts: Record<string, number> }>();

  /**
   * Each day's counters (days as `YYYY-MM-DD`), in one pipeline; days before `today` come from a
   * 5-minute cache when read lately (a year's overview then reads one day from Redis); no `today`: no cache.
   */
  async days(days: readonly string[], today = ""): Promise<Map<string, Record<string, number>>> {
    await this.flush();
    const now = Date.now();
    const wanted = days.filter((d) => {
      const hit = this.past.get(d);
      return !(hit && d < today && now - hit.at < 300_000);
    });
    if (wanted.length > 0) {
      const pipeline = this.store.client.pipeline();
      for (const day of wanted) pipeline.hgetall(this.store.prefix + dayKey(day));
      const results = (await pipeline.exec()) ?? [];
      if (this.past.size > 2000) this.past.clear();
      wanted.forEach((day, i) => {
        const raw = (results[i]?.[1] ?? {}) as Record<string, string>;
        const counts: Record<string, number> = {};
        for (const [field, value] of Object.entries(raw)) counts[field] = Number(value);
        this.past.set(day, { at: now, counts });
      });
    }
    return new Map(days.map((d) => [d, this.past.get(d)!.counts]));
  }

  /** Distinct users over some days (a union of the day HLLs) and in whole months, in one pipeline. */
  async uniques(groups: { days?: readonly string[]; months?: readonly string[] }[]): Promise<number[]> {
    await this.flush();
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
