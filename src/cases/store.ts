import type { Store } from "../store/store.ts";
import { userKey, type Address } from "../core/address.ts";
import { CaseSchema, LogEntrySchema, type Case, type LogEntry } from "./types.ts";

/**
 * Hotline cases in the store, under the `case:` prefix. Every change of a case record goes
 * through `update`, a compare-and-set loop, so that concurrent staff actions (two consultants
 * pressing Take at the same moment, a user message arriving while a case closes) never lose a
 * write and exactly one of two racing takers wins.
 *
 * Keys:
 * - `case:seq` — the counter behind the short case numbers (#123).
 * - `case:<id>` — the case record (JSON); `case:<id>:log` — its log (JSON lines).
 * - `case:open` — ids of cases not closed; `case:user:{<userKey>}` — a user's open case (a Cluster hash tag, as the router reads it with the session);
 *   `case:by-user:<userKey>` — all their cases (for `/forget`).
 * - `case:topic:<topicId>` — which case a staff-group topic belongs to.
 * Closed cases keep record, log and topic for `retentionMs`, then expire.
 *
 * @example
 * const cases = new CaseStore(store, { retentionMs: 90 * 86_400_000 });
 * const { after } = await cases.update(12, (c) => (c.status === "waiting" ? { ...c, status: "assigned" } : null));
 */
export class CaseStore {
  constructor(
    readonly store: Store,
    private readonly options: { retentionMs: number },
  ) {}

  static key(id: number): string {
    return `case:${id}`;
  }

  /** Create a case with the next number and make it the user's open case. */
  async create(data: Omit<Case, "id">): Promise<Case> {
    const id = await this.store.incr("case:seq");
    const record = CaseSchema.parse({ ...data, id });
    await this.store.set(CaseStore.key(id), JSON.stringify(record));
    await this.store.sadd("case:open", String(id));
    await this.store.set(`case:user:{${userKey(record.user)}}`, String(id));
    await this.store.sadd(`case:by-user:${userKey(record.user)}`, String(id));
    return record;
  }

  /**
   * Delete every case of a user (`/forget`): records, logs, topic links. Returns the cases that
   * were still open (with their topics), so the staff can be told.
   */
  async forgetUser(address: Address): Promise<Array<{ id: number; topic?: number }>> {
    const key = userKey(address);
    const ids = (await this.store.smembers(`case:by-user:${key}`)).map(Number);
    const open: Array<{ id: number; topic?: number }> = [];
    for (const id of ids) {
      const c = await this.get(id);
      if (c && c.status !== "closed") open.push({ id, topic: c.topic });
      if (c?.topic !== undefined) await this.store.delete(`case:topic:${c.topic}`);
      await this.store.srem("case:open", String(id));
      await this.store.delete(CaseStore.key(id), `case:${id}:log`);
    }
    await this.store.delete(`case:user:{${key}}`, `case:by-user:${key}`, `case:fb:{${key}}`);
    return open;
  }

  async get(id: number): Promise<Case | null> {
    return parseCase(await this.store.get(CaseStore.key(id)));
  }

  /**
   * Change a case atomically: `change` gets the current record and returns the new one, or
   * `null` to leave it as it is. Retried when another writer got there first, so `change` must
   * be a pure function of the record. A closed result gets the retention TTL.
   */
  async update(id: number, change: (c: Case) => Case | null): Promise<{ before: Case | null; after: Case | null; changed: boolean }> {
    const key = CaseStore.key(id);
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = await this.store.get(key);
      const before = parseCase(raw);
      if (!before) return { before: null, after: null, changed: false };
      const next = change(structuredClone(before));
      if (!next) return { before, after: before, changed: false };
      const value = JSON.stringify(CaseSchema.parse(next));
      const ttl = next.status === "closed" ? this.options.retentionMs : undefined;
      if (await this.store.compareAndSet(key, raw, value, ttl)) return { before, after: next, changed: true };
    }
    throw new Error(`case #${id} is being changed by too many writers at once; try the action again`);
  }

  /** The user's open case number, or null. */
  async openFor(address: Address): Promise<number | null> {
    const raw = await this.store.get(`case:user:{${userKey(address)}}`);
    return raw === null ? null : Number(raw);
  }

  /** Make `id` the user's open case again (reopen). False if the user has another open case. */
  async attachUser(c: Case): Promise<boolean> {
    const key = `case:user:{${userKey(c.user)}}`;
    if (await this.store.setIfAbsent(key, String(c.id))) return true;
    return (await this.store.get(key)) === String(c.id);
  }

  /** Ids of all cases that are not closed, oldest first. */
  async openIds(): Promise<number[]> {
    return (await this.store.smembers("case:open")).map(Number).sort((a, b) => a - b);
  }

  async append(id: number, entry: LogEntry): Promise<number> {
    return this.store.rpush(`case:${id}:log`, JSON.stringify(entry));
  }

  /** Log entries from index `from` (0-based) on. */
  async log(id: number, from = 0): Promise<LogEntry[]> {
    const raw = await this.store.lrange(`case:${id}:log`, from, -1);
    const out: LogEntry[] = [];
    for (const line of raw) {
      const parsed = LogEntrySchema.safeParse(safeJson(line));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async setTopic(id: number, topic: number): Promise<void> {
    await this.store.set(`case:topic:${topic}`, String(id));
  }

  async byTopic(topic: number): Promise<number | null> {
    const raw = await this.store.get(`case:topic:${topic}`);
    return raw === null ? null : Number(raw);
  }

  /** After a close: leave the open set, free the user, and let everything expire after the retention. */
  async retire(c: Case): Promise<void> {
    await this.store.srem("case:open", String(c.id));
    await this.store.deleteIfEquals(`case:user:{${userKey(c.user)}}`, String(c.id));
    await this.store.expire(`case:${c.id}:log`, this.options.retentionMs);
    if (c.topic !== undefined) await this.store.expire(`case:topic:${c.topic}`, this.options.retentionMs);
  }

  /** After a reopen: open again and keep the log and topic without expiry. */
  async revive(c: Case): Promise<void> {
    await this.store.sadd("case:open", String(c.id));
    await this.store.expire(`case:${c.id}:log`);
    if (c.topic !== undefined) await this.setTopic(c.id, c.topic);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function parseCase(raw: string | null): Case | null {
  if (raw === null) return null;
  const parsed = CaseSchema.safeParse(safeJson(raw));
  return parsed.success ? parsed.data : null;
}
