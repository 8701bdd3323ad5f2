import type { BatchOp, BatchOptions, Store } from "./store.ts";
import { checkTtl, compareMembers } from "./ttl.ts";

type Value =
  | { kind: "string"; value: string | Buffer }
  | { kind: "hash"; value: Map<string, string> }
  | { kind: "set"; value: Set<string> }
  | { kind: "zset"; value: Map<string, number> }
  | { kind: "list"; value: string[] };

type Entry = Value & { expiresAt: number | undefined };
type Kind = Value["kind"];
type EntryOf<K extends Kind> = Extract<Entry, { kind: K }>;

/** A new empty entry of each kind (what Redis creates on the first write to a missing key). */
const EMPTY: { [K in Exclude<Kind, "string">]: () => EntryOf<K> } = {
  hash: () => ({ kind: "hash", value: new Map(), expiresAt: undefined }),
  set: () => ({ kind: "set", value: new Set(), expiresAt: undefined }),
  zset: () => ({ kind: "zset", value: new Map(), expiresAt: undefined }),
  list: () => ({ kind: "list", value: [], expiresAt: undefined }),
};

export interface MemoryStoreOptions {
  /** Current time in ms; tests pass a fake clock to expire keys without waiting. Default `Date.now`. */
  now?: () => number;
}

/**
 * The `Store` in process memory, for `npx jol chat` and `npm start` on a machine without Redis.
 * It follows Redis semantics (the contract suite in `test/store/contract.ts` runs on both):
 * every key type can carry a TTL, expired keys vanish lazily when touched, an emptied
 * hash/set/list is deleted, and using a key as the wrong type throws `WRONGTYPE`.
 * Everything is lost when the process exits, and nothing is shared between processes.
 *
 * @example
 * const store = new MemoryStore();
 * await store.set("greeting", "salem", 60_000);
 */
export class MemoryStore implements Store {
  private readonly data = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<string | null> {
    return this.text(key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.write(key, { kind: "string", value }, ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    checkTtl(ttlMs);
    if (this.live(key)) return false;
    this.write(key, { kind: "string", value }, ttlMs);
    return true;
  }

  async compareAndSet(key: string, expected: string | null, value: string, ttlMs?: number): Promise<boolean> {
    checkTtl(ttlMs);
    if (this.text(key) !== expected) return false; // no await between read and write: atomic
    this.write(key, { kind: "string", value }, ttlMs);
    return true;
  }

  async deleteIfEquals(key: string, expected: string): Promise<boolean> {
    if (this.text(key) !== expected) return false;
    this.data.delete(key);
    return true;
  }

  async batch(ops: BatchOp[], options: BatchOptions = {}): Promise<(string | boolean | null)[]> {
    for (const op of ops) {
      if ("ttlMs" in op) checkTtl(op.ttlMs);
      if (op.op === "zadd" && Number.isNaN(op.score)) throw new RangeError("batch zadd: score must be a number, got NaN");
    }
    if (options.index) this.readOrCreate(options.index.key, "set").value.add(options.index.member);
    // Each step below completes synchronously, so the batch is atomic in this process.
    const results: (string | boolean | null)[] = [];
    let skip = 0;
    for (const op of ops) {
      if (skip > 0) {
        skip--;
        results.push(null);
        continue;
      }
      const result = this.step(op);
      if ((op.op === "ifAbsent" || op.op === "ifPresent" || op.op === "ifEquals") && result === false) skip = op.skip ?? ops.length;
      results.push(result);
    }
    return results;
  }

  /** One operation of `batch`, synchronously. */
  private step(op: BatchOp): string | boolean | null {
    switch (op.op) {
      case "get":
        return this.text(op.key);
      case "set":
        this.write(op.key, { kind: "string", value: op.value }, op.ttlMs);
        return true;
      case "setIfAbsent":
        if (this.live(op.key)) return false;
        this.write(op.key, { kind: "string", value: op.value }, op.ttlMs);
        return true;
      case "deleteIfEquals":
        if (!matches(this.text(op.key), op.value, op.prefix)) return false;
        this.data.delete(op.key);
        return true;
      case "delete":
        this.data.delete(op.key);
        return true;
      case "ifAbsent":
        return op.field === undefined ? !this.live(op.key) : !this.read(op.key, "hash")?.value.has(op.field);
      case "ifPresent":
        return this.live(op.key) !== undefined;
      case "ifEquals":
        return this.text(op.key) === op.value;
      case "hset": {
        const hash = this.readOrCreate(op.key, "hash").value;
        const fresh = !hash.has(op.field);
        hash.set(op.field, op.value);
        return fresh;
      }
      case "hdel":
        return this.removeFrom(op.key, "hash", [op.field]) === 1;
      case "zadd": {
        const zset = this.readOrCreate(op.key, "zset").value;
        if (zset.has(op.member)) return false;
        zset.set(op.member, op.score);
        return true;
      }
      case "zrem":
        return this.removeFrom(op.key, "zset", [op.member]) === 1;
      case "zfirst": {
        let first: [string, number] | undefined;
        for (const item of this.read(op.key, "zset")?.value ?? []) {
          if (!first || item[1] < first[1] || (item[1] === first[1] && compareMembers(item[0], first[0]) < 0)) first = item;
        }
        return first?.[0] ?? null;
      }
      case "rpush":
        this.readOrCreate(op.key, "list").value.push(op.value);
        return true;
      case "lfirst":
        return this.read(op.key, "list")?.value[0] ?? null;
      case "lpopIfEquals": {
        const entry = this.read(op.key, "list");
        if (!entry || !matches(entry.value[0], op.value, op.prefix)) return false;
        entry.value.shift();
        this.dropIfEmpty(op.key, entry.value.length);
        return true;
      }
      case "setToFirst": {
        const first = this.read(op.from, "list")?.value[0];
        if (first === undefined) return false;
        this.write(op.key, { kind: "string", value: first }, op.ttlMs);
        return true;
      }
    }
  }

  async delete(...keys: string[]): Promise<number> {
    let n = 0;
    for (const key of new Set(keys)) if (this.live(key) && this.data.delete(key)) n++;
    return n;
  }

  async expire(key: string, ttlMs?: number): Promise<boolean> {
    const entry = this.live(key);
    if (!entry) return false;
    if (ttlMs === undefined) entry.expiresAt = undefined;
    else if (ttlMs <= 0) this.data.delete(key); // as Redis PEXPIRE with a non-positive time
    else entry.expiresAt = this.now() + (checkTtl(ttlMs) ?? 0);
    return true;
  }

  async ttl(key: string): Promise<number> {
    const entry = this.live(key);
    if (!entry) return -2;
    if (entry.expiresAt === undefined) return -1;
    return Math.max(0, entry.expiresAt - this.now());
  }

  async incr(key: string, by = 1): Promise<number> {
    if (!Number.isSafeInteger(by)) throw new RangeError(`incr: 'by' must be a whole number, got ${by}`);
    const entry = this.read(key, "string");
    const before = entry ? String(entry.value) : "0";
    if (!/^-?\d+$/.test(before) || !Number.isSafeInteger(Number(before))) {
      throw new Error(`ERR value is not an integer or out of range (key ${key})`);
    }
    const after = Number(before) + by;
    if (entry) entry.value = String(after);
    else this.write(key, { kind: "string", value: String(after) }, undefined);
    return after;
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    const entry = this.read(key, "string");
    if (!entry) return null;
    return typeof entry.value === "string" ? Buffer.from(entry.value, "utf8") : Buffer.from(entry.value);
  }

  async setBuffer(key: string, value: Buffer, ttlMs?: number): Promise<void> {
    this.write(key, { kind: "string", value: Buffer.from(value) }, ttlMs);
  }

  async hget(key: string, field: string): Promise<string | null> {
    return this.read(key, "hash")?.value.get(field) ?? null;
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    const entries = Object.entries(fields);
    if (entries.length === 0) return;
    const hash = this.readOrCreate(key, "hash").value;
    for (const [field, value] of entries) hash.set(field, value);
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.read(key, "hash")?.value ?? []);
  }

  async hdel(key: string, ...fields: string[]): Promise<number> {
    return this.removeFrom(key, "hash", fields);
  }

  async sadd(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    const set = this.readOrCreate(key, "set").value;
    const before = set.size;
    for (const member of members) set.add(member);
    return set.size - before;
  }

  async srem(key: string, ...members: string[]): Promise<number> {
    return this.removeFrom(key, "set", members);
  }

  async smembers(key: string): Promise<string[]> {
    return [...(this.read(key, "set")?.value ?? [])];
  }

  async sismember(key: string, member: string): Promise<boolean> {
    return this.read(key, "set")?.value.has(member) ?? false;
  }

  async frontier(key: string, step: { arrived?: number; skipTo?: number }, ttlMs: number): Promise<number | null> {
    checkTtl(ttlMs);
    const text = this.text(key);
    let low = text === null ? null : Number(text);
    const arrived = this.readOrCreate(`${key}:arrived`, "zset").value;
    if (step.arrived !== undefined) arrived.set(String(step.arrived), step.arrived);
    if (step.skipTo !== undefined && (low === null || step.skipTo > low)) low = step.skipTo;
    if (low !== null) {
      for (const n of [...arrived.values()].sort((a, b) => a - b)) {
        if (n > low + 1) break;
        arrived.delete(String(n));
        if (n === low + 1) low = n;
      }
    }
    this.dropIfEmpty(`${key}:arrived`, arrived.size);
    if (step.arrived !== undefined || step.skipTo !== undefined) {
      if (arrived.size > 0) this.live(`${key}:arrived`)!.expiresAt = this.now() + ttlMs;
      if (low !== null) this.write(key, { kind: "string", value: String(low) }, ttlMs);
    }
    return low;
  }

  async zadd(key: string, score: number, member: string): Promise<void> {
    if (Number.isNaN(score)) throw new RangeError("zadd: score must be a number, got NaN");
    this.readOrCreate(key, "zset").value.set(member, score);
  }

  async zrem(key: string, ...members: string[]): Promise<number> {
    return this.removeFrom(key, "zset", members);
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<string[]> {
    const zset = this.read(key, "zset")?.value;
    if (!zset) return [];
    const hits = [...zset].filter(([, score]) => score >= min && score <= max);
    hits.sort(([a, sa], [b, sb]) => sa - sb || compareMembers(a, b));
    const members = hits.map(([member]) => member);
    return limit === undefined || limit < 0 ? members : members.slice(0, limit);
  }

  async zscore(key: string, member: string): Promise<number | null> {
    return this.read(key, "zset")?.value.get(member) ?? null;
  }

  async rpush(key: string, ...values: string[]): Promise<number> {
    if (values.length === 0) return this.llen(key);
    const list = this.readOrCreate(key, "list").value;
    list.push(...values);
    return list.length;
  }

  async lrange(key: string, start: number, stop: number): Promise<string[]> {
    const list = this.read(key, "list")?.value;
    if (!list) return [];
    const len = list.length;
    const from = Math.max(0, start < 0 ? len + start : start);
    const to = Math.min(len - 1, stop < 0 ? len + stop : stop);
    return from > to ? [] : list.slice(from, to + 1);
  }

  async llen(key: string): Promise<number> {
    return this.read(key, "list")?.value.length ?? 0;
  }

  async lpop(key: string): Promise<string | null> {
    const entry = this.read(key, "list");
    if (!entry) return null;
    const first = entry.value.shift() ?? null;
    this.dropIfEmpty(key, entry.value.length);
    return first;
  }

  async keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for (const key of [...this.data.keys()]) if (key.startsWith(prefix) && this.live(key)) found.push(key);
    return found;
  }

  async close(): Promise<void> {
    this.data.clear();
  }

  /** A string key's value, synchronously (the atomic operations must not yield mid-way). */
  private text(key: string): string | null {
    const entry = this.read(key, "string");
    if (!entry) return null;
    return typeof entry.value === "string" ? entry.value : entry.value.toString("utf8");
  }

  /** The entry if it exists and has not expired (an expired one is removed now). */
  private live(key: string): Entry | undefined {
    const entry = this.data.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.data.delete(key);
      return undefined;
    }
    return entry;
  }

  private read<K extends Kind>(key: string, kind: K): EntryOf<K> | undefined {
    const entry = this.live(key);
    if (!entry) return undefined;
    if (entry.kind !== kind) {
      throw new Error(`WRONGTYPE Operation against a key holding the wrong kind of value (key ${key} is a ${entry.kind}, not a ${kind})`);
    }
    return entry as EntryOf<K>;
  }

  private readOrCreate<K extends Exclude<Kind, "string">>(key: string, kind: K): EntryOf<K> {
    const existing = this.read(key, kind);
    if (existing) return existing;
    const entry = EMPTY[kind]();
    this.data.set(key, entry);
    return entry;
  }

  /** Replace the key (any type, any TTL) as Redis SET does. */
  private write(key: string, value: Value, ttlMs: number | undefined): void {
    const ttl = checkTtl(ttlMs);
    this.data.set(key, { ...value, expiresAt: ttl === undefined ? undefined : this.now() + ttl });
  }

  /** Redis deletes a hash, set, sorted set or list when its last element goes. */
  /** Remove members (fields) from a hash, set or sorted set; how many were there. An emptied key is gone, as on Redis. */
  private removeFrom(key: string, kind: "hash" | "set" | "zset", members: string[]): number {
    const entry = this.read(key, kind);
    if (!entry) return 0;
    let n = 0;
    for (const member of members) if (entry.value.delete(member)) n++;
    this.dropIfEmpty(key, entry.value.size);
    return n;
  }

  private dropIfEmpty(key: string, size: number): void {
    if (size === 0) this.data.delete(key);
  }
}

/** `value` is `expected` (with `prefix`: begins with it). */
function matches(value: string | null | undefined, expected: string, prefix: boolean | undefined): boolean {
  if (value === null || value === undefined) return false;
  return prefix ? value.startsWith(expected) : value === expected;
}
