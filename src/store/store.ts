/**
 * What Jol's modules need from storage, and nothing more. Two implementations pass one
 * contract suite (`test/store/contract.ts`): Redis (production, all integration tests) and
 * memory (the demo on a machine without Redis).
 *
 * Keys are logical (`session:telegram:42`); an implementation adds its own prefix. Values are
 * strings (JSON) or, for `getBuffer`/`setBuffer`, binary. Every TTL is in milliseconds.
 *
 * @example
 * const ok = await store.setIfAbsent(`seen:${id}`, "1", 86_400_000); // dedupe
 * if (!ok) return; // handled before
 */
export interface Store {
  get(key: string): Promise<string | null>;
  /** Set a value; with `ttlMs` it expires, without it it lives until deleted. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Set only if the key does not exist. True if it was set. Atomic. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Replace the value only if it is still `expected` (`null`: the key must not exist). True if replaced. Atomic. */
  compareAndSet(key: string, expected: string | null, value: string, ttlMs?: number): Promise<boolean>;
  /** Delete the key only if its value is `expected`. True if deleted. Atomic (lock release). */
  deleteIfEquals(key: string, expected: string): Promise<boolean>;
  /** Delete keys (of any slots; not atomically across slots); returns how many existed. */
  delete(...keys: string[]): Promise<number>;
  /** Set or clear (`undefined`) a key's time to live. False if the key does not exist. */
  expire(key: string, ttlMs?: number): Promise<boolean>;
  /** Milliseconds left to live; -1 no expiry; -2 no key. */
  ttl(key: string): Promise<number>;
  /** Add to an integer counter (created at 0). Atomic. */
  incr(key: string, by?: number): Promise<number>;

  getBuffer(key: string): Promise<Buffer | null>;
  setBuffer(key: string, value: Buffer, ttlMs?: number): Promise<void>;

  /** Hashes: small records edited field by field. */
  hget(key: string, field: string): Promise<string | null>;
  hset(key: string, fields: Record<string, string>): Promise<void>;
  hgetall(key: string): Promise<Record<string, string>>;
  hdel(key: string, ...fields: string[]): Promise<number>;

  /** Sets. */
  sadd(key: string, ...members: string[]): Promise<number>;
  srem(key: string, ...members: string[]): Promise<number>;
  smembers(key: string): Promise<string[]>;
  sismember(key: string, member: string): Promise<boolean>;

  /** Sorted sets (due times, queues by score). */
  zadd(key: string, score: number, member: string): Promise<void>;
  zrem(key: string, ...members: string[]): Promise<number>;
  /** Members with min <= score <= max, lowest first, at most `limit`. */
  zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]>;
  zscore(key: string, member: string): Promise<number | null>;

  /** Lists (transcripts, queues): append, read a range (inclusive, negative from the end), trim. */
  rpush(key: string, ...values: string[]): Promise<number>;
  lrange(key: string, start: number, stop: number): Promise<string[]>;
  llen(key: string): Promise<number>;
  /** Remove and return the first element, or null. */
  lpop(key: string): Promise<string | null>;

  /**
   * Run several string operations atomically and in one round trip (a Lua script on Redis), in
   * order; returns one result per operation: `get`, `zfirst`, `lfirst` → the value or null;
   * guards and conditional writes → whether they passed or happened; `set`, `delete`, `rpush` →
   * true; an operation skipped by a failed guard → null. See `BatchOp`.
   * The router uses it to mark a message seen, take the user's lock and read the session at once.
   * All keys of a batch must share one hash tag (`{telegram:42}`), so that on a Redis Cluster they
   * live in one slot; `RedisStore` refuses a batch that spans slots with a `CrossSlotError`.
   *
   * @example
   * const [fresh, locked, session] = await store.batch([
   *   { op: "setIfAbsent", key: "seen:u:1", value: "1", ttlMs: 86_400_000 },
   *   { op: "setIfAbsent", key: "lock:u", value: token, ttlMs: 30_000 },
   *   { op: "get", key: "s:u" },
   * ]);
   */
  batch(ops: BatchOp[], options?: BatchOptions): Promise<(string | boolean | null)[]>;

  /**
   * The arrival frontier of a gapless numbering shared by several processes (Telegram's
   * `update_id`): every number up to the frontier has arrived, or is no longer waited for. With
   * `arrived`, records that number; with `skipTo`, stops waiting for the numbers up to it; then
   * moves the frontier over the numbers that arrived right after it. Returns the frontier, or null
   * while it is unknown (nothing skipped to since the key expired). Atomic; `key` and
   * `key + ":arrived"` hold it and live `ttlMs` after the last change.
   */
  frontier(key: string, step: { arrived?: number; skipTo?: number }, ttlMs: number): Promise<number | null>;

  /** Logical keys that start with `prefix`, on every node of a Cluster (admin tools and cleanup; not for hot paths). */
  keys(prefix: string): Promise<string[]>;

  /**
   * False while the store is unreachable (Redis down: commands wait for it to come back). The
   * webhook answers 503 then, so the platform keeps its updates. Absent: always available.
   */
  available?(): boolean;

  /** Release connections. */
  close(): Promise<void>;
}

/** Options of `Store.batch`. */
export interface BatchOptions {
  /**
   * Also add `member` to the set `key`, an index that lives in another slot (the users with
   * pending work): inside the same script on a single server, so it costs no round trip of its
   * own; as a command beside the script on a Cluster, where a script may touch one slot only.
   * Done whatever the batch's guards say; it has no result.
   */
  index?: { key: string; member: string };
}

/**
 * One operation of `Store.batch`.
 *
 * Besides plain reads and writes there are **guards** (`ifAbsent`, `ifPresent`, `ifEquals`): a guard that fails
 * skips the next `skip` operations (default: all that follow), whose results are then `null`. With
 * guards first, a batch is a transaction: all of it or none of it. The message path
 * (`src/router/`, `src/outbox/`) builds its commits from these; every key of one batch should
 * carry the same Redis Cluster hash tag (`{telegram:42}`), because a script runs in one slot.
 */
export type BatchOp =
  | { op: "get"; key: string }
  | { op: "set"; key: string; value: string; ttlMs?: number }
  | { op: "setIfAbsent"; key: string; value: string; ttlMs?: number }
  /** Delete the key if it holds `value` (with `prefix`: a value that begins with it); true if deleted. */
  | { op: "deleteIfEquals"; key: string; value: string; prefix?: boolean }
  | { op: "delete"; key: string }
  /** Passes when the key (or, with `field`, the hash field) does not exist. */
  | { op: "ifAbsent"; key: string; field?: string; skip?: number }
  /** Passes when the key exists. */
  | { op: "ifPresent"; key: string; skip?: number }
  /** Passes when the key holds exactly `value`. */
  | { op: "ifEquals"; key: string; value: string; skip?: number }
  /** Set one hash field; true if the field is new. */
  | { op: "hset"; key: string; field: string; value: string }
  /** Delete one hash field; true if it existed. */
  | { op: "hdel"; key: string; field: string }
  /** Add a member to a sorted set only if it is not there (ZADD NX); true if added. */
  | { op: "zadd"; key: string; score: number; member: string }
  /** Remove a member of a sorted set; true if it was there. */
  | { op: "zrem"; key: string; member: string }
  /** The member with the lowest score (ties: lowest member), or null. */
  | { op: "zfirst"; key: string }
  /** Append to a list; true. */
  | { op: "rpush"; key: string; value: string }
  /** The first element of a list, or null. */
  | { op: "lfirst"; key: string }
  /** Remove the first element of a list only if it is `value` (with `prefix`: begins with it); true if removed. */
  | { op: "lpopIfEquals"; key: string; value: string; prefix?: boolean }
  /** Set the string `key` to the first element of the list `from` (true), or do nothing if it is empty (false). */
  | { op: "setToFirst"; key: string; from: string; ttlMs?: number };
