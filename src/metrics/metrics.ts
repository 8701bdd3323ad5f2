import { Counter, Gauge, Histogram, Registry, type GaugeConfiguration } from "prom-client";

/**
 * Jol's metrics, in one prom-client registry that `/metrics` serves (see `server.ts`).
 *
 * Two kinds of metric:
 * - **counters and histograms** that the code updates where things happen (the router counts
 *   messages and times them, channels count 429s, every module may count its errors);
 * - **probed gauges**, computed when Prometheus scrapes: a module registers a probe with
 *   `gauge.probe(fn)` (outbox depth, open cases, WhatsApp connection...) and removes it with the
 *   function `probe` returns. A failing probe reports nothing for that scrape (a gauge without
 *   labels then reads 0) and counts `jol_errors_total{kind="probe"}`, but never fails the scrape.
 *
 * The metrics are process-wide (one registry per process, as Prometheus scrapes processes).
 *
 * @example
 * messagesIn.inc({ channel: "telegram", lang: "ru" });
 * const stop = outboxDepth.probe(async (set) => set({ outbox: "whatsapp" }, await store.llen("wa:outbox")));
 */
export const registry = new Registry();

/** Label values of one sample. */
export type Labels<L extends string> = Partial<Record<L, string>>;
/** What a probe calls for each sample it reports. */
export type SetSample<L extends string> = (labels: Labels<L>, value: number) => void;
/** Computes a gauge's samples at scrape time. */
export type Probe<L extends string> = (set: SetSample<L>) => void | Promise<void>;

/** A gauge whose samples come from probes registered by other modules, run at every scrape. */
export class ProbedGauge<L extends string = string> {
  private readonly probes = new Set<Probe<L>>();
  readonly gauge: Gauge<L>;

  constructor(config: Omit<GaugeConfiguration<L>, "registers" | "collect">) {
    const probes = this.probes;
    this.gauge = new Gauge<L>({
      ...config,
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          [...probes].map(async (probe) => {
            try {
              await probe((labels, value) => this.set(labels, value));
            } catch {
              errors.inc({ kind: "probe" });
            }
          }),
        );
      },
    });
  }

  /** Add a probe; returns the function that removes it (call it when the module stops). */
  probe(probe: Probe<L>): () => void {
    this.probes.add(probe);
    return () => this.probes.delete(probe);
  }
}

// --- the message path ------------------------------------------------------------------

/** Messages handled by the router, by channel and the user's language. */
export const messagesIn = new Counter({
  name: "jol_messages_in_total",
  help: "Messages from users handled by the router, by channel and language",
  labelNames: ["channel", "lang"] as const,
  registers: [registry],
});

/** Messages the router handed to a channel as replies, by channel and language. */
export const messagesOut = new Counter({
  name: "jol_messages_out_total",
  help: "Reply messages sent to users, by channel and language",
  labelNames: ["channel", "lang"] as const,
  registers: [registry],
});

/** Time from a message reaching the router to its replies being sent. */
export const handleSeconds = new Histogram({
  name: "jol_handle_seconds",
  help: "Time to handle one user message (lock, step, save, replies), seconds",
  labelNames: ["channel"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/**
 * Errors by kind: `handle` (a message failed in the router), `reply` (replies not delivered),
 * `blocked` (the user blocked the bot), `channel` (a channel's own failure), `redis`, `probe`.
 */
export const errors = new Counter({
  name: "jol_errors_total",
  help: "Errors by kind (handle, reply, blocked, channel, redis, probe)",
  labelNames: ["kind"] as const,
  registers: [registry],
});

/** Answers "429 Too Many Requests" from a messenger's API (the pacer or rate limiter backs off). */
export const whatsappStatuses = new Counter({
  name: "jol_whatsapp_cloud_statuses_total",
  help: "Delivery statuses the WhatsApp Cloud API reported (sent, delivered, read, failed), failures by Meta's error code",
  labelNames: ["status", "code"] as const,
  registers: [registry],
});

export const rateLimited = new Counter({
  name: "jol_rate_limited_total",
  help: "429 Too Many Requests answers from a messenger API, by channel",
  labelNames: ["channel"] as const,
  registers: [registry],
});

// --- probed state ----------------------------------------------------------------------

/** Messages waiting in an outbox, by outbox (`whatsapp`: the shared WhatsApp outbox list). */
export const outboxDepth = new ProbedGauge({ name: "jol_outbox_depth", help: "Messages waiting in an outbox", labelNames: ["outbox"] });

/** Age of the oldest message waiting in an outbox, seconds (0 when empty). */
export const outboxOldestSeconds = new ProbedGauge({
  name: "jol_outbox_oldest_seconds",
  help: "Age of the oldest message waiting in an outbox, seconds",
  labelNames: ["outbox"],
});

/** Hotline cases not closed. */
export const casesOpen = new ProbedGauge({ name: "jol_cases_open", help: "Hotline cases not closed" });

/** Cases still waiting for a consultant after the SLA (HOTLINE_SLA_MINUTES within working hours). */
export const casesPastSla = new ProbedGauge({ name: "jol_cases_past_sla", help: "Cases waiting for a consultant longer than HOTLINE_SLA_MINUTES" });

/** Alert broadcasts being sent now (a broadcast module registers its probe). */
export const alertsInProgress = new ProbedGauge({ name: "jol_alerts_in_progress", help: "Alert broadcasts being sent" });

/** 1 when a channel is connected to its messenger, 0 when not (`channel="whatsapp"`: the WhatsApp Web session). */
export const channelConnected = new ProbedGauge({
  name: "jol_channel_connected",
  help: "1 when the channel is connected to its messenger, else 0",
  labelNames: ["channel"],
});

/** The WhatsApp session's state: one sample with value 1, labelled with the state. */
export const whatsappState = new ProbedGauge({
  name: "jol_whatsapp_state",
  help: "WhatsApp connection state (the sample with value 1): connected or disconnected",
  labelNames: ["state"],
});

/** Time of one Redis round trip (a GET), measured at scrape. */
export const redisRoundTripSeconds = new ProbedGauge({ name: "jol_redis_rtt_seconds", help: "Time of one Redis round trip, seconds" });

/**
 * Register an outbox's depth and oldest age. `read` returns how many entries wait and when the
 * oldest was queued (epoch ms). Returns the function that removes both probes.
 *
 * @example
 * const stop = watchOutbox("whatsapp", async () => ({ depth: await store.llen(KEY), oldestAt: ... }), clock);
 */
export function watchOutbox(name: string, read: () => Promise<{ depth: number; oldestAt?: number }>, now: () => number = Date.now): () => void {
  const stopDepth = outboxDepth.probe(async (set) => set({ outbox: name }, (await read()).depth));
  const stopAge = outboxOldestSeconds.probe(async (set) => {
    const { oldestAt } = await read();
    set({ outbox: name }, oldestAt === undefined ? 0 : Math.max(0, (now() - oldestAt) / 1000));
  });
  return () => {
    stopDepth();
    stopAge();
  };
}

/** The Prometheus text of every metric (what `/metrics` answers). */
export function renderMetrics(): Promise<string> {
  return registry.metrics();
}
