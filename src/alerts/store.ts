import type { Lang } from "../core/lang.ts";
import type { Store } from "../store/store.ts";
import { ALERT_CHANNELS, type AlertChannel, type Audience, type Recipient } from "./audience.ts";
import { ACTIVE_KEY, alertKey, countKey, cursorKey, doneKey, INDEX_KEY, leaseKey, recipientsKey, SEQ_KEY, stateKey, textsKey } from "./keys.ts";

export const ALERT_STATES = ["queued", "sending", "paused", "cancelled", "done"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** What happened to one recipient: sent, failed (after retries), blocked the bot, unsubscribed meanwhile. */
export type Outcome = "sent" | "failed" | "blocked" | "skipped";
const CODE: Record<Outcome, string> = { sent: "d", failed: "f", blocked: "b", skipped: "u" };
const OUTCOMES = Object.keys(CODE) as Outcome[];

/** The audit record of an alert (kept after it ended; the texts expire after CASE_RETENTION_DAYS). */
export interface AlertRecord {
  id: string;
  state: AlertState;
  /** Who sent it (`telegram:12345 Name`, `cli:user`). */
  by: string;
  created: number;
  /** When to send (epoch ms); 0: at once. */
  at: number;
  audience: Audience;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  skipped: number;
  finished?: number;
  /** The progress card in Telegram, `<chat>:<message>`, when the alert came from the wizard. */
  card?: string;
}

/** The short status `jol alert status` prints. */
export interface AlertStatus {
  id: string;
  state: AlertState;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  left: number;
}

export function statusOf(alert: AlertRecord): AlertStatus {
  const left = alert.state === "cancelled" ? 0 : Math.max(0, alert.total - alert.sent - alert.failed - alert.blocked - alert.skipped);
  return { id: alert.id, state: alert.state, total: alert.total, sent: alert.sent, failed: alert.failed, blocked: alert.blocked, left };
}

/**
 * Alerts in the store: the audit record, the state every worker honours, the texts (expiring),
 * and while sending the recipient lists, cursors and the marks of recipients with an outcome.
 * The counts are counters beside the marks; when the alert ends they are recounted from the
 * marks, so a sender killed between a mark and its count leaves the final report exact.
 */
export class AlertStore {
  constructor(
    readonly store: Store,
    private readonly textsTtlMs: number,
  ) {}

  /** Store a new alert (state `queued`, picked up by a worker once its time came); returns its id. */
  async create(input: { by: string; audience: Audience; texts: Partial<Record<Lang, string>>; recipients: readonly Recipient[]; at: number; now: number; card?: string }): Promise<string> {
    const id = String(await this.store.incr(SEQ_KEY));
    for (const channel of ALERT_CHANNELS) {
      const lines = input.recipients.filter((r) => r.user.startsWith(`${channel}:`)).map((r) => `${r.lang} ${r.user}`);
      for (let i = 0; i < lines.length; i += 1000) await this.store.rpush(recipientsKey(id, channel), ...lines.slice(i, i + 1000));
    }
    await this.store.set(textsKey(id), JSON.stringify(input.texts), this.textsTtlMs);
    await this.store.hset(alertKey(id), {
      by: input.by,
      created: String(input.now),
      at: String(input.at),
      audience: JSON.stringify(input.audience),
      total: String(input.recipients.length),
      ...(input.card ? { card: input.card } : {}),
    });
    await this.store.zadd(INDEX_KEY, input.now, id);
    await this.store.sadd(ACTIVE_KEY, id);
    await this.store.set(stateKey(id), "queued"); // last: a worker sees only complete alerts
    return id;
  }

  async get(id: string): Promise<AlertRecord | null> {
    const [state, h, ...running] = await Promise.all([this.store.get(stateKey(id)), this.store.hgetall(alertKey(id)), ...OUTCOMES.map((o) => this.store.get(countKey(id, o)))]);
    if (!state || !h.by) return null;
    // While sending the counters run beside the record; when it ended, the record holds the recount.
    OUTCOMES.forEach((o, i) => {
      if (!h.finished) h[o] = running[i] ?? "0";
    });
    const n = (field: string) => Number(h[field] ?? 0);
    return {
      id,
      state: state as AlertState,
      by: h.by,
      created: n("created"),
      at: n("at"),
      audience: JSON.parse(h.audience ?? "{}") as Audience,
      total: n("total"),
      sent: n("sent"),
      failed: n("failed"),
      blocked: n("blocked"),
      skipped: n("skipped"),
      ...(h.finished ? { finished: Number(h.finished) } : {}),
      ...(h.card ? { card: h.card } : {}),
    };
  }

  async state(id: string): Promise<AlertState | null> {
    return (await this.store.get(stateKey(id))) as AlertState | null;
  }

  /** The texts by language, or null once they expired. */
  async texts(id: string): Promise<Partial<Record<Lang, string>> | null> {
    const raw = await this.store.get(textsKey(id));
    return raw === null ? null : (JSON.parse(raw) as Partial<Record<Lang, string>>);
  }

  /** Alert ids, newest last (at most `limit`). */
  async ids(limit = 1000): Promise<string[]> {
    const all = await this.store.zrangeByScore(INDEX_KEY, -Infinity, Infinity);
    return all.slice(-limit);
  }

  async list(limit = 20): Promise<AlertRecord[]> {
    const records = await Promise.all((await this.ids(limit)).map((id) => this.get(id)));
    return records.filter((r): r is AlertRecord => r !== null);
  }

  /** Move from one of `from` to `to`; the state it had (null: none of `from`, nothing changed). */
  async transition(id: string, from: readonly AlertState[], to: AlertState): Promise<AlertState | null> {
    for (const state of from) if (await this.store.compareAndSet(stateKey(id), state, to)) return state;
    return null;
  }

  /** Pause (queued or sending), resume (paused → queued, a worker continues) or cancel (anything not finished). */
  pause(id: string) {
    return this.transition(id, ["sending", "queued"], "paused");
  }
  resume(id: string) {
    return this.transition(id, ["paused"], "queued");
  }
  cancel(id: string) {
    return this.transition(id, ["queued", "sending", "paused"], "cancelled");
  }

  /** Where the channel's list is done up to, and the next `count` recipients from there. */
  async next(id: string, channel: AlertChannel, count: number): Promise<{ cursor: number; recipients: Recipient[] }> {
    const cursor = Number((await this.store.get(cursorKey(id, channel))) ?? 0);
    const lines = await this.store.lrange(recipientsKey(id, channel), cursor, cursor + count - 1);
    return {
      cursor,
      recipients: lines.map((line) => {
        const space = line.indexOf(" ");
        return { lang: line.slice(0, space) as Lang, user: line.slice(space + 1) };
      }),
    };
  }

  async advance(id: string, channel: AlertChannel, cursor: number): Promise<void> {
    await this.store.set(cursorKey(id, channel), String(cursor));
  }

  /** Mark a recipient in flight: "fresh", "repeat" (it was in flight when a sender died) or "done". */
  async claim(id: string, user: string): Promise<"fresh" | "repeat" | "done"> {
    const [, added] = await this.store.batch([
      { op: "ifAbsent", key: doneKey(id), field: user, skip: 1 },
      { op: "hset", key: doneKey(id), field: user, value: "s" },
    ]);
    if (added === true) return "fresh";
    return (await this.store.hget(doneKey(id), user)) === "s" ? "repeat" : "done";
  }

  /** Record a recipient's outcome, then count it. */
  async commit(id: string, user: string, outcome: Outcome): Promise<void> {
    await this.store.hset(doneKey(id), { [user]: CODE[outcome] });
    await this.store.incr(countKey(id, outcome));
  }

  /** The sender's lease on an alert (one worker per alert at a time). */
  async lease(id: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.store.setIfAbsent(leaseKey(id), token, ttlMs)) || (await this.store.compareAndSet(leaseKey(id), token, token, ttlMs));
  }

  async release(id: string, token: string): Promise<void> {
    await this.store.deleteIfEquals(leaseKey(id), token);
  }

  /**
   * The alert ended (all sent, or cancelled): record when and drop the recipient lists and marks
   * (the audit record and counts stay; the texts expire on their own).
   */
  async finish(id: string, now: number): Promise<void> {
    const marks = Object.values(await this.store.hgetall(doneKey(id)));
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, String(marks.filter((m) => m === CODE[o]).length)]));
    await this.store.hset(alertKey(id), { ...counts, finished: String(now) });
    await this.store.delete(...OUTCOMES.map((o) => countKey(id, o)));
    const keys = [doneKey(id), ...ALERT_CHANNELS.flatMap((c) => [recipientsKey(id, c), cursorKey(id, c)])];
    await this.store.delete(...keys);
    await this.store.srem(ACTIVE_KEY, id);
  }

  /** Alerts not finished yet. */
  async active(): Promise<string[]> {
    return (await this.store.smembers(ACTIVE_KEY)).sort((a, b) => Number(a) - Number(b));
  }

  async setCard(id: string, card: string): Promise<void> {
    await this.store.hset(alertKey(id), { card });
  }
}
