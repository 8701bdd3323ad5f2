import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create.ts";
import type { App } from "../../src/app/app.ts";
import type { Channel } from "../../src/channels/channel.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import { createOps, type Ops } from "../../src/ops/ops.ts";
import { alertsInProgress, watchOutbox } from "../../src/metrics/metrics.ts";
import { testRedisUrl, testStore } from "../support/redis.ts";
import { get } from "./rig.ts";

/** A WhatsApp channel whose connection the test switches (the real one needs Chromium). */
function fakeWhatsApp(): Channel & { up: boolean } {
  return {
    name: "whatsapp",
    up: false,
    async start() {},
    async stop() {},
    async send() {},
    connected() {
      return this.up;
    },
  };
}

describe("operations probes registered by modules", () => {
  let app: App;
  let ops: Ops;
  let base: string;
  const whatsapp = fakeWhatsApp();

  beforeEach(async () => {
    const store = await testStore("probes");
    app = await createApp({ config: loadConfig({ REDIS_URL: testRedisUrl() }), store, log: silentLogger });
    ops = createOps(app, () => [whatsapp]);
    await ops.listen({ port: 0 });
    base = `http://127.0.0.1:${ops.port}`;
  });

  afterEach(async () => {
    await ops.close();
    await app.close();
    await app.store.close();
  });

  it("reports the WhatsApp connection state and makes /readyz wait for it", async () => {
    ops.readiness.markStarted();
    whatsapp.up = false;
    let metrics = (await get(`${base}/metrics`))?.body ?? "";
    expect(metrics).toContain('jol_whatsapp_state{state="connected"} 0');
    expect(metrics).toContain('jol_whatsapp_state{state="disconnected"} 1');
    expect(metrics).toContain('jol_channel_connected{channel="whatsapp"} 0');
    const notReady = await get(`${base}/readyz`);
    expect(notReady?.status).toBe(503);
    expect(JSON.parse(notReady?.body ?? "{}")).toMatchObject({ ready: false, reasons: ["whatsapp: not connected"] });

    whatsapp.up = true;
    metrics = (await get(`${base}/metrics`))?.body ?? "";
    expect(metrics).toContain('jol_whatsapp_state{state="connected"} 1');
    expect((await get(`${base}/readyz`))?.status).toBe(200);
  });

  it("is not ready before start-up finishes", async () => {
    whatsapp.up = true;
    const report = await get(`${base}/readyz`);
    expect(report?.status).toBe(503);
    expect(JSON.parse(report?.body ?? "{}").reasons).toEqual(["starting: the channels are not all started yet"]);
  });

  it("shows what other modules register: alerts in progress and another outbox, until they remove it", async () => {
    const stopAlerts = alertsInProgress.probe((set) => set({}, 2));
    const stopOutbox = watchOutbox("telegram", async () => ({ depth: 3, oldestAt: Date.now() - 10_000 }));
    let metrics = (await get(`${base}/metrics`))?.body ?? "";
    expect(metrics).toContain("jol_alerts_in_progress 2");
    expect(metrics).toContain('jol_outbox_depth{outbox="telegram"} 3');
    expect(metrics).toMatch(/jol_outbox_oldest_seconds\{outbox="telegram"\} (9\.\d+|1\d(\.\d+)?)\n/);
    stopAlerts();
    stopOutbox();
    metrics = (await get(`${base}/metrics`))?.body ?? "";
    expect(metrics).toContain("jol_alerts_in_progress 0");
    expect(metrics).not.toContain('outbox="telegram"');
  });

  it("a failing probe counts an error, and the scrape still answers", async () => {
    const stop = alertsInProgress.probe(() => {
      throw new Error("broken probe");
    });
    const res = await get(`${base}/metrics`);
    stop();
    expect(res?.status).toBe(200);
    // The error counter is written before the gauges are probed: the next scrape shows it.
    expect((await get(`${base}/metrics`))?.body).toMatch(/jol_errors_total\{kind="probe"\} [1-9]/);
  });
});
