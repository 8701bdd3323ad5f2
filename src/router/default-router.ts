import type { Engine } from "../engine/engine.ts";
import type { EffectContext, EffectHandler, InboundHook, PluginEffects } from "../engine/effect-context.ts";
import { readSession, writeSession, type Session } from "../engine/session.ts";
import { userKey, type Address } from "../core/address.ts";
import { type Lang } from "../core/lang.ts";
import { type Clock } from "../core/clock.ts";
import { type Effect } from "../engine/types.ts";
import { type Inbound, type Outbound } from "../core/messages.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { hashId, type Logger } from "../core/log.ts";
import type { BatchOp, Store } from "../store/store.ts";
import { Outbox, type Deliver } from "../outbox/outbox.ts";
import { inboxIdsKey, inboxKey, lockKey, outboxKey, PENDING_KEY, seenKey, sessionKey } from "../core/keys.ts";
import { sleep, within } from "../outbox/limiter.ts";
import type { HandleResult, IntakeOptions, Router } from "./router.ts";
import { randomUUID } from "node:crypto";
import { UserLock } from "./user-lock.ts";
import { Frontiers } from "./frontier.ts";
import { setMaxListeners } from "node:events";
import { errors, handleSeconds, messagesIn, messagesOut } from "../metrics/metrics.ts";
import { statsEventOf, type StatsEvent, type StatsRecorder } from "../stats/events.ts"; // stats (issue 16)

export { sessionKey } from "../core/keys.ts";

export interface RouterOptions {
  engine: Engine;
  store: Store;
  /** The modules' effect handlers, inbound hooks and prefetch keys. */
  plugins: PluginEffects[];
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  /** Where replies and `sendTo` messages go (default: an outbox with no sender of its own: `handle` sends). */
  outbox?: Outbox;
  /** Idle time after which a session is deleted. */
  sessionTtlMs: number;
  /** Language for users who have not chosen one yet. */
  defaultLang: Lang;
  /** How long a handled message id is remembered (redeliveries come within minutes). */
  dedupeTtlMs?: number;
  /** The user's lock lease: a dead process's users are taken over after this long. Default 5 s. */
  lockTtlMs?: number;
  /** Statistics (issue 16): each message's events are recorded right after its commit, in one call. */
  stats?: StatsRecorder;
}

/**
 * An inbox entry: the inbound message, when it may be handled at the latest (its settle time),
 * and, when it belongs to a gapless numbering, the numbering and its number there.
 */
interface InboxEntry {
  i: Inbound;
  w?: number;
  s?: string;
  n?: number;
}

/** What the drainer reads under the lock: the first inbox entry, the session and the prefetched keys. */
interface Head {
  /** `Frontiers.tick` before the read. */
  readAt: number;
  head: string | null;
  session: string | null;
  prefetched: Map<string, string | null>;
}

const DAY_MS = 86_400_000;

/**
 * The router: the durable inbox, the per-user drain under a short lock lease, one atomic commit per
 * message (dedupe mark, inbox removal, session, replies into the outbox), and the send. See
 * `Router` for the contract and docs/architecture.md for the reasoning.
 */
export class DefaultRouter implements Router {
  readonly outbox: Outbox;
  private readonly lock: UserLock;
  private readonly lockTtlMs: number;
  private readonly effectHandlers = new Map<string, EffectHandler[]>();
  private readonly inboundHooks: InboundHook[];
  private readonly prefetch: NonNullable<PluginEffects["prefetch"]>[];
  /** The plugins' session slots, validated and migrated when a session is read. */
  private readonly slots: NonNullable<PluginEffects["session"]>[];
  /** Users being drained in this process. */
  private readonly draining = new Map<string, Promise<void>>();
  /** `handle` callers waiting for their message's commit, by user and message id. */
  private readonly waiting = new Map<string, (replies: Outbound[], entry: string | null) => void>();
  /** `handle`'s senders by user, while a `handle` of that user is in flight. */
  private readonly replyVia = new Map<string, { deliver: Deliver; count: number }>();
  private readonly halt = new AbortController();
  private readonly frontiers: Frontiers;
  private stopping = false;
  private lastOrder = 0;

  constructor(private readonly o: RouterOptions) {
    this.lockTtlMs = o.lockTtlMs ?? 5000;
    this.frontiers = new Frontiers(o.store);
    // Every waiting drain listens to it: as many listeners as users waiting.
    setMaxListeners(0, this.halt.signal);
    this.lock = new UserLock(o.store, { ttlMs: this.lockTtlMs, waitMs: 60_000 });
    this.outbox = o.outbox ?? new Outbox({ store: o.store, log: o.log, onBlocked: (to) => this.markBlocked(to) });
    for (const plugin of o.plugins) {
      for (const [type, handler] of Object.entries(plugin.effects ?? {})) {
        this.effectHandlers.set(type, [...(this.effectHandlers.get(type) ?? []), handler]);
      }
    }
    this.inboundHooks = o.plugins.flatMap((p) => (p.inbound ? [p.inbound] : []));
    this.prefetch = o.plugins.flatMap((p) => (p.prefetch ? [p.prefetch] : []));
    this.slots = o.plugins.flatMap((p) => (p.session ? [p.session] : []));
  }

  async intake(inbound: Inbound, options: IntakeOptions = {}): Promise<{ duplicate: boolean }> {
    const user = userKey(inbound.address);
    const now = Date.now();
    const order = options.order ?? (this.lastOrder = Math.max(now, this.lastOrder + 1));
    const entry: InboxEntry = options.settleMs
      ? { i: inbound, w: now + options.settleMs, ...(options.numbering !== undefined && options.order !== undefined ? { s: options.numbering, n: options.order } : {}) }
      : { i: inbound };
    const token = randomUUID();
    const extra = this.prefetchKeys(user);
    const readAt = this.frontiers.tick();
    const results = await this.o.store.batch(
      [
        { op: "setIfAbsent", key: lockKey(user), value: token, ttlMs: this.lockTtlMs },
        // Already committed (a redelivery): nothing to write. Already in the inbox: written once.
        { op: "ifAbsent", key: seenKey(user, inbound.messageId), skip: 3 },
        { op: "ifAbsent", key: inboxIdsKey(user), field: inbound.messageId, skip: 2 },
        { op: "hset", key: inboxIdsKey(user), field: inbound.messageId, value: String(order) },
        { op: "zadd", key: inboxKey(user), score: order, member: JSON.stringify(entry) },
        ...this.headOps(user, extra),
      ],
      // The index of users with pending work (another slot: in the same script on a single
      // server, beside it on a Cluster); the recovery sweep finds the inbox through it if this
      // process dies before handling.
      { index: { key: PENDING_KEY, member: user } },
    );
    if (results[0] === true) {
      // Stopping: stored for whoever comes next, not handled here.
      if (this.stopping) await this.o.store.deleteIfEquals(lockKey(user), token);
      else this.startDrain(user, token, this.readHead(results.slice(5), extra, readAt));
    }
    return { duplicate: results[1] === false };
  }

  async handle(inbound: Inbound, reply: (messages: Outbound[]) => Promise<void>): Promise<HandleResult> {
    const user = userKey(inbound.address);
    const via = this.replyVia.get(user) ?? { deliver: (_to: Address, messages: Outbound[]) => reply(messages), count: 0 };
    via.count++;
    this.replyVia.set(user, via);
    const waitKey = `${user}\n${inbound.messageId}`;
    let replies: Outbound[] = [];
    let entry: string | null = null;
    let committed = false;
    const local = new Promise<void>((resolve) =>
      this.waiting.set(waitKey, (r, e) => {
        replies = r;
        entry = e;
        committed = true;
        resolve();
      }),
    );
    try {
      const { duplicate } = await this.intake(inbound);
      if (duplicate) return { duplicate: true, replies: [] };
      // Committed here (usually: this process drains the user) or by another process (then
      // watch the dedupe mark, whose value is the id of the reply's outbox entry).
      while (!committed && !this.stopping) {
        const drain = this.draining.get(user);
        if (drain) {
          await Promise.race([local, drain]);
          continue;
        }
        const mark = await this.o.store.get(seenKey(user, inbound.messageId));
        if (mark !== null) {
          entry = mark === "1" ? null : mark;
          break;
        }
        await within(local, 20);
      }
      // Send the user's outbox through `reply` until this message's entry has left it: usually
      // the send the commit started here; else take the lease, or wait for another process.
      const id = entry;
      if (id !== null) {
        const sentHere = this.outbox.whenSent(id);
        let done = false;
        void sentHere.then(() => (done = true));
        while (!done && !this.stopping) {
          if (!this.outbox.isSending(user)) await this.outbox.flush(user, via.deliver);
          if (await within(sentHere.then(() => true), 50)) break;
          if (!(await this.o.store.lrange(outboxKey(user), 0, -1)).some((raw) => raw.includes(id))) break;
        }
        this.outbox.forget(id);
      }
      return { duplicate: false, replies };
    } finally {
      this.waiting.delete(waitKey);
      if (--via.count === 0) this.replyVia.delete(user);
    }
  }

  busy(user: string): boolean {
    return this.draining.has(user);
  }

  async drain(user: string): Promise<void> {
    const running = this.draining.get(user);
    if (running) return running;
    const token = randomUUID();
    const extra = this.prefetchKeys(user);
    const readAt = this.frontiers.tick();
    const results = await this.o.store.batch([{ op: "setIfAbsent", key: lockKey(user), value: token, ttlMs: this.lockTtlMs }, ...this.headOps(user, extra)]);
    if (results[0] !== true) return;
    this.startDrain(user, token, this.readHead(results.slice(1), extra, readAt));
    await this.draining.get(user);
  }

  async arrived(numbering: string, n: number, from?: Address): Promise<void> {
    await this.frontiers.arrived(numbering, n, from ? userKey(from) : "");
  }

  async idle(): Promise<void> {
    while (this.draining.size > 0 || this.outbox.sending > 0) {
      await Promise.allSettled([...this.draining.values()]);
      await sleep(5);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.halt.abort(new Error("router stopping"));
    await Promise.allSettled([...this.draining.values()]);
  }

  /**
   * The language a user chose, read without the lock: for a short note outside the dialogue (a
   * channel answering a stale button). Undefined when they chose none.
   */
  async userLang(address: Address): Promise<Lang | undefined> {
    return readSession(await this.o.store.get(sessionKey(userKey(address))), this.o.clock.now()).session.lang;
  }

  /** Mark a user who blocked the bot, under their lock. */
  async markBlocked(to: Address): Promise<void> {
    await this.editSession(to, (session) => {
      session.blocked = true;
      return true;
    });
  }

  async editSession(to: Address, change: (session: Session) => boolean): Promise<Session> {
    const user = userKey(to);
    const lock = lockKey(user);
    const token = randomUUID();
    await this.lock.acquire(lock, token);
    try {
      const read = readSession(await this.o.store.get(sessionKey(user)), this.o.clock.now(), this.slots);
      if (change(read.session)) await this.o.store.set(sessionKey(user), writeSession(read.session), this.o.sessionTtlMs);
      return read.session;
    } finally {
      await this.lock.release(lock, token);
    }
  }

  // --- the drain ----------------------------------------------------------------------------

  private prefetchKeys(user: string): string[] {
    return this.prefetch.flatMap((keysOf) => keysOf(user));
  }

  /** Read the first inbox entry, the session and the prefetched keys (after the caller's guards). */
  private headOps(user: string, extra: string[]): BatchOp[] {
    return [{ op: "zfirst", key: inboxKey(user) }, { op: "get", key: sessionKey(user) }, ...extra.map((k) => ({ op: "get" as const, key: k }))];
  }

  /**
   * Give the lock back if the inbox is empty (atomically: an entry written meanwhile failed to
   * take the lock, so it is seen here), else read the next entry (`headOps`). Results: the
   * emptiness guard, the release (true: given back), the presence guard, then the head's.
   */
  private releaseOrReadOps(user: string, token: string, extra: string[]): BatchOp[] {
    const head = this.headOps(user, extra);
    return [
      { op: "ifAbsent", key: inboxKey(user), skip: 1 },
      { op: "deleteIfEquals", key: lockKey(user), value: token },
      { op: "ifPresent", key: inboxKey(user), skip: head.length },
      ...head,
    ];
  }

  private readHead(results: (string | boolean | null)[], extra: string[], readAt: number): Head {
    const str = (v: string | boolean | null | undefined) => (typeof v === "string" ? v : null);
    return { readAt, head: str(results[0]), session: str(results[1]), prefetched: new Map(extra.map((k, i) => [k, str(results[2 + i])])) };
  }

  private startDrain(user: string, token: string, first: Head): void {
    const work = this.drainLocked(user, token, first)
      .catch((error: unknown) => this.o.log.error("inbox drain failed; the sweep retries", { user: hashId(user), error: errorName(error) }))
      .finally(() => this.draining.delete(user));
    this.draining.set(user, work);
  }

  /**
   * Handle the user's inbox in order while holding the lock (renewed in the background). Every
   * message ends in one commit that also gives the lock back if the inbox is empty, atomically,
   * so a message written meanwhile is never stranded: its intake failed to take the lock before
   * this commit ran, so the commit sees it.
   */
  private async drainLocked(user: string, token: string, first: Head): Promise<void> {
    const { store } = this.o;
    const lock = lockKey(user);
    const extra = this.prefetchKeys(user);
    let lost = false;
    const renew = setInterval(() => {
      void store.compareAndSet(lock, token, token, this.lockTtlMs).then((ok) => (lost ||= !ok), () => undefined);
    }, this.lockTtlMs / 3);
    let state: Head | null = first;
    try {
      for (;;) {
        if (state === null) {
          const readAt = this.frontiers.tick();
          const results = await store.batch([{ op: "ifEquals", key: lock, value: token }, ...this.headOps(user, extra)]);
          if (results[0] !== true) return;
          state = this.readHead(results.slice(1), extra, readAt);
        }
        if (this.stopping || lost) break;
        if (state.head === null) {
          // Nothing left: give the lock back unless something arrived (atomically).
          const readAt = this.frontiers.tick();
          const results = await store.batch([{ op: "ifEquals", key: lock, value: token }, ...this.releaseOrReadOps(user, token, extra)]);
          if (results[0] !== true || results[2] === true) return;
          state = this.readHead(results.slice(4), extra, readAt);
          continue;
        }
        const entry = parseInboxEntry(state.head);
        if (entry?.w !== undefined && !(await this.settled(user, entry, state.readAt))) {
          state = null; // read again: an earlier message may have come meanwhile
          continue;
        }
        const next = await this.handleOne(user, token, state, entry, extra);
        if (next === "released") return;
        state = next;
      }
    } finally {
      clearInterval(renew);
    }
    await store.deleteIfEquals(lock, token).catch(() => undefined);
  }

  /**
   * Whether a young entry may be handled now: an earlier update of the same user may still be on
   * its way to another worker. With a gapless numbering it waits until every earlier number has
   * arrived (false: read the head again, it may have changed), at most until its settle time;
   * without one, until its settle time. An entry past its settle time goes, and the numbers it
   * waited for are skipped, so later messages do not wait for them too.
   */
  private async settled(user: string, entry: InboxEntry, readAt: number): Promise<boolean> {
    const numbered = entry.s !== undefined && entry.n !== undefined;
    if (numbered && this.frontiers.covers(entry.s!, entry.n! - 1, readAt, user)) return true;
    const left = entry.w! - Date.now();
    if (left > 0) {
      if (!numbered) {
        await sleep(left, this.halt.signal).catch(() => undefined);
        return false;
      }
      // Reached: go on with this head unless an earlier update of this user may have come meanwhile.
      return (await this.frontiers.wait(entry.s!, entry.n! - 1, left, this.halt.signal)) && this.frontiers.covers(entry.s!, entry.n! - 1, readAt, user);
    }
    if (numbered) await this.frontiers.skip(entry.s!, entry.n! - 1).catch(() => undefined);
    return true;
  }

  /**
   * Run one inbox entry and commit it. Returns what the commit read next, "released" when the
   * inbox was empty and the commit gave the lock back, or null when the head must be read again. Throws if the lock was lost (nothing was
   * written then; the new holder handles the entry).
   */
  private async handleOne(user: string, token: string, state: Head, entry: InboxEntry | null, extra: string[]): Promise<Head | "released" | null> {
    const { store, log } = this.o;
    const raw = state.head!;
    const inbound = entry?.i;
    let replies: Outbound[] = [];
    let session: Session | null = null;
    let forgotten = false;
    let stats: StatsEvent[] = [];
    const timer = inbound ? handleSeconds.startTimer({ channel: inbound.address.channel }) : undefined;
    if (inbound) {
      try {
        ({ session, replies, forgotten, stats } = await this.run(user, inbound, state.session, state.prefetched));
      } catch (error) {
        errors.inc({ kind: "handle" });
        // A message that breaks the step must not block the user's inbox: it is committed with an apology.
        log.error("message handling failed; committed with an apology", { user: hashId(user), error: errorName(error) });
        const lang = readSession(state.session, this.o.clock.now()).session.lang ?? this.o.defaultLang;
        replies = [{ text: this.o.i18n.t(lang, "error-generic"), keys: ["error-generic"] }];
      }
    } else {
      log.error("inbox entry malformed; dropped", { user: hashId(user), bytes: raw.length });
    }
    const messageId = inbound?.messageId ?? "malformed";
    const outToken = randomUUID();
    const readAt = this.frontiers.tick();
    const out = inbound && replies.length > 0 ? this.outbox.entry(inbound.address, replies) : null;
    const outEntry = out?.raw ?? null;
    const entryId = out?.id ?? "1";
    // The guard on the dedupe mark makes the commit idempotent: ioredis sends a script again when
    // its reply was lost (a connection dropped mid-call); the second run then writes nothing, so
    // the replies are never appended twice. A malformed entry has no id to guard on.
    const guarded = inbound !== undefined;
    const ops: BatchOp[] = [
      { op: "ifEquals", key: lockKey(user), value: token },
      ...(guarded ? [{ op: "ifAbsent" as const, key: seenKey(user, messageId) }] : []),
      { op: "set", key: seenKey(user, messageId), value: entryId, ttlMs: this.o.dedupeTtlMs ?? DAY_MS },
      { op: "zrem", key: inboxKey(user), member: raw },
      { op: "hdel", key: inboxIdsKey(user), field: messageId },
      session === null
        ? { op: "get", key: sessionKey(user) }
        : forgotten
          ? { op: "delete", key: sessionKey(user) }
          : { op: "set", key: sessionKey(user), value: writeSession(session), ttlMs: this.o.sessionTtlMs },
      ...this.releaseOrReadOps(user, token, extra),
      ...(outEntry === null ? [] : this.outbox.appendOps(user, outEntry, outToken)),
    ];
    const results = await store.batch(ops);
    if (results[0] !== true) {
      log.warn("lock lost before the commit (a stall longer than the lease); another process handles the message", { user: hashId(user) });
      throw new LockLostError();
    }
    // This very commit ran before (resent after a lost reply): everything is written; read on.
    const already = guarded && results[1] !== true;
    if (already) log.warn("commit sent twice by the client after a lost reply; the second run wrote nothing", { user: hashId(user) });
    const g = guarded ? 1 : 0;
    if (inbound) {
      timer?.();
      const labels = { channel: inbound.address.channel, lang: session?.lang ?? this.o.defaultLang };
      messagesIn.inc(labels);
      if (replies.length > 0) messagesOut.inc(labels, replies.length);
    }
    const waiter = this.waiting.get(`${user}\n${messageId}`);
    waiter?.(replies, outEntry === null ? null : entryId);
    if (outEntry !== null) {
      const taken = already ? null : this.outbox.readAppend(results);
      const via = this.replyVia.get(user)?.deliver;
      if (taken) this.outbox.kick(user, via, { token: outToken, ...taken });
      else if (via) this.outbox.kick(user, via);
    }
    // Statistics (issue 16): added to the recorder's buffer in this process (no round trip while
    // the user's lock is held); the buffer is written once a second for every message.
    if (inbound && this.o.stats) await this.o.stats.record(stats, this.o.clock.now()).catch((error: unknown) => log.warn("statistics not recorded", { error: errorName(error) }));
    if (already) return null;
    if (results[6 + g] === true) return "released";
    return this.readHead(results.slice(8 + g), extra, readAt);
  }
  /** Inbound hooks, engine step and effects, on the session as stored. */
  private async run(
    key: string,
    inbound: Inbound,
    stored: string | null,
    prefetched: ReadonlyMap<string, string | null>,
  ): Promise<{ session: Session; replies: Outbound[]; forgotten: boolean; stats: StatsEvent[] }> {
    const { clock, log } = this.o;
    const read = readSession(stored, clock.now(), this.slots);
    if (!read.ok) log.warn("session reset", { user: hashId(key), reason: read.reason });

    const replies: Outbound[] = [];
    const ctx = this.context(inbound, read.session, replies);
    ctx.prefetched = prefetched;
    const stats: StatsEvent[] = [messageEvent(key, inbound, read.session, read.session)];
    for (const hook of this.inboundHooks) {
      if ((await hook(inbound, ctx)) === "handled") return { session: ctx.session, replies, forgotten: false, stats };
    }
    let forgotten = false;
    const { session, effects } = this.o.engine.step(ctx.session, inbound, clock, { prefetched });
    stats[0] = messageEvent(key, inbound, read.session, session);
    ctx.session = session;
    ctx.lang = session.lang ?? ctx.lang;
    for (const effect of effects) {
      if (effect.type === "forget") forgotten = true;
      const event = statsEventOf(effect);
      if (event) stats.push(event);
      if (effect.type !== "x-stats") await this.apply(effect, ctx, replies, key);
    }
    return { session: ctx.session, replies, forgotten, stats };
  }

  private async apply(effect: Effect, ctx: EffectContext & { session: Session }, replies: Outbound[], key: string): Promise<void> {
    if (effect.type === "send") {
      replies.push(effect.message);
      return;
    }
    // `forget`: the session itself is deleted by the closing batch; modules clean up their own keys.
    const handlers = this.effectHandlers.get(effect.type);
    if (handlers) {
      for (const handler of handlers) {
        try {
          await handler(effect, ctx);
        } catch (error) {
          this.o.log.error("effect failed", { effect: effect.type, user: hashId(key), error: errorName(error) });
          replies.push({ text: this.o.i18n.t(ctx.lang, "error-generic"), keys: ["error-generic"] });
        }
      }
    } else if (effect.type === "x-engine-error") {
      this.o.log.error("flow error", { reason: String(effect.reason), flow: String(effect.flow) });
    } else if (effect.type !== "forget") {
      this.o.log.warn("no handler for effect", { effect: effect.type });
    }
  }

  private context(inbound: Inbound, session: Session, replies: Outbound[]): EffectContext & { session: Session } {
    const o = this.o;
    return {
      address: inbound.address,
      lang: session.lang ?? o.defaultLang,
      session,
      store: o.store,
      i18n: o.i18n,
      log: o.log,
      clock: o.clock,
      reply: (message) => replies.push(message),
      // Queued durably in the addressee's outbox (not part of this message's commit: a crash
      // before the commit may queue it twice).
      sendTo: (address, messages) => this.outbox.enqueue(address, messages),
    };
  }
}

/** The lock lease ran out before the commit: the work is dropped, the new holder redoes it. */
class LockLostError extends Error {
  override name = "LockLostError";
}

/** Statistics (issue 16): the message, with the source and flow when this step changed them. */
function messageEvent(user: string, inbound: Inbound, before: Session, after: Session): StatsEvent {
  const flow = after.stack.at(-1)?.f;
  return {
    k: "message",
    user,
    channel: inbound.address.channel,
    lang: after.lang ?? before.lang ?? "-",
    ...(after.src && after.src !== before.src ? { source: after.src } : {}),
    ...(flow && flow !== before.stack.at(-1)?.f ? { flow } : {}),
  };
}

function parseInboxEntry(raw: string): InboxEntry | null {
  try {
    const value = JSON.parse(raw) as Partial<InboxEntry>;
    return value.i && typeof value.i.messageId === "string" && typeof value.i.address?.id === "string" ? (value as InboxEntry) : null;
  } catch {
    return null;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : "unknown";
}
