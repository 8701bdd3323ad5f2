import type { App } from "../app/app.ts";
import type { Channel } from "../channels/channel.ts";
import { casesPluginOf } from "../cases/plugin.ts";
import { nextOpening, parseHours } from "../cases/hours.ts";
import { WHATSAPP_OUTBOX_KEY, parseOutboxEntry } from "../channels/whatsapp/outbox.ts";
import { casesOpen, casesPastSla, channelConnected, watchOutbox, whatsappState } from "../metrics/metrics.ts";

/** Open cases read at one scrape at most (a backlog larger than this is reported as this). */
const MAX_CASES_READ = 2000;

/**
 * The probes of a running app's state: open cases and those past the SLA, the WhatsApp outbox,
 * and each channel's connection. Returns the function that removes them all.
 *
 * For the integrator of other outboxes and alert broadcasts: register them the same way, with
 * `watchOutbox(name, read)` and `alertsInProgress.probe(set => set({}, n))` from `metrics.ts`.
 */
export function probeApp(app: App, channels: () => readonly Channel[]): () => void {
  const stops: Array<() => void> = [];
  const cases = casesPluginOf(app.plugins)?.service;
  if (cases) {
    const hours = parseHours(app.config.HOTLINE_HOURS, app.config.HOTLINE_DAYS, app.config.HOTLINE_TIMEZONE);
    stops.push(casesOpen.probe(async (set) => set({}, (await cases.cases.openIds()).length)));
    stops.push(
      casesPastSla.probe(async (set) => {
        const now = app.clock.now();
        const ids = (await cases.cases.openIds()).slice(0, MAX_CASES_READ);
        const open = await Promise.all(ids.map((id) => cases.cases.get(id)));
        // The SLA counts from the first working minute after opening, as the reminders do.
        const late = open.filter((c) => c?.status === "waiting" && nextOpening(hours, c.opened).at + cases.slaMs() <= now);
        set({}, late.length);
      }),
    );
  }
  stops.push(
    watchOutbox(
      "replies",
      async () => {
        const { depth, oldestAgeMs } = await app.outbox.backlog();
        return depth > 0 ? { depth, oldestAt: app.clock.now() - oldestAgeMs } : { depth };
      },
      () => app.clock.now(),
    ),
  );
  if (app.config.REDIS_URL) {
    stops.push(
      watchOutbox(
        "whatsapp",
        async () => {
          const [depth, first] = await Promise.all([app.store.llen(WHATSAPP_OUTBOX_KEY), app.store.lrange(WHATSAPP_OUTBOX_KEY, 0, 0)]);
          const oldest = first[0] === undefined ? null : parseOutboxEntry(first[0]);
          return oldest?.at ? { depth, oldestAt: oldest.at } : { depth };
        },
        () => app.clock.now(),
      ),
    );
  }
  stops.push(
    channelConnected.probe((set) => {
      for (const channel of channels()) if (channel.connected) set({ channel: channel.name }, channel.connected() ? 1 : 0);
    }),
    whatsappState.probe((set) => {
      const whatsapp = channels().find((c) => c.name === "whatsapp" && c.connected);
      if (!whatsapp?.connected) return;
      const up = whatsapp.connected();
      set({ state: "connected" }, up ? 1 : 0);
      set({ state: "disconnected" }, up ? 0 : 1);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
