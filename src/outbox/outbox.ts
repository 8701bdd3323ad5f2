import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { Address, ChannelName } from "../core/address.ts";
import type { Outbound } from "../core/messages.ts";
import { userKey } from "../core/address.ts";
import { hashId, type Logger } from "../core/log.ts";
import type { BatchOp, Store } from "../store/store.ts";
import { BlockedError, HeldError, RateLimitedError } from "../core/delivery-errors.ts";
import type { Delivered, DeliveryTag, DurableDeliver } from "../core/delivery.ts";
import { errors } from "../metrics/metrics.ts";
import { outboxKey, outboxLeaseKey, PENDING_KEY, sendingKey } from "../core/keys.ts";
import { sleep, type SendLimiter } from "./limiter.ts";

/** One entry of a chat's outbox: plain JSON. */
export interface OutboxEntry {
  /** Unique per entry (two equal texts are two entries). */
  id: string;
  to: Address;
  messages: Outbound[];
  /** When it was committed (epoch ms): the queue's oldest age. */
  at: number;
  /** Who is told if it does not arrive (`listen`): a consultant's message carries its case. */
  tag?: DeliveryTag;
}

/** Sends one entry on its channel; throws `BlockedError`, `RateLimitedError` or another error. */
export type Deliver = (to: Address, messages: Outbound[]) => Promise<void>;

export interface OutboxOptions {
  store: Store;
  log: Logger;
  /** The default sender (the app's channels); `flush` may be given another one. */
  deliver?: Deliver;
  /** Whether this process can send on a channel (else the chat is left to a process that can). */
  canDeliver?: (channel: ChannelName) => boolean;
  limiter?: SendLimiter;
  /**
   * How many API calls an entry's messages take on their channel: one limiter turn is taken per
   * call (Telegram joins a reply's short texts into one). Default: one per message.
   */
  calls?: (to: Address, messages: Outbound[]) => number;
  /** Called (under the user's lock, by the router) when a user blocked the bot. */
  onBlocked?: (to: Address) => Promise<void>;
  /** The sender's lease on a chat: a dead sender's chat is taken over after this long. Default 5 s. */
  leaseMs?: number;
  /** Attempts of an entry that keeps failing before it is parked in `out:dead`. Default 5. */
  maxAttempts?: number;
  now?: () => number;
}

/** A lease the router's commit took for this process: its token and the first entry, marked. */
export interface Taken {
  token: string;
  head: string;
  repeat: boolean;
}

/** A tagged entry's end when it did not arrive. */
type Undelivered = Exclude<Delivered, { result: "sent" | "queued" }>;

/** Counters of the outbox, for logs and metrics (the ops module reads them). */
export const outboxCounters = {
  sent: 0,
  /** A new sender found a "sending" mark: the entry may have reached the user already and is sent again. */
  possibleRepeats: 0,
  /** Entries parked after `maxAttempts` failures. */
  parked: 0,
  /** Kept by the channel to send later itself (WhatsApp Cloud outside the 24-hour window). */
  held: 0,
  /** Entries dropped because the user blocked the bot. */
  blocked: 0,
};

const DAY_MS = 86_400_000;

/**
 * The durable outbox: every message the bot sends to a chat waits in that chat's list in the
 * store (`out:{telegram:42}`) until it was sent. Whoever holds the chat's lease
 * (`olock:{…}`, a few seconds, renewed while sending) sends the entries in order, so per-chat
 * order holds across processes, and any process can send any chat's entries: after a crash the
 * committed, unsent messages go out from whichever process gets there first.
 *
 * Before sending an entry the sender copies it into the chat's "sending" mark (`osend:{…}`), and
 * removes both when it was sent, in one script. A sender that takes over a chat and finds the mark
 * equal to the first entry knows the previous one died between sending and removing: it sends it
 * again (at least once) and counts a possible repeat (`outboxCounters.possibleRepeats`).
 *
 * @example
 * const outbox = new Outbox({ store, log, deliver: (to, m) => channels.send(to, m), limiter });
 * await outbox.enqueue({ channel: "telegram", id: "42" }, [{ text: "hello" }]);
 */
export class Outbox implements DurableDeliver {
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly halt = new AbortController();
  private readonly active = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopped = false;
  /** Callers waiting for an entry's outcome here, by entry id; and the outcomes seen lately. */
  private readonly waiters = new Map<string, (outcome: Delivered) => void>();
  private readonly doneLately = new Map<string, Delivered>();
  /** Told when a tagged entry does not arrive, by tag kind. */
  private readonly listeners = new Map<string, (tag: DeliveryTag, outcome: Undelivered) => Promise<void>>();

  constructor(private readonly o: OutboxOptions) {
    this.leaseMs = o.leaseMs ?? 5000;
    // Every chat waiting for its limiter turn listens to it.
    setMaxListeners(0, this.halt.signal);
    this.now = o.now ?? Date.now;
  }

  /** A new entry for `to`: its JSON and id. */
  entry(to: Address, messages: Outbound[], tag?: DeliveryTag): { raw: string; id: string } {
    // `id` first: the entry's JSON begins with `entryPrefix(id)`, which names it in the store.
    const entry: OutboxEntry = { id: randomUUID(), to, messages, at: this.now(), ...(tag ? { tag } : {}) };
    return { raw: JSON.stringify(entry), id: entry.id };
  }

  /**
   * Operations that append `raw` to the chat's outbox and, if no one is sending that chat, take
   * its lease for `token` and mark its first entry as being sent: the router puts them at the end
   * of its commit, so the committing process can send at once. Read the results with `readAppend`.
   */
  appendOps(chat: string, raw: string, token: string): BatchOp[] {
    return [{ op: "rpush", key: outboxKey(chat), value: raw }, ...leaseOps(chat, token, this.leaseMs)];
  }

  /** From the results of a batch ending with `appendOps`: the first entry if the lease was taken. */
  readAppend(results: (string | boolean | null)[]): { head: string; repeat: boolean } | null {
    return readLease(results.slice(-LEASE_OPS));
  }

  /** Queue messages for any chat (durably), then try to send them from here at once. */
  async enqueue(to: Address, messages: Outbound[]): Promise<void> {
    if (messages.length === 0) return;
    await this.append(to, messages);
    this.kick(userKey(to));
  }

  /**
   * Queue messages for a user durably (after the bot's replies already waiting, under the shared
   * limits), then wait up to `withinMs` for what became of them in this process. "queued" when
   * they were not sent from here in time: they stay in the outbox and go out later, from here or
   * from a process that runs the user's channel. A tagged entry that does not arrive is also
   * reported to the tag's listener, in whichever process finds out.
   */
  async deliver(to: Address, messages: Outbound[], options: { tag?: DeliveryTag; withinMs?: number } = {}): Promise<Delivered> {
    if (messages.length === 0) return { result: "sent" };
    const id = await this.append(to, messages, options.tag);
    if (!this.o.deliver || (this.o.canDeliver && !this.o.canDeliver(to.channel))) return { result: "queued" };
    const done = this.whenDone(id);
    this.kick(userKey(to));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Delivered>((resolve) => (timer = setTimeout(() => resolve({ result: "queued" }), options.withinMs ?? 10_000)));
    try {
      return await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
      this.forget(id);
    }
  }

  listen(kind: string, listener: (tag: DeliveryTag, outcome: Undelivered) => Promise<void>): void {
    this.listeners.set(kind, listener);
  }

  private async append(to: Address, messages: Outbound[], tag?: DeliveryTag): Promise<string> {
    const chat = userKey(to);
    const { raw, id } = this.entry(to, messages, tag);
    await this.o.store.batch([{ op: "rpush", key: outboxKey(chat), value: raw }], { index: { key: PENDING_KEY, member: chat } });
    return id;
  }

  /** Send the chat's outbox in the background (no-op if this process is sending it already). */
  kick(chat: string, deliver?: Deliver, taken?: Taken): void {
    void this.flush(chat, deliver, taken).catch((error: unknown) =>
      this.o.log.warn("outbox: sending failed, the sweep retries", { user: hashId(chat), error: describe(error) }),
    );
  }

  /**
   * Send everything in the chat's outbox, if no other process is sending it. Resolves when the
   * list is empty, the lease was lost, sending failed (the entry stays for a later try) or the
   * outbox is stopping. `deliver` replaces the default sender (the router's callers in tests and
   * the console). `taken` continues a lease the router's commit took.
   */
  async flush(chat: string, deliver?: Deliver, taken?: Taken): Promise<void> {
    const running = this.active.get(chat);
    if (running) {
      // Another flush of this chat runs here. A lease taken meanwhile (it gave its own back just
      // now) is continued after it; otherwise it is asked to look again when it is done.
      if (taken) return running.then(() => this.flush(chat, deliver, taken));
      this.again.add(chat);
      return running;
    }
    const work = this.run(chat, deliver, taken).finally(() => this.active.delete(chat));
    this.active.set(chat, work);
    await work;
    if (this.again.delete(chat) && !this.stopped) await this.flush(chat, deliver);
  }

  private async run(chat: string, deliver: Deliver | undefined, taken?: Taken): Promise<void> {
    const { store } = this.o;
    const send = deliver ?? this.o.deliver;
    const channel = chat.slice(0, chat.indexOf(":")) as ChannelName;
    if (!send || (!deliver && this.o.canDeliver && !this.o.canDeliver(channel))) {
      if (taken) await store.deleteIfEquals(outboxLeaseKey(chat), taken.token);
      return;
    }
    const token = taken?.token ?? randomUUID();
    let head: string | null;
    let repeat: boolean;
    if (taken) {
      ({ head, repeat } = taken);
    } else {
      // Take the lease and mark the first entry; with nothing to send, give the lease back in the same script.
      const results = await store.batch([
        ...leaseOps(chat, token, this.leaseMs),
        { op: "ifAbsent", key: outboxKey(chat), skip: 1 },
        { op: "deleteIfEquals", key: outboxLeaseKey(chat), value: token },
      ]);
      const got = readLease(results.slice(0, LEASE_OPS));
      if (!got) return;
      ({ head, repeat } = got);
    }
    // When the lease was last confirmed (the time its write was sent: Redis set it later, so it
    // lasts at least until then + leaseMs), and whether a renewal found it gone.
    let confirmedAt = this.now();
    let lost = false;
    const confirm = async (): Promise<boolean> => {
      const asked = this.now();
      const ok = await store.compareAndSet(outboxLeaseKey(chat), token, token, this.leaseMs);
      if (ok) confirmedAt = Math.max(confirmedAt, asked);
      else lost = true;
      return ok;
    };
    const renew = setInterval(() => void confirm().catch(() => undefined), this.leaseMs / 3);
    let attempts = 0;
    try {
      while (head !== null && !this.stopped) {
        const entry = parseEntry(head);
        const markedByDead = repeat;
        if (repeat) {
          outboxCounters.possibleRepeats++;
          this.o.log.warn("outbox: a message may be sent twice (its sender stopped between sending and marking it sent)", { user: hashId(chat) });
          repeat = false;
        }
        // What became of this entry: sent unless a failure below says otherwise.
        let outcome: Delivered = { result: "sent" };
        if (entry) {
          try {
            // A sender of the caller's own (a reply callback: the console, WhatsApp replies) is not paced here.
            // One turn per API call the entry takes (the channel knows: Telegram joins short texts).
            if (!deliver) {
              const turns = this.o.calls?.(entry.to, entry.messages) ?? entry.messages.length;
              for (let turn = 0; turn < turns; turn++) {
                await this.o.limiter?.take(entry.to.channel, entry.to.id, entry.to.id.startsWith("-"), this.halt.signal);
              }
            }
            // The lease may have run out while this process waited (for the limiter, or for Redis
            // through an outage): then another sender may have this entry, and sending it here would
            // repeat it. Confirmed by the renewals as a rule; asked for only after a long wait.
            if (lost || (this.now() - confirmedAt > this.leaseMs / 2 && !(await confirm()))) {
              this.o.log.warn("outbox: lease lost before sending (a long wait?); another process sends it", { user: hashId(chat) });
              // Not sent: take our "sending" mark back unless someone holds the chat now (they read
              // it already), so the next sender does not count a repeat that did not happen.
              if (!markedByDead) await store.batch([{ op: "ifAbsent", key: outboxLeaseKey(chat), skip: 1 }, { op: "deleteIfEquals", key: sendingKey(chat), value: head }]);
              return;
            }
            await send(entry.to, entry.messages);
            outboxCounters.sent++;
          } catch (error) {
            if (this.stopped) return; // the entry stays, with its mark, for the next sender
            if (error instanceof RateLimitedError) {
              await this.o.limiter?.pause(entry.to.channel, error.retryAfterMs);
              this.o.log.warn("outbox: rate limited, every process pauses", { channel: entry.to.channel, ms: error.retryAfterMs });
              continue;
            }
            if (error instanceof BlockedError) {
              outboxCounters.blocked++;
              errors.inc({ kind: "blocked" });
              this.o.log.info("user blocked the bot", { user: hashId(chat), channel: entry.to.channel });
              await store.batch([
                { op: "ifEquals", key: outboxLeaseKey(chat), value: token },
                { op: "delete", key: outboxKey(chat) },
                { op: "delete", key: sendingKey(chat) },
              ]);
              await this.o.onBlocked?.(entry.to);
              await this.done(entry, { result: "blocked" });
              return;
            }
            if (error instanceof HeldError) {
              // The channel keeps it and sends it later itself: done here, not retried or parked.
              outboxCounters.held++;
              outcome = { result: "held", note: error.note() };
              this.o.log.info("outbox: the channel holds the message for later", { user: hashId(chat), channel: entry.to.channel, error: describe(error) });
            } else if (++attempts < (this.o.maxAttempts ?? 5)) {
              this.o.log.warn("outbox: sending failed, retrying", { user: hashId(chat), attempt: attempts, error: describe(error) });
              await sleep(Math.min(500 * 2 ** attempts, 10_000), this.halt.signal).catch(() => undefined);
              continue;
            } else {
              outboxCounters.parked++;
              outcome = { result: "failed" };
              this.o.log.error("outbox: message not delivered after retries, parked in out:dead", { user: hashId(chat), error: describe(error) });
              await store.rpush("out:dead", head);
            }
          }
        } else {
          this.o.log.error("outbox: malformed entry dropped", { user: hashId(chat), bytes: head.length });
        }
        attempts = 0;
        // Sent: remove it and its mark, even if the lease ran out meanwhile (a Redis outage outlasts
        // it): what was sent must not wait for the next sender to repeat it. Then, if the lease is
        // still ours, release it if the list is now empty (atomically, so an entry appended
        // meanwhile is seen by its appender, which then takes the lease), else mark the next one.
        // An entry is named by its beginning, `{"id":"<unique id>",` (see `entry`): the whole
        // entry need not cross the wire again.
        const prefix = entry ? entryPrefix(entry.id) : head;
        const named = head.startsWith(prefix) ? prefix : head;
        const results = await store.batch([
          { op: "lpopIfEquals", key: outboxKey(chat), value: named, prefix: true },
          { op: "deleteIfEquals", key: sendingKey(chat), value: named, prefix: true },
          { op: "ifEquals", key: outboxLeaseKey(chat), value: token },
          { op: "ifAbsent", key: outboxKey(chat), skip: 1 },
          { op: "deleteIfEquals", key: outboxLeaseKey(chat), value: token },
          { op: "lfirst", key: outboxKey(chat) },
          { op: "setToFirst", key: sendingKey(chat), from: outboxKey(chat), ttlMs: DAY_MS },
        ]);
        if (entry && results[0] === true) await this.done(entry, outcome);
        if (results[2] !== true) {
          this.o.log.warn("outbox: lease lost while sending (a slow send?); another process continues", { user: hashId(chat) });
          return;
        }
        head = typeof results[5] === "string" ? results[5] : null;
      }
    } finally {
      clearInterval(renew);
      if (head !== null) await store.deleteIfEquals(outboxLeaseKey(chat), token).catch(() => undefined);
    }
  }

  /** Resolves when this process has sent the entry with this id (never, if another one sends it). */
  whenSent(id: string): Promise<void> {
    return this.whenDone(id).then(() => undefined);
  }

  /** Resolves with the entry's outcome once this process has dealt with it (never, if another one does). */
  private whenDone(id: string): Promise<Delivered> {
    const seen = this.doneLately.get(id);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  /** Stop waiting for an entry (`whenSent`). */
  forget(id: string): void {
    this.waiters.delete(id);
    this.doneLately.delete(id);
  }

  /** Whether this process is sending the chat's outbox right now. */
  isSending(chat: string): boolean {
    return this.active.has(chat);
  }

  /** An entry is dealt with: report a tagged one that did not arrive, then wake whoever waits for it here. */
  private async done(entry: OutboxEntry, outcome: Delivered): Promise<void> {
    if (outcome.result !== "sent" && outcome.result !== "queued" && entry.tag) {
      const { kind } = entry.tag;
      const listener = this.listeners.get(kind);
      if (!listener) this.o.log.warn("outbox: no one listens for undelivered messages of this kind", { kind });
      else await listener(entry.tag, outcome).catch((error: unknown) => this.o.log.warn("outbox: could not report an undelivered message", { kind, error: describe(error) }));
    }
    const waiter = this.waiters.get(entry.id);
    if (waiter) {
      this.waiters.delete(entry.id);
      waiter(outcome);
      return;
    }
    this.doneLately.set(entry.id, outcome);
    if (this.doneLately.size > 1000) this.doneLately.delete(this.doneLately.keys().next().value!);
  }

  /**
   * The whole outbox, for metrics: entries waiting in the chats listed as pending (at most
   * `maxChats` looked at) and the age of the oldest one, ms (0 when empty).
   */
  async backlog(maxChats = 1000): Promise<{ depth: number; oldestAgeMs: number; chats: number }> {
    const chats = (await this.o.store.smembers(PENDING_KEY)).slice(0, maxChats);
    let depth = 0;
    let oldest = Infinity;
    for (const chat of chats) {
      const [n, [first]] = await Promise.all([this.o.store.llen(outboxKey(chat)), this.o.store.lrange(outboxKey(chat), 0, 0)]);
      depth += n;
      const at = first === undefined ? undefined : parseEntry(first)?.at;
      if (at !== undefined) oldest = Math.min(oldest, at);
    }
    return { depth, oldestAgeMs: oldest === Infinity ? 0 : Math.max(0, this.now() - oldest), chats: chats.length };
  }

  /** Entries waiting in a chat's outbox. */
  async depth(chat: string): Promise<number> {
    return this.o.store.llen(outboxKey(chat));
  }

  /** Stop sending: in-flight sends finish or are cut short; entries stay in the store. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halt.abort(new Error("outbox stopping"));
    await Promise.allSettled([...this.active.values()]);
  }

  /** Chats being sent from this process right now. */
  get sending(): number {
    return this.active.size;
  }
}

const LEASE_OPS = 5;

/** Take the chat's lease, read the "sending" mark and the first entry, and mark it (`LEASE_OPS` operations). */
function leaseOps(chat: string, token: string, leaseMs: number): BatchOp[] {
  return [
    { op: "setIfAbsent", key: outboxLeaseKey(chat), value: token, ttlMs: leaseMs },
    { op: "ifEquals", key: outboxLeaseKey(chat), value: token, skip: 3 },
    { op: "get", key: sendingKey(chat) },
    { op: "lfirst", key: outboxKey(chat) },
    { op: "setToFirst", key: sendingKey(chat), from: outboxKey(chat), ttlMs: DAY_MS },
  ];
}

/** The lease's results: the first entry (and whether a dead sender had marked it) if the lease is ours. */
function readLease(results: (string | boolean | null)[]): { head: string; repeat: boolean } | null {
  const [, ours, mark, head] = results;
  if (ours !== true || typeof head !== "string") return null;
  return { head, repeat: mark === head };
}

/** How every entry's JSON begins: unique, so it names the entry (`{"id":"…",`). */
function entryPrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},`;
}

function parseEntry(raw: string): OutboxEntry | null {
  try {
    const value = JSON.parse(raw) as Partial<OutboxEntry>;
    if (typeof value.to?.channel !== "string" || typeof value.to.id !== "string" || !Array.isArray(value.messages)) return null;
    return value as OutboxEntry;
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error);
}
