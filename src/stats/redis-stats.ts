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
local users = false
for t, f, n in string.gmatch(ARGV[2], '([^\\t\\n]+)\\t([^\\t\\n]+)\\t([^\\t\\n]+)\\n') do
  if t == 'P' then
    gate = redis.call('PFADD', KEYS[2], f) == 1
    redis.call('PFADD', KEYS[3], f)
    users = true
  elseif t == 'H' or gate then
    redis.call('HINCRBY', KEYS[1], f, n)
  end
end
redis.call('PEXPIRE', KEYS[1], ttl)
if users then
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return 1`;

/**
 * One day's buffered steps, summed: the plain counters by field, and per user the counters their
 * first message of the day opens. A user's second `P` in one buffer is dropped with its `G`
 * steps, exactly as the script would: the HyperLogLog already holds them, so PFADD says
 * "unchanged" and the gate stays shut. The script then does one HINCRBY per field and two PFADDs
 * per user for all the messages of a second, not per message.
 */
interface DayBuffer {
  counts: Map<string, number>;
  users: Map<string, Map<string, number>>;
}

const bump = (counts: Map<string, number>, field: string, n: number): void => void counts.set(field, (counts.get(field) ?? 0) + n);

/** Add `later` to `earlier` (what `later` holds was recorded after it). */
function merge(earlier: DayBuffer, later: DayBuffer): DayBuffer {
  for (const [field, n] of later.counts) bump(earlier.counts, field, n);
  for (const [user, gated] of later.users) if (!earlier.users.has(user)) earlier.users.set(user, gated);
  return earlier;
}

/** The script's lines for a buffer. */
function lines(buffer: DayBuffer): string {
  let out = "";
  for (const [field, n] of buffer.counts) out += `H\t${field}\t${n}\n`;
  for (const [user, gated] of buffer.users) {
    out += `P\t${user}\t0\n`;
    for (const [field, n] of gated) out += `G\t${field}\t${n}\n`;
  }
  return out;
}

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
  /** Steps waiting, by day (`day month`), summed. */
  private pending = new Map<string, DayBuffer>();
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
    const key = `${day} ${month}`;
    let buffer = this.pending.get(key);
    if (!buffer) this.pending.set(key, (buffer = { counts: new Map(), users: new Map() }));
    // The counters a `P` opens; null: the gate is shut (no P yet, or the user's P came before).
    let gated: Map<string, number> | null = null;
    for (const step of planSteps(events, hour)) {
      this.pendingSteps++;
      if (step.t === "P") {
        gated = buffer.users.has(step.user) ? null : new Map();
        if (gated) buffer.users.set(step.user, gated);
      } else if (step.t === "H") bump(buffer.counts, step.field, step.n);
      else if (gated) bump(gated, step.field, step.n);
    }
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
      for (const [key, buffer] of batch) {
        const [day, month] = key.split(" ") as [string, string];
        try {
          await this.redis.jolStats(p + dayKey(day), p + dayUsersKey(day), p + monthUsersKey(month), this.ttlMs, lines(buffer));
        } catch (error) {
          const later = this.pending.get(key);
          this.pending.set(key, later ? merge(buffer, later) : buffer);
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
