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
 * - `case:sla` — due times of the staff reminders (sorted set, member `<id>:<level>`, see `sla.ts`).
 * - `case:fb:{<userKey>}` — the case whose 1–5 feedback the user was asked for (a day).
 * - `case:q` — the staff queue (`queue.ts`; its drainer adds `:win` and `:lock`).
 * Closed cases keep record, log and topic for `retentionMs`, then expire. Nothing outside this
 * module writes a `case:` key by hand: `caseKeys` builds them.
 *
 * @example
 * const cases = new CaseStore(store, { retentionMs: 90 * 86_400_000 });
 * const { after } = await cases.update(12, (c) => (c.status === "waiting" ? { ...c, status: "assigned" } : null));
 */
export const caseKeys = {
  seq: "case:seq",
  open: "case:open",
  sla: "case:sla",
  queue: "case:q",
  record: (id: number): string => `case:${id}`,
  log: (id: number): string => `case:${id}:log`,
  topic: (topic: number): string => `case:topic:${topic}`,
  /** The user's open case; `user` is a `userKey`, in a hash tag so the router reads it with the session. */
  user: (user: string): string => `case:user:{${user}}`,
  byUser: (user: string): string => `case:by-user:${user}`,
  /** Pending 1–5 feedback; hash-tagged like `user`. */
  feedback: (user: string): string => `case:fb:{${user}}`,
  /** The open case the user left the chat of (`/menu`): their messages go to the bot; hash-tagged like `user`. */
  left: (user: string): string => `case:left:{${user}}`,
} as const;

/** A staff reminder level: 1 after the SLA, 2 (to the admins) after twice the SLA. */
export type SlaLevel = 1 | 2;

export class CaseStore {
  constructor(
    readonly store: Store,
    private readonly options: { retentionMs: number },
  ) {}

  static key(id: number): string {
    return caseKeys.record(id);
  }

  /** Create a case with the next number and make it the user's open case. */
  async create(data: Omit<Case, "id">): Promise<Case> {
    const id = await this.store.incr(caseKeys.seq);
    const record = CaseSchema.parse({ ...data, id });
    await this.store.set(CaseStore.key(id), JSON.stringify(record));
    await this.store.sadd(caseKeys.open, String(id));
    await this.store.set(caseKeys.user(userKey(record.user)), String(id));
    await this.store.sadd(caseKeys.byUser(userKey(record.user)), String(id));
    return record;
  }

  /**
   * Delete every case of a user (`/forget`): records, logs, topic links. Returns the cases that
   * were still open (with their topics), so the staff can be told.
   */
  async forgetUser(address: Address): Promise<Array<{ id: number; topic?: number }>> {
    const key = userKey(address);
    const ids = (await this.store.smembers(caseKeys.byUser(key))).map(Number);
    const open: Array<{ id: number; topic?: number }> = [];
    for (const id of ids) {
      const c = await this.get(id);
      if (c && c.status !== "closed") open.push({ id, topic: c.topic });
      if (c?.topic !== undefined) await this.store.delete(caseKeys.topic(c.topic));
      await this.store.srem(caseKeys.open, String(id));
      await this.store.delete(CaseStore.key(id), caseKeys.log(id));
    }
    await this.store.delete(caseKeys.user(key), caseKeys.byUser(key), caseKeys.feedback(key), caseKeys.left(key));
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
    const raw = await this.store.get(caseKeys.user(userKey(address)));
    return raw === null ? null : Number(raw);
  }

  /** Make `id` the user's open case again (reopen). False if the user has another open case. */
  async attachUser(c: Case): Promise<boolean> {
    const key = caseKeys.user(userKey(c.user));
    if (await this.store.setIfAbsent(key, String(c.id))) return true;
    return (await this.store.get(key)) === String(c.id);
  }

  /** Let go of the user's open case `id` (unless another case has become their open one). */
  async detachUser(address: Address, id: number): Promise<void> {
    await this.store.deleteIfEquals(caseKeys.user(userKey(address)), String(id));
  }

  /** Remember that the user was asked for feedback on case `id`, for `ttlMs`. */
  async askFeedback(address: Address, id: number, ttlMs: number): Promise<void> {
    await this.store.set(caseKeys.feedback(userKey(address)), String(id), ttlMs);
  }

  /** The question for feedback is answered or dropped. */
  async clearFeedback(address: Address): Promise<void> {
    await this.store.delete(caseKeys.feedback(userKey(address)));
  }

  /** Remind the staff of case `id` at `at` (epoch ms), at reminder `level`. */
  async scheduleReminder(id: number, level: SlaLevel, at: number): Promise<void> {
    await this.store.zadd(caseKeys.sla, at, `${id}:${level}`);
  }

  /** No more reminders for case `id` (taken or closed). */
  async cancelReminders(id: number): Promise<void> {
    await this.store.zrem(caseKeys.sla, `${id}:1`, `${id}:2`);
  }

  /**
   * Reminders due by `now` (at most `limit`), each claimed by removing it: a reminder another
   * process claimed first is not returned, so none is sent twice.
   */
  async claimDueReminders(now: number, limit: number): Promise<Array<{ id: number; level: SlaLevel }>> {
    const out: Array<{ id: number; level: SlaLevel }> = [];
    for (const member of await this.store.zrangeByScore(caseKeys.sla, 0, now, limit)) {
      if ((await this.store.zrem(caseKeys.sla, member)) === 0) continue; // another process has it
      const [id, level] = member.split(":").map(Number);
      if (id !== undefined && (level === 1 || level === 2)) out.push({ id, level });
    }
    return out;
  }

  /** Ids of all cases that are not closed, oldest first. */
  async openIds(): Promise<number[]> {
    return (await this.store.smembers(caseKeys.open)).map(Number).sort((a, b) => a - b);
  }

  async append(id: number, entry: LogEntry): Promise<number> {
    return this.store.rpush(caseKeys.log(id), JSON.stringify(entry));
  }

  /** Log entries from index `from` (0-based) on. */
  async log(id: number, from = 0): Promise<LogEntry[]> {
    const raw = await this.store.lrange(caseKeys.log(id), from, -1);
    const out: LogEntry[] = [];
    for (const line of raw) {
      const parsed = LogEntrySchema.safeParse(safeJson(line));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async setTopic(id: number, topic: number): Promise<void> {
    await this.store.set(caseKeys.topic(topic), String(id));
  }

  async byTopic(topic: number): Promise<number | null> {
    const raw = await this.store.get(caseKeys.topic(topic));
    return raw === null ? null : Number(raw);
  }

  /** Note that the user left the chat of their open case `c` (until they ask again or it is reopened). */
  async markLeft(c: Case): Promise<void> {
    await this.store.set(caseKeys.left(userKey(c.user)), String(c.id));
  }

  /** The user talks to the consultant again (asked again, or the case was reopened). */
  async clearLeft(address: Address): Promise<void> {
    await this.store.delete(caseKeys.left(userKey(address)));
  }

  /** After a close: leave the open set, free the user, and let everything expire after the retention. */
  async retire(c: Case): Promise<void> {
    await this.store.srem(caseKeys.open, String(c.id));
    await this.store.deleteIfEquals(caseKeys.user(userKey(c.user)), String(c.id));
    await this.store.deleteIfEquals(caseKeys.left(userKey(c.user)), String(c.id));
    await this.store.expire(caseKeys.log(c.id), this.options.retentionMs);
    if (c.topic !== undefined) await this.store.expire(caseKeys.topic(c.topic), this.options.retentionMs);
  }

  /** After a reopen: open again and keep the log and topic without expiry. */
  async revive(c: Case): Promise<void> {
    await this.store.sadd(caseKeys.open, String(c.id));
    await this.store.expire(caseKeys.log(c.id));
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
