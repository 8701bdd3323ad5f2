import { Cluster, type ChainableCommander, type Command, type Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../core/log.ts";
import { createRedisClient, describeTarget, redactUrl, type RedisTarget } from "./client.ts";
import { CrossSlotError, hashTag, keySlot } from "./slot.ts";
import type { BatchOp, BatchOptions, Store } from "./store.ts";
import { checkTtl } from "./ttl.ts";

/** Replace `expected` by `value` only if the key still holds it (ARGV[1] "1": the key must not exist). */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
end
return 1`;

/** Delete the key only if it holds ARGV[1] (release a lock only if it is still ours). */
const DELETE_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * `Store.batch`, compactly: KEYS are the batch's distinct keys; ARGV is, per operation, its name,
 * the index of its key in KEYS, then only the arguments that operation has (`ARITY`; `setToFirst`
 * carries its source key's index). Few arguments keep the client's encoding cheap: a message's
 * commit is about 60 arguments instead of 130. Results are strings, because a Lua table with nil
 * in it is cut short on its way back: "v<value>" a value, "n" nothing (or skipped), "1"/"0" done
 * or not.
 */
const BATCH = `
local arity = { index = 2, get = 0, zfirst = 0, lfirst = 0, delete = 0, ifAbsent = 2, ifPresent = 1, ifEquals = 2, set = 2, setIfAbsent = 2,
  deleteIfEquals = 1, deleteIfStarts = 1, hset = 2, hdel = 1, zadd = 2, zrem = 1, rpush = 1, lpopIfEquals = 1,
  lpopIfStarts = 1, setToFirst = 2 }
local out = {}
local skip = 0
local a, i = 1, 0
while a <= #ARGV do
  i = i + 1
  local op, key, p1, p2 = ARGV[a], KEYS[tonumber(ARGV[a + 1])], ARGV[a + 2], ARGV[a + 3]
  a = a + 2 + arity[op]
  local done = nil
  if skip > 0 then
    skip = skip - 1
    out[i] = 'n'
  elseif op == 'index' then
    -- Another slot's index, named in ARGV (single server only): no result.
    redis.call('SADD', p1, p2)
    i = i - 1
  elseif op == 'get' or op == 'zfirst' or op == 'lfirst' then
    local v
    if op == 'get' then v = redis.call('GET', key)
    elseif op == 'zfirst' then v = redis.call('ZRANGE', key, 0, 0)[1]
    else v = redis.call('LINDEX', key, 0) end
    if v then out[i] = 'v' .. v else out[i] = 'n' end
  elseif op == 'ifAbsent' or op == 'ifEquals' then
    if op == 'ifEquals' then done = redis.call('GET', key) == p1
    elseif p1 ~= '' then done = redis.call('HEXISTS', key, p1) == 0
    else done = redis.call('EXISTS', key) == 0 end
    if not done then skip = tonumber(p2) end
  elseif op == 'ifPresent' then
    done = redis.call('EXISTS', key) == 1
    if not done then skip = tonumber(p1) end
  elseif op == 'set' or op == 'setIfAbsent' then
    local r
    if p2 == '' then
      if op == 'set' then r = redis.call('SET', key, p1) else r = redis.call('SET', key, p1, 'NX') end
    else
      if op == 'set' then r = redis.call('SET', key, p1, 'PX', p2) else r = redis.call('SET', key, p1, 'PX', p2, 'NX') end
    end
    done = r ~= false
  elseif op == 'deleteIfEquals' or op == 'deleteIfStarts' then
    local v = redis.call('GET', key)
    if op == 'deleteIfEquals' then done = v == p1 else done = v ~= false and string.sub(v, 1, #p1) == p1 end
    if done then redis.call('DEL', key) end
  elseif op == 'hset' then done = redis.call('HSET', key, p1, p2) == 1
  elseif op == 'hdel' then done = redis.call('HDEL', key, p1) == 1
  elseif op == 'zadd' then done = redis.call('ZADD', key, 'NX', p1, p2) == 1
  elseif op == 'zrem' then done = redis.call('ZREM', key, p1) == 1
  elseif op == 'rpush' then redis.call('RPUSH', key, p1); done = true
  elseif op == 'lpopIfEquals' or op == 'lpopIfStarts' then
    local v = redis.call('LINDEX', key, 0)
    if op == 'lpopIfEquals' then done = v == p1 else done = v ~= false and string.sub(v, 1, #p1) == p1 end
    if done then redis.call('LPOP', key) end
  elseif op == 'setToFirst' then
    local v = redis.call('LINDEX', KEYS[tonumber(p1)], 0)
    done = v ~= false
    if done then
      if p2 == '' then redis.call('SET', key, v) else redis.call('SET', key, v, 'PX', p2) end
    end
  else
    redis.call('DEL', key)
    done = true
  end
  if done ~= nil then
    if done then out[i] = '1' else out[i] = '0' end
  end
end
return out`;

/**
 * `Store.frontier`: KEYS the frontier and the sorted set of numbers that arrived beyond it; ARGV
 * the arrived number and the number to skip to ('' for none), and the TTL in ms.
 */
const FRONTIER = `
local low = tonumber(redis.call('GET', KEYS[1]))
if ARGV[1] ~= '' then redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1]) end
if ARGV[2] ~= '' and (not low or tonumber(ARGV[2]) > low) then low = tonumber(ARGV[2]) end
if not low then
  if ARGV[1] ~= '' then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
  return false
end
while true do
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if #first == 0 or tonumber(first[2]) > low + 1 then break end
  redis.call('ZREM', KEYS[2], first[1])
  if tonumber(first[2]) == low + 1 then low = low + 1 end
end
if ARGV[1] ~= '' or ARGV[2] ~= '' then
  redis.call('SET', KEYS[1], string.format('%d', low), 'PX', ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return string.format('%d', low)`;

/** The Lua commands registered with `defineCommand` (ioredis runs them by EVALSHA). */
interface Scripts {
  jolBatch(numKeys: number, ...keysThenArgs: string[]): Promise<string[]>;
  jolCompareAndSet(key: string, mustBeAbsent: "0" | "1", expected: string, value: string, ttlMs: string): Promise<number>;
  jolDeleteIfEquals(key: string, expected: string): Promise<number>;
  jolFrontier(key: string, arrivedKey: string, arrived: string, skipTo: string, ttlMs: string): Promise<string | null>;
}
type ScriptedRedis = (Redis | Cluster) & Scripts;

/** A pipeline that knows the scripts (ioredis copies `defineCommand`s onto pipelines). */
type ScriptedPipeline = ChainableCommander & {
  jolBatch(numKeys: number, ...keysThenArgs: string[]): ScriptedPipeline;
};

export interface RedisStoreOptions {
  /** `redis://` or `rediss://` URL (password, database number and TLS as usual): a single server. */
  url?: string;
  /** Instead of `url`: a Sentinel-managed primary or a Cluster (see `RedisTarget`). */
  target?: RedisTarget;
  /** Written before every key, so several apps (or test runs) share one Redis. Default `jol:`. */
  prefix?: string;
  /** Connection trouble after start-up is logged here (never values). */
  log?: Logger;
  /** How long `connect` keeps trying before it gives up with a `RedisUnavailableError`. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Extra ioredis options (tests, TLS details). */
  redis?: RedisOptions;
  /**
   * After a batch that saves state (`set` or `delete` in it), wait until this many replicas have
   * it (Redis `WAIT`), at most `waitTimeoutMs`. Default 0: do not wait.
   */
  waitReplicas?: number;
  /** Longest `WAIT`; after it the batch returns anyway and a warning is logged. Default 500 ms. */
  waitTimeoutMs?: number;
  /**
   * Refuse (with `CrossSlotError`, naming the keys) any command whose keys are in different
   * cluster slots, even on a single server, so tests catch what would break on a Cluster.
   * Default: on for a Cluster and whenever NODE_ENV is not "production".
   */
  checkSlots?: boolean;
}

/** Start-up could not reach Redis; the message names the setting (password hidden) and how to fix it. */
export class RedisUnavailableError extends Error {
  constructor(where: string | RedisTarget, cause: unknown) {
    const target: RedisTarget = typeof where === "string" ? { mode: "single", url: where } : where;
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.+$/, "");
    const fix = /NOAUTH|WRONGPASS|invalid password/i.test(reason)
      ? target.mode === "single"
        ? "Put the right password in REDIS_URL (redis://:PASSWORD@host:6379, or redis://USER:PASSWORD@host:6379 with ACL users)."
        : `Put the right password in REDIS_PASSWORD${target.mode === "sentinel" ? " (and REDIS_SENTINEL_PASSWORD if the sentinels have their own)" : ""}.`
      : target.mode === "single"
        ? "Start Redis there (apt-get install redis-server, or docker compose up -d redis), " +
          "correct REDIS_URL, or unset REDIS_URL to keep sessions in memory (demo only)."
        : target.mode === "sentinel"
          ? "Check that the sentinels run and answer there, that REDIS_SENTINEL_NAME is the name in their `sentinel monitor` line, and that they know a primary."
          : "Check that the nodes run in cluster mode and answer there (redis-cli -c -h HOST -p PORT cluster info says cluster_state:ok).";
    const shown = target.mode === "single" ? `${redactUrl(target.url)} (REDIS_URL)` : describeTarget(target);
    super(`Cannot reach Redis at ${shown}: ${reason}. ${fix}`, { cause });
    this.name = "RedisUnavailableError";
  }
}

export { redactUrl };

/**
 * The production `Store` on Redis (ioredis 5): one server, a Sentinel-managed primary or a
 * Cluster (`createRedisClient` builds the client; nothing else here depends on the topology but
 * `keys()`, which scans every master of a Cluster, and `delete()`, which deletes slot by slot).
 * Keys are prefixed here rather than with ioredis' `keyPrefix` option, because that option does
 * not apply to SCAN patterns (`keys()` would otherwise see other apps' keys); a prefix never
 * contains `{`, so a key's hash tag stays the user's. Commands are auto-pipelined: concurrent
 * calls from many users share round trips. `compareAndSet`, `deleteIfEquals` and `batch` are
 * Lua scripts, so they are atomic across processes; a batch must keep to one cluster slot.
 *
 * Use `RedisStore.connect` (it fails fast with a clear error when Redis is down); after start-up
 * the client reconnects by itself (after a Sentinel failover, to the new primary) and commands
 * wait for it.
 *
 * @example
 * const store = await RedisStore.connect({ url: "redis://127.0.0.1:6379", prefix: "jol:" });
 * await store.set("session:telegram:42", json, 30 * 86_400_000);
 * await store.close();
 */
export class RedisStore implements Store {
  /** The raw client, for admin tools, the benchmark and tests. Keys there carry `prefix`. */
  readonly client: Redis | Cluster;
  readonly prefix: string;
  private readonly redis: ScriptedRedis;
  private readonly wait: { replicas: number; timeoutMs: number; log: Logger | undefined; short: number };

  /**
   * Wrap a client. Prefer `RedisStore.connect`; this constructor neither waits for the connection
   * nor registers an error listener beyond the one that keeps ioredis from printing.
   */
  constructor(
    client: Redis | Cluster,
    prefix = "jol:",
    options: Pick<RedisStoreOptions, "waitReplicas" | "waitTimeoutMs" | "checkSlots" | "log"> = {},
  ) {
    checkPrefix(prefix);
    this.client = client;
    this.prefix = prefix;
    this.redis = client as ScriptedRedis;
    this.wait = { replicas: options.waitReplicas ?? 0, timeoutMs: options.waitTimeoutMs ?? 500, log: options.log, short: 0 };
    if (!("jolCompareAndSet" in client)) {
      client.defineCommand("jolCompareAndSet", { numberOfKeys: 1, lua: COMPARE_AND_SET });
      client.defineCommand("jolDeleteIfEquals", { numberOfKeys: 1, lua: DELETE_IF_EQUALS });
      client.defineCommand("jolBatch", { lua: BATCH });
      client.defineCommand("jolFrontier", { numberOfKeys: 2, lua: FRONTIER });
      if (options.checkSlots ?? (client instanceof Cluster || process.env.NODE_ENV !== "production")) refuseCrossSlot(client);
    }
  }

  /**
   * Connect and wait until Redis answers. Retries briefly (Redis may be starting next to us),
   * then throws `RedisUnavailableError` instead of reconnecting forever.
   */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const target = options.target ?? (options.url === undefined ? undefined : { mode: "single" as const, url: options.url });
    if (!target) throw new RangeError("RedisStore.connect: give a url or a target");
    checkPrefix(options.prefix ?? "jol:");
    const deadline = Date.now() + (options.connectTimeoutMs ?? 5000);
    let ready = false;
    let lastError: unknown = new Error("no answer");
    const client = createRedisClient(target, {
      // During an outage commands wait for the connection instead of failing after 20 tries:
      // the message path pauses (polling) or answers 503 (webhook, see `available`) and carries on.
      redis: { maxRetriesPerRequest: null, ...options.redis },
      retryStrategy: (times) => {
        if (!ready && Date.now() + 200 > deadline) return null; // give up: start-up reports it
        return Math.min(times * 100, 2000);
      },
    });
    let errorsLogged = 0;
    client.on("error", (error: Error) => {
      lastError = error;
      // Before start-up completes the error is reported by the thrown exception instead.
      if (ready && errorsLogged++ % 50 === 0) options.log?.warn("Redis went away; waiting for it to come back", { error: error.message });
    });
    client.on("ready", () => {
      if (ready && errorsLogged > 0) options.log?.info("redis connection restored");
      errorsLogged = 0;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const onReady = (): void => {
          client.off("end", onEnd);
          resolve();
        };
        const onEnd = (): void => {
          client.off("ready", onReady);
          reject(lastError);
        };
        client.once("ready", onReady);
        client.once("end", onEnd);
        client.connect().catch((error: unknown) => {
          lastError = error;
        });
      });
    } catch (error) {
      client.disconnect();
      throw new RedisUnavailableError(target, error);
    }
    ready = true;
    return new RedisStore(client, options.prefix ?? "jol:", options);
  }

  available(): boolean {
    return this.client.status === "ready";
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    await this.put(key, value, ttlMs);
  }

  /** `set` and `setBuffer`: SET with an optional time to live in milliseconds. */
  private async put(key: string, value: string | Buffer, ttlMs: number | undefined): Promise<void> {
    const ttl = checkTtl(ttlMs);
    if (ttl === undefined) await this.redis.set(this.k(key), value);
    else await this.redis.set(this.k(key), value, "PX", ttl);
  }

  async batch(ops: BatchOp[], options: BatchOptions = {}): Promise<(string | boolean | null)[]> {
    if (ops.length === 0) return [];
    const also = options.index;
    // A Cluster runs a script in one slot: the index goes beside it, in parallel.
    if (also && this.client instanceof Cluster) {
      const [results] = await Promise.all([this.batch(ops), this.sadd(also.key, also.member)]);
      return results;
    }
    const keys: string[] = [];
    const index = new Map<string, string>();
    const keyIndex = (key: string): string => {
      let at = index.get(key);
      if (at === undefined) {
        keys.push(this.k(key));
        at = String(keys.length);
        index.set(key, at);
      }
      return at;
    };
    // The index first, so no guard's skip reaches it.
    const args: string[] = also ? ["index", "0", this.k(also.key), also.member] : [];
    for (const op of ops) batchArgs(op, keyIndex(op.key), ops.length, keyIndex, args);
    const saves = this.wait.replicas > 0 && ops.some((op) => !READ_OPS.has(op.op));
    const raw = saves ? await this.replicated(keys, args) : await this.redis.jolBatch(keys.length, ...keys, ...args);
    return raw.map((r) => (r === "n" ? null : r.startsWith("v") ? r.slice(1) : r === "1"));
  }

  /**
   * Run the batch script and `WAIT` for the replicas in one round trip, on the node that holds
   * the keys (a pipeline keeps them together on a Cluster too). Too few replicas in time: the
   * batch is done on the primary anyway, so it is answered, and a warning is logged (the 1st,
   * then every 100th time) because a failover now could lose it.
   */
  private async replicated(keys: string[], args: string[]): Promise<string[]> {
    const pipeline = this.client.pipeline() as ScriptedPipeline;
    const results = await pipeline.jolBatch(keys.length, ...keys, ...args).wait(this.wait.replicas, this.wait.timeoutMs).exec();
    const [[batchError, raw], [waitError, acked]] = results as [[Error | null, string[]], [Error | null, number]];
    if (batchError) throw batchError;
    if (waitError || acked < this.wait.replicas) {
      if (this.wait.short++ % 100 === 0) {
        this.wait.log?.warn("redis: a save reached fewer replicas than REDIS_WAIT_REPLICAS in REDIS_WAIT_TIMEOUT_MS", {
          replicas: waitError ? 0 : acked,
          wanted: this.wait.replicas,
          ...(waitError ? { error: waitError.message } : {}),
        });
      }
    }
    return raw;
  }

  async frontier(key: string, step: { arrived?: number; skipTo?: number }, ttlMs: number): Promise<number | null> {
    const ttl = checkTtl(ttlMs) ?? 0;
    const low = await this.redis.jolFrontier(this.k(key), this.k(key + ":arrived"), numberArg(step.arrived), numberArg(step.skipTo), String(ttl));
    return low === null ? null : Number(low);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const result =
      ttl === undefined ? await this.redis.set(this.k(key), value, "NX") : await this.redis.set(this.k(key), value, "PX", ttl, "NX");
    return result === "OK";
  }

  async compareAndSet(key: string, expected: string | null, value: string, ttlMs?: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const done = await this.redis.jolCompareAndSet(
      this.k(key),
      expected === null ? "1" : "0",
      expected ?? "",
      value,
      ttl === undefined ? "" : String(ttl),
    );
    return done === 1;
  }

  async deleteIfEquals(key: string, expected: string): Promise<boolean> {
    return (await this.redis.jolDeleteIfEquals(this.k(key), expected)) === 1;
  }

  async delete(...keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    // One DEL per cluster slot: keys of different users (or a case and its log) may live on different nodes.
    const bySlot = new Map<number, string[]>();
    for (const key of keys.map((k) => this.k(k))) bySlot.set(keySlot(key), [...(bySlot.get(keySlot(key)) ?? []), key]);
    const counts = await Promise.all([...bySlot.values()].map((group) => this.redis.del(...group)));
    return counts.reduce((a, b) => a + b, 0);
  }

  async expire(key: string, ttlMs?: number): Promise<boolean> {
    if (ttlMs === undefined) {
      // PERSIST answers 0 both for "no key" and "had no TTL"; the contract wants "does it exist".
      const [, exists] = await Promise.all([this.redis.persist(this.k(key)), this.redis.exists(this.k(key))]);
      return exists === 1;
    }
    if (ttlMs <= 0) return (await this.redis.del(this.k(key))) === 1; // as PEXPIRE does with a past time
    return (await this.redis.pexpire(this.k(key), checkTtl(ttlMs) ?? 0)) === 1;
  }

  async ttl(key: string): Promise<number> {
    return this.redis.pttl(this.k(key));
  }

  async incr(key: string, by = 1): Promise<number> {
    if (!Number.isSafeInteger(by)) throw new RangeError(`incr: 'by' must be a whole number, got ${by}`);
    return this.redis.incrby(this.k(key), by);
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.k(key));
  }

  async setBuffer(key: string, value: Buffer, ttlMs?: number): Promise<void> {
    await this.put(key, value, ttlMs);
  }

  async hget(key: string, field: string): Promise<string | null> {
    return this.redis.hget(this.k(key), field);
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await this.redis.hset(this.k(key), fields);
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.k(key));
  }

  async hdel(key: string, ...fields: string[]): Promise<number> {
    if (fields.length === 0) return 0;
    return this.redis.hdel(this.k(key), ...fields);
  }

  async sadd(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.redis.sadd(this.k(key), ...members);
  }

  async srem(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.redis.srem(this.k(key), ...members);
  }

  async smembers(key: string): Promise<string[]> {
    return this.redis.smembers(this.k(key));
  }

  async sismember(key: string, member: string): Promise<boolean> {
    return (await this.redis.sismember(this.k(key), member)) === 1;
  }

  async zadd(key: string, score: number, member: string): Promise<void> {
    if (Number.isNaN(score)) throw new RangeError("zadd: score must be a number, got NaN");
    await this.redis.zadd(this.k(key), scoreArg(score), member);
  }

  async zrem(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.redis.zrem(this.k(key), ...members);
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]> {
    if (limit === undefined || limit < 0) return this.redis.zrangebyscore(this.k(key), scoreArg(min), scoreArg(max));
    if (limit === 0) return [];
    return this.redis.zrangebyscore(this.k(key), scoreArg(min), scoreArg(max), "LIMIT", 0, limit);
  }

  async zscore(key: string, member: string): Promise<number | null> {
    const score = await this.redis.zscore(this.k(key), member);
    return score === null ? null : parseScore(score);
  }

  async rpush(key: string, ...values: string[]): Promise<number> {
    if (values.length === 0) return this.llen(key);
    return this.redis.rpush(this.k(key), ...values);
  }

  async lrange(key: string, start: number, stop: number): Promise<string[]> {
    return this.redis.lrange(this.k(key), start, stop);
  }

  async llen(key: string): Promise<number> {
    return this.redis.llen(this.k(key));
  }

  async lpop(key: string): Promise<string | null> {
    return this.redis.lpop(this.k(key));
  }

  async keys(prefix: string): Promise<string[]> {
    const pattern = globEscape(this.k(prefix)) + "*";
    const found = new Set<string>(); // SCAN may return a key twice
    // A Cluster's keys are spread over its masters: scan each.
    const nodes = this.client instanceof Cluster ? this.client.nodes("master") : [this.client];
    for (const node of nodes) {
      let cursor = "0";
      do {
        const [next, batch] = await node.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        for (const key of batch) found.add(key.slice(this.prefix.length));
        cursor = next;
      } while (cursor !== "0");
    }
    return [...found];
  }

  async close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private closing: Promise<void> | undefined;

  private async quit(): Promise<void> {
    if (this.client.status === "end") return;
    const ended = new Promise((resolve) => this.client.once("end", resolve));
    try {
      await this.client.quit(); // waits for pending commands
    } catch {
      this.client.disconnect();
    }
    await ended; // status stays "ready" until the socket has really closed
  }
}

/** Append an operation's arguments for the batch script: its name, its key's index, then its own (see `BATCH`). */
function batchArgs(op: BatchOp, key: string, total: number, keyIndex: (key: string) => string, args: string[]): void {
  switch (op.op) {
    case "get":
    case "zfirst":
    case "lfirst":
    case "delete":
      args.push(op.op, key);
      return;
    case "ifAbsent":
      args.push(op.op, key, op.field ?? "", skipArg(op.skip, total));
      return;
    case "ifPresent":
      args.push(op.op, key, skipArg(op.skip, total));
      return;
    case "ifEquals":
      args.push(op.op, key, op.value, skipArg(op.skip, total));
      return;
    case "set":
    case "setIfAbsent":
      args.push(op.op, key, op.value, ttlArg(op.ttlMs));
      return;
    case "deleteIfEquals":
      args.push(op.prefix ? "deleteIfStarts" : op.op, key, op.value);
      return;
    case "lpopIfEquals":
      args.push(op.prefix ? "lpopIfStarts" : op.op, key, op.value);
      return;
    case "rpush":
      args.push(op.op, key, op.value);
      return;
    case "hset":
      args.push(op.op, key, op.field, op.value);
      return;
    case "hdel":
      args.push(op.op, key, op.field);
      return;
    case "zadd":
      if (Number.isNaN(op.score)) throw new RangeError("batch zadd: score must be a number, got NaN");
      args.push(op.op, key, scoreArg(op.score), op.member);
      return;
    case "zrem":
      args.push(op.op, key, op.member);
      return;
    case "setToFirst":
      args.push(op.op, key, keyIndex(op.from), ttlArg(op.ttlMs));
      return;
  }
}

function numberArg(n: number | undefined): string {
  if (n === undefined) return "";
  if (!Number.isSafeInteger(n)) throw new RangeError(`frontier: a whole number expected, got ${n}`);
  return String(n);
}

function ttlArg(ttlMs: number | undefined): string {
  const ttl = checkTtl(ttlMs);
  return ttl === undefined ? "" : String(ttl);
}

/** How many operations a failed guard skips (default: the rest of the batch). */
function skipArg(skip: number | undefined, total: number): string {
  return String(Math.max(0, Math.min(skip ?? total, total)));
}

/** Batch operations that only read or guard: a batch of nothing else needs no WAIT for replicas. */
const READ_OPS: ReadonlySet<BatchOp["op"]> = new Set(["get", "ifAbsent", "ifPresent", "ifEquals", "zfirst", "lfirst"]);

/** A `{` in the prefix would make it the hash tag of keys that have none of their own, and put them all in one slot. */
function checkPrefix(prefix: string): void {
  if (prefix.includes("{")) throw new RangeError(`RedisStore: the key prefix must not contain "{" (it would become the hash tag of keys), got ${prefix}`);
}

/** Redis spells infinite scores `+inf`/`-inf`. */
function scoreArg(score: number): string {
  if (score === Infinity) return "+inf";
  if (score === -Infinity) return "-inf";
  return String(score);
}

function parseScore(score: string): number {
  if (score === "inf" || score === "+inf") return Infinity;
  if (score === "-inf") return -Infinity;
  return Number(score);
}

/** Escape glob characters so a SCAN pattern matches the prefix literally. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

function tagOf(key: string | Buffer): string {
  return hashTag(typeof key === "string" ? key : key.toString("latin1"));
}

/**
 * Make the client refuse, with a `CrossSlotError` naming the keys, every command (scripts,
 * pipelined or not, included) whose keys are in different cluster slots: on a Cluster it would
 * fail with a bare CROSSSLOT, and on a single server it would work until the day it moves to one.
 */
function refuseCrossSlot(client: Redis | Cluster): void {
  // Redis and Cluster differ only in Cluster's extra optional `node` argument, passed through.
  const send = client.sendCommand.bind(client) as (command: Command, ...rest: unknown[]) => unknown;
  client.sendCommand = (command: Command, ...rest: unknown[]): unknown => {
    const keys = command.getKeys();
    if (keys.length > 1) {
      // Keys with one hash tag share a slot: the CRC is computed only when the tags differ.
      const tag = tagOf(keys[0]!);
      let first: number | undefined;
      if (keys.some((key) => tagOf(key) !== tag && keySlot(key) !== (first ??= keySlot(keys[0]!)))) {
        command.reject(new CrossSlotError(`Redis ${command.name}`, keys.map(String)));
        return command.promise;
      }
    }
    return send(command, ...rest);
  };
}
