import type { Config } from "../config/schema.ts";
import { statsFor } from "../stats/create.ts";
import type { Clock } from "../core/clock.ts";
import type { Deliver } from "../core/delivery.ts";
import type { ChannelName } from "../core/address.ts";
import type { Logger } from "../core/log.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Store } from "../store/store.ts";
import { CATCH_UP_BURST, createRateGate, createSendLimiter, limitsFor } from "../outbox/limiter.ts";
import { AlertSender, type AlertSenderDeps } from "./sender.ts";
import { AlertStore } from "./store.ts";
import { parseQuietHours } from "./time.ts";

const DAY_MS = 86_400_000;

/** The settings the alert worker reads. */
type AlertSettings = Pick<
  Config,
  "CASE_RETENTION_DAYS" | "TELEGRAM_SEND_PER_SECOND" | "ALERT_RATE_PER_SEC" | "ALERT_QUIET_HOURS" | "HOTLINE_TIMEZONE" | "WHATSAPP_PACE_MS" | "WHATSAPP_ALERT_DAILY_CAP" | "WHATSAPP_TRANSPORT" | "WHATSAPP_CLOUD_PER_SECOND" | "STATS_RETENTION_DAYS"
>;

/** What the alert worker is built from (the app's shared parts it uses). */
export interface AlertWorkerDeps {
  /** Reaches users on the channels this process runs. */
  delivery: Deliver;
  /** Whether this process runs a channel (default: every one); a list of another is left to a process that does. */
  canSend?: (channel: ChannelName) => boolean;
  config: AlertSettings;
  /** For the segments the flows define. */
  flows: FlowSet;
  store: Store;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
}

/** The alert store with the settings' retention of texts. */
export function alertStoreFor(deps: { store: Store; config: Pick<Config, "CASE_RETENTION_DAYS"> }): AlertStore {
  return new AlertStore(deps.store, deps.config.CASE_RETENTION_DAYS * DAY_MS);
}

/**
 * The alert sender of `jol start`, from the settings: ALERT_RATE_PER_SEC for Telegram (through
 * the outbox's shared limiter as well), WHATSAPP_PACE_MS and WHATSAPP_ALERT_DAILY_CAP for
 * WhatsApp, ALERT_QUIET_HOURS in HOTLINE_TIMEZONE. It sends through the channels this process runs.
 */
export function createAlertWorker(deps: AlertWorkerDeps, segments: () => readonly string[], extra: Partial<AlertSenderDeps> = {}): AlertSender {
  const { config, store } = deps;
  return new AlertSender({
    alerts: alertStoreFor(deps),
    store,
    i18n: deps.i18n,
    log: deps.log,
    clock: deps.clock,
    send: (to, messages) => deps.delivery.send(to, messages),
    canSend: deps.canSend ?? (() => true),
    limiter: createSendLimiter(store, limitsFor(config)),
    share: { bucket: "alerts", rate: { intervalMs: 1000 / config.ALERT_RATE_PER_SEC, burst: CATCH_UP_BURST } },
    gates: {
      whatsapp: createRateGate(store, "alerts", { intervalMs: Math.max(1, config.WHATSAPP_PACE_MS), burst: 1 }, "whatsapp"),
    },
    segments,
    timeZone: config.HOTLINE_TIMEZONE,
    quiet: parseQuietHours(config.ALERT_QUIET_HOURS),
    whatsappDailyCap: config.WHATSAPP_ALERT_DAILY_CAP,
    stats: statsFor(store, config),
    ...extra,
  });
}
