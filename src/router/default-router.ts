import type { Engine } from "../engine/engine.ts";
import type { EffectContext, Plugin } from "../engine/plugin.ts";
import { readSession, writeSession, type Session } from "../engine/session.ts";
import { userKey, type Lang, type Clock, type Effect, type Inbound, type Outbound } from "../engine/types.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { hashId, type Logger } from "../log.ts";
import type { BatchOp, Store } from "../store/store.ts";
import { BlockedError, DeliveryError, type ChannelRegistry } from "../channels/channel.ts";
import type { HandleResult, Router } from "./router.ts";
import { randomUUID } from "node:crypto";
import { UserLock } from "./user-lock.ts";
import { errors, messagesIn, messagesOut } from "../ops/metrics.ts";

export interface RouterOptions {
  engine: Engine;
  store: Store;
  plugins: Plugin[];
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  channels: ChannelRegistry;
  /** Idle time after which a session is deleted. */
  sessionTtlMs: number;
  /** Language for users who have not chosen one yet. */
  defaultLang: Lang;
  /** How long a handled message id is remembered (redeliveries come within minutes). */
  dedupeTtlMs?: number;
}

/**
 * Storage keys of a user's session, lock and handled message ids. The user key is a Redis
 * Cluster hash tag (`{...}`), so the router's one-script batch touches one slot.
 * Other modules clean up their own keys on `forget`.
 */
export const sessionKey = (key: string) => `s:{${key}}`;
const lockKey = (key: string) => `lock:{${key}}`;
const seenKey = (key: string, messageId: string) => `seen:{${key}}:${messageId}`;

/**
 * The router of DESIGN.md: dedupe, per-user lock, plugins' inbound hooks, engine step, effects,
 * save, replies. See `Router` for the contract.
 */
export class DefaultRouter implements Router {
  private readonly lock: UserLock;
  private readonly effectHandlers = new Map<string, NonNullable<Plugin["effects"]>[string][]>();
  private readonly inboundHooks: NonNullable<Plugin["inbound"]>[];
  private readonly prefetch: NonNullable<Plugin["prefetch"]>[];

  constructor(private readonly o: RouterOptions) {
    this.lock = new UserLock(o.store);
    for (const plugin of o.plugins) {
      for (const [type, handler] of Object.entries(plugin.effects ?? {})) {
        this.effectHandlers.set(type, [...(this.effectHandlers.get(type) ?? []), handler]);
      }
    }
    this.inboundHooks = o.plugins.flatMap((p) => (p.inbound ? [p.inbound] : []));
    this.prefetch = o.plugins.flatMap((p) => (p.prefetch ? [p.prefetch] : []));
  }

  async handle(inbound: Inbound, reply: (messages: Outbound[]) => Promise<void>): Promise<HandleResult> {
    const key = userKey(inbound.address);
    const { store } = this.o;
    return this.lock.queue(key, async () => {
      // Dedupe mark, lock and session read in one atomic round trip: the read is consistent when
      // the lock was taken, because every writer of a session holds its lock.
      const lock = lockKey(key);
      const token = randomUUID();
      const extra = this.prefetch.flatMap((keysOf) => keysOf(key));
      const [fresh, locked, raw, ...values] = await store.batch([
        { op: "setIfAbsent", key: seenKey(key, inbound.messageId), value: "1", ttlMs: this.o.dedupeTtlMs ?? 86_400_000 },
        { op: "setIfAbsent", key: lock, value: token, ttlMs: this.lock.options.ttlMs },
        { op: "get", key: sessionKey(key) },
        ...extra.map((k) => ({ op: "get" as const, key: k })),
      ]);
      if (fresh !== true) {
        if (locked === true) await this.lock.release(lock, token);
        return { duplicate: true, replies: [] };
      }
      let stored = typeof raw === "string" ? raw : null;
      let prefetched = new Map(extra.map((k, i) => [k, typeof values[i] === "string" ? (values[i] as string) : null]));
      if (locked !== true) {
        // Another process has this user: wait, then read what it left.
        await this.lock.acquire(lock, token);
        const [again, ...rest] = await store.batch([sessionKey(key), ...extra].map((k) => ({ op: "get" as const, key: k })));
        stored = typeof again === "string" ? again : null;
        prefetched = new Map(extra.map((k, i) => [k, typeof rest[i] === "string" ? (rest[i] as string) : null]));
      }
      let released = false;
      try {
        const { session, replies, forgotten } = await this.run(key, inbound, stored, prefetched);
        const labels = { channel: inbound.address.channel, lang: session.lang ?? this.o.defaultLang };
        messagesIn.inc(labels);
        const save = (): BatchOp =>
          forgotten ? { op: "delete", key: sessionKey(key) } : { op: "set", key: sessionKey(key), value: writeSession(session), ttlMs: this.o.sessionTtlMs };
        // Saved and unlocked in one round trip before the replies go out: what the user sees is
        // never ahead of what is stored. The replies still leave in order: the next update of
        // this user in this process waits in the queue until they are sent.
        released = true;
        await store.batch([save(), { op: "deleteIfEquals", key: lock, value: token }]);
        if (replies.length > 0) {
          try {
            await reply(replies);
            messagesOut.inc(labels, replies.length);
          } catch (error) {
            errors.inc({ kind: error instanceof BlockedError ? "blocked" : "reply" });
            if (!(error instanceof BlockedError)) {
              this.o.log.error("reply failed", { user: hashId(key), channel: inbound.address.channel, error: errorName(error) });
              throw error;
            }
            this.o.log.info("user blocked the bot", { user: hashId(key), channel: inbound.address.channel });
            if (!forgotten) await this.markBlocked(key);
          }
        }
        return { duplicate: false, replies };
      } finally {
        if (!released) await this.lock.release(lock, token);
      }
    });
  }

  /** Mark a user who blocked the bot, under their lock (the session was saved and unlocked already). */
  private async markBlocked(key: string): Promise<void> {
    const lock = lockKey(key);
    const token = randomUUID();
    await this.lock.acquire(lock, token);
    try {
      const read = readSession(await this.o.store.get(sessionKey(key)), this.o.clock.now());
      read.session.blocked = true;
      await this.o.store.set(sessionKey(key), writeSession(read.session), this.o.sessionTtlMs);
    } finally {
      await this.lock.release(lock, token);
    }
  }

  /** Inbound hooks, engine step and effects, on the session as stored. */
  private async run(
    key: string,
    inbound: Inbound,
    stored: string | null,
    prefetched: ReadonlyMap<string, string | null>,
  ): Promise<{ session: Session; replies: Outbound[]; forgotten: boolean }> {
    const { clock, log } = this.o;
    const read = readSession(stored, clock.now());
    if (!read.ok) log.warn("session reset", { user: hashId(key), reason: read.reason });

    const replies: Outbound[] = [];
    const ctx = this.context(inbound, read.session, replies);
    ctx.prefetched = prefetched;
    for (const hook of this.inboundHooks) {
      if ((await hook(inbound, ctx)) === "handled") return { session: ctx.session, replies, forgotten: false };
    }
    let forgotten = false;
    const { session, effects } = this.o.engine.step(ctx.session, inbound, clock);
    ctx.session = session;
    ctx.lang = session.lang ?? ctx.lang;
    for (const effect of effects) {
      if (effect.type === "forget") forgotten = true;
      await this.apply(effect, ctx, replies, key);
    }
    return { session: ctx.session, replies, forgotten };
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
      sendTo: async (address, messages) => {
        try {
          await o.channels.send(address, messages);
        } catch (error) {
          if (error instanceof BlockedError || error instanceof DeliveryError) throw error;
          throw new DeliveryError(address, errorName(error));
        }
      },
    };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : "unknown";
}
