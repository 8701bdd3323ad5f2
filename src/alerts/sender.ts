import { randomUUID } from "node:crypto";
import type { Address, ChannelName } from "../core/address.ts";
import type { Clock } from "../core/clock.ts";
import type { Outbound } from "../core/messages.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { hashId, type Logger } from "../core/log.ts";
import { BlockedError, RateLimitedError } from "../core/delivery-errors.ts";
import { sleep, type SendLimiter, type Share } from "../outbox/limiter.ts";
import type { Store } from "../store/store.ts";
import { ALERT_CHANNELS, segmentKey, type AlertChannel, type Recipient } from "./audience.ts";
import { whatsappDayKey } from "./keys.ts";
import type { AlertRecord, AlertStore, Outcome } from "./store.ts";
import { alertMessage } from "./texts.ts";
import { isQuiet, localDay, type QuietHours } from "./time.ts";
import type { StatsEvent, StatsRecorder } from "../stats/events.ts";

export interface AlertSenderDeps {
  alerts: AlertStore;
  store: Store;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  /** Sends to a user on their channel; throws `BlockedError`, `RateLimitedError` or another error. */
  send: (to: Address, messages: Outbound[]) => Promise<void>;
  /** Whether this process can send on a channel (a lane of another channel is left to a process that can). */
  canSend: (channel: ChannelName) => boolean;
  /** The shared limiter of the outbox (per chat and per bot). */
  limiter?: SendLimiter;
  /** The alerts' own overall rate per channel whose sends take no limiter turn (WhatsApp). */
  gates: Partial<Record<AlertChannel, (signal?: AbortSignal) => Promise<void>>>;
  /** The alerts' own overall rate on Telegram (below the bot's, so replies keep room), taken in the limiter's turn. */
  share?: Share;
  /** Every segment (a blocked user is unsubscribed from all). */
  segments: () => readonly string[];
  timeZone: string;
  quiet: QuietHours | null;
  whatsappDailyCap: number;
  /** Statistics (issue 16): each recipient's sent or blocked, and the unsubscribe a block causes; no user. */
  stats?: StatsRecorder;
  /** Told of progress (at most every `progressMs`) and once when an alert ends. */
  onProgress?: (alert: AlertRecord, ended: boolean) => void | Promise<void>;
  progressMs?: number;
  /** Parallel sends per Telegram lane (the API's latency, not the rate, is what this covers). Default TELEGRAM_IN_FLIGHT. */
  parallel?: number;
  /** Attempts before a recipient counts as failed. Default 3. */
  attempts?: number;
  leaseMs?: number;
  pollMs?: number;
}

/**
 * Parallel sends per Telegram lane by default (25/s over the Bot API's answer time needs several at
 * once). It is also the most a kill -9 can repeat per alert: each of these may have reached
 * Telegram before its outcome was written, so the next sender sends them again (WhatsApp: 1).
 */
export const TELEGRAM_IN_FLIGHT = 8;

/** Counters for logs and metrics. */
export const alertCounters = { sent: 0, possibleRepeats: 0, blocked: 0, failed: 0 };

/**
 * Sends alerts: every `pollMs` it looks at the unfinished alerts, takes the lease of each one due
 * (one worker per alert, any process), and walks its recipients per channel in order.
 *
 * Exactly once per recipient: before sending, the recipient is marked "in flight" in the alert's
 * done-hash; after sending, one script turns the mark into the outcome and counts it. A sender
 * killed between the two leaves the mark "in flight": the next one sends that message again (at
 * most the few in flight are repeated, counted in `possibleRepeats`); every other recipient with
 * an outcome is skipped. The cursor per channel only saves re-reading the marks.
 *
 * Pacing: each message waits for one turn of the chat, the bot and the alerts' own bucket
 * (ALERT_RATE_PER_SEC) together in the outbox's limiter, shared through Redis, so alerts use at
 * most their rate and replies keep the rest of the bot's. WhatsApp: one at a time at WHATSAPP_PACE_MS
 * and at most WHATSAPP_ALERT_DAILY_CAP a day. Pause, resume and cancel are states in the store
 * that the sender reads before each recipient, so a button pressed at any worker stops it.
 */
export class AlertSender {
  private readonly halt = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(private readonly d: AlertSenderDeps) {}

  start(): void {
    const every = this.d.pollMs ?? 1000;
    const loop = () => {
      if (this.stopped) return;
      this.busy = this.tick()
        .catch((error: unknown) => this.d.log.warn("alerts: a pass failed, retrying", { error: String(error) }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, every);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.halt.abort(new Error("alerts stopping"));
    await this.busy.catch(() => undefined);
  }

  /** One pass: start every due alert not being sent (its own promise; the pass does not wait for it). */
  async tick(): Promise<void> {
    for (const id of await this.d.alerts.active()) {
      if (this.running.has(id) || this.stopped) continue;
      this.running.add(id);
      void this.run(id)
        .catch((error: unknown) => this.d.log.warn("alerts: sending stopped on an error, retrying", { alert: id, error: String(error) }))
        .finally(() => this.running.delete(id));
    }
  }

  /** Whether any alert is being sent from here. */
  get sending(): number {
    return this.running.size;
  }

  /** Send one alert as far as possible now (due, not paused, not quiet); ends it when all are done. */
  async run(id: string): Promise<void> {
    const { alerts, clock } = this.d;
    const alert = await alerts.get(id);
    if (!alert) return;
    if (alert.state === "cancelled" || alert.state === "done") return this.end(alert);
    if (alert.state === "paused" || alert.at > clock.now() || (alert.at > 0 && isQuiet(this.d.quiet, clock.now(), this.d.timeZone))) return;
    const token = randomUUID();
    const leaseMs = this.d.leaseMs ?? 5000;
    if (!(await alerts.lease(id, token, leaseMs))) return;
    const renew = setInterval(() => void alerts.lease(id, token, leaseMs).catch(() => undefined), leaseMs / 3);
    try {
      if (alert.state === "queued" && (await alerts.transition(id, ["queued"], "sending")) === null) return;
      const texts = await alerts.texts(id);
      if (!texts) {
        this.d.log.error("alerts: the texts expired before the alert was sent; cancelled", { alert: id });
        await alerts.cancel(id);
      } else {
        const progress = this.progress(id);
        // A channel this process cannot send on is done only when another process finished its list.
        const lanes = ALERT_CHANNELS.map(async (c) => (this.d.canSend(c) ? this.lane(alert, c, texts, progress) : (await alerts.next(id, c, 1)).recipients.length === 0));
        const finished = await Promise.all(lanes);
        progress.flush();
        if (finished.every(Boolean)) await alerts.transition(id, ["sending"], "done");
      }
      const now = await alerts.get(id);
      if (now && (now.state === "done" || now.state === "cancelled")) await this.end(now);
    } finally {
      clearInterval(renew);
      await alerts.release(id, token).catch(() => undefined);
    }
  }

  private async end(alert: AlertRecord): Promise<void> {
    if (alert.finished) return;
    await this.d.alerts.finish(alert.id, this.d.clock.now());
    this.d.log.info("alert ended", { alert: alert.id, state: alert.state, sent: alert.sent, failed: alert.failed, blocked: alert.blocked });
    const final = await this.d.alerts.get(alert.id);
    if (final) await this.d.onProgress?.(final, true);
  }

  /** Progress reports at most every `progressMs`. */
  private progress(id: string): { tick(): void; flush(): void } {
    let last = 0;
    const report = () => {
      last = Date.now();
      void this.d.alerts
        .get(id)
        .then((a) => (a && a.state !== "done" ? this.d.onProgress?.(a, false) : undefined))
        .catch(() => undefined);
    };
    return {
      tick: () => {
        if (this.d.onProgress && Date.now() - last >= (this.d.progressMs ?? 3000)) report();
      },
      flush: () => {
        if (this.d.onProgress) report();
      },
    };
  }

  /** Send a channel's recipients in order; true when the list is done, false when held (paused, quiet, capped, stopping). */
  private async lane(alert: AlertRecord, channel: AlertChannel, texts: Partial<Record<string, string>>, progress: { tick(): void }): Promise<boolean> {
    const parallel = channel === "whatsapp" ? 1 : (this.d.parallel ?? TELEGRAM_IN_FLIGHT);
    for (;;) {
      if (!(await this.mayGoOn(alert))) return false;
      if (channel === "whatsapp" && !(await this.underCap())) return false;
      const { cursor, recipients } = await this.d.alerts.next(alert.id, channel, parallel * 4);
      if (recipients.length === 0) return true;
      let stop = false;
      let index = 0;
      const worker = async () => {
        while (!stop && index < recipients.length) {
          const r = recipients[index++]!;
          if (!(await this.mayGoOn(alert)) || (channel === "whatsapp" && !(await this.underCap()))) {
            stop = true;
            return;
          }
          await this.one(alert, channel, r, texts);
          progress.tick();
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, recipients.length) }, worker));
      if (stop) return false;
      await this.d.alerts.advance(alert.id, channel, cursor + recipients.length);
    }
  }

  private async mayGoOn(alert: AlertRecord): Promise<boolean> {
    if (this.stopped) return false;
    if (alert.at > 0 && isQuiet(this.d.quiet, this.d.clock.now(), this.d.timeZone)) return false;
    return (await this.d.alerts.state(alert.id)) === "sending";
  }

  private async underCap(): Promise<boolean> {
    const used = Number((await this.d.store.get(whatsappDayKey(localDay(this.d.clock.now(), this.d.timeZone)))) ?? 0);
    return used < this.d.whatsappDailyCap;
  }

  /** One recipient, exactly once (see the class). */
  private async one(alert: AlertRecord, channel: AlertChannel, r: Recipient, texts: Partial<Record<string, string>>): Promise<void> {
    const { alerts, store, log } = this.d;
    const claim = await alerts.claim(alert.id, r.user);
    if (claim === "done") return;
    if (claim === "repeat") {
      alertCounters.possibleRepeats++;
      log.warn("alerts: a recipient may get the alert twice (its sender stopped while sending)", { alert: alert.id, user: hashId(r.user) });
    }
    const subscribed = await Promise.all(alert.audience.segments.map((s) => store.sismember(segmentKey(s), r.user)));
    const text = texts[r.lang];
    if (!subscribed.some(Boolean) || text === undefined) return alerts.commit(alert.id, r.user, "skipped");
    const to: Address = { channel, id: r.user.slice(channel.length + 1) };
    const outcome = await this.deliver(to, alertMessage(this.d.i18n, r.lang, text));
    if (outcome === null) return; // stopping: the mark stays "in flight", the next sender sends it
    if (outcome === "blocked") {
      for (const segment of this.d.segments()) await store.srem(segmentKey(segment), r.user);
    }
    if (channel === "whatsapp" && outcome === "sent") {
      const key = whatsappDayKey(localDay(this.d.clock.now(), this.d.timeZone));
      if ((await store.incr(key)) === 1) await store.expire(key, 2 * 86_400_000);
    }
    alertCounters[outcome === "skipped" ? "failed" : outcome]++;
    await alerts.commit(alert.id, r.user, outcome);
    if (outcome === "sent" || outcome === "blocked") {
      const events: StatsEvent[] = [{ k: "alert", result: outcome }, ...(outcome === "blocked" ? [{ k: "unsubscribe" as const }] : [])];
      await this.d.stats?.record(events, this.d.clock.now()).catch((error: unknown) => log.warn("statistics not recorded", { error: String(error) }));
    }
  }

  /** Send with the alerts' pace and the shared limits; the outcome, or null when stopping. */
  private async deliver(to: Address, text: string): Promise<Outcome | null> {
    const signal = this.halt.signal;
    const attempts = this.d.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.d.gates[to.channel as AlertChannel]?.(signal);
        if (to.channel === "telegram") await this.d.limiter?.take(to.channel, to.id, false, signal, this.d.share);
        await this.d.send(to, [{ text, purpose: "alert" }]);
        return "sent";
      } catch (error) {
        if (this.stopped) return null;
        if (error instanceof BlockedError) return "blocked";
        if (error instanceof RateLimitedError) {
          await this.d.limiter?.pause(to.channel, error.retryAfterMs);
          attempt--;
          continue;
        }
        if (attempt >= attempts) {
          this.d.log.warn("alerts: not delivered after retries", { user: hashId(`${to.channel}:${to.id}`), error: String(error) });
          return "failed";
        }
        await sleep(Math.min(500 * 2 ** attempt, 10_000), signal).catch(() => undefined);
      }
    }
  }
}
