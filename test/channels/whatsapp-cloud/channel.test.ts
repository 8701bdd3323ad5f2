/**
 * The Cloud transport end to end: the real app (`createApp`: flows, engine, router, outbox) on
 * real Redis, the channel's webhook server on loopback, and the Graph API stand-in that signs its
 * webhooks and checks the bearer token on every send.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { App } from "../../../src/app/app.ts";
import { createApp } from "../../../src/app/create.ts";
import { loadConfig } from "../../../src/config/load.ts";
import { silentLogger } from "../../../src/core/log.ts";
import { renderMetrics } from "../../../src/metrics/metrics.ts";
import { BlockedError, RateLimitedError } from "../../../src/core/delivery-errors.ts";
import { cloudCounters, createWhatsAppCloudChannel, PairRateLimitedError, WindowClosedError, type WhatsAppCloudChannel } from "../../../src/channels/whatsapp-cloud/index.ts";
import { GraphApiStandIn, hooks, postWebhook, VERIFY_TOKEN, type SentMessage } from "../../support/graph-api/index.ts";
import { testStore } from "../../support/redis.ts";
import { cloudEnv } from "../../support/graph-api/env.ts";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

type TestStore = Awaited<ReturnType<typeof testStore>>;

const USER = "77001234567";
const address = { channel: "whatsapp" as const, id: USER };

describe("WhatsApp Cloud transport", () => {
  let api: GraphApiStandIn;
  let store: TestStore;
  let app: App;
  let channel: WhatsAppCloudChannel;
  let url: string;

  async function boot(extra: Record<string, string> = {}): Promise<void> {
    app = await createApp({ config: loadConfig(cloudEnv(api, extra)), store, log: silentLogger });
    channel = createWhatsAppCloudChannel(app, { webhookPort: 0, settleMs: 0 });
    app.channels.add(channel);
    await channel.start();
    url = `http://127.0.0.1:${channel.webhookPort}/whatsapp/webhook`;
  }

  beforeEach(async () => {
    api = await GraphApiStandIn.start();
    store = await testStore("wa-cloud");
  });
  afterEach(async () => {
    await channel?.stop();
    if (app) await app.close();
    else await store.close();
    await api.close();
    app = undefined as unknown as App;
    channel = undefined as unknown as WhatsAppCloudChannel;
  });

  /** Post the user's messages (signed) and wait until `count` messages were sent in all. */
  async function say(messages: Array<Record<string, unknown>>, count: number): Promise<SentMessage[]> {
    expect(await postWebhook(url, hooks.messages(USER, messages))).toBe(200);
    return api.waitForSent(count);
  }

  const rows = (m: SentMessage) =>
    (m.body.interactive as { action: { sections: Array<{ rows: Array<{ id: string; title: string }> }> } }).action.sections[0]!.rows;

  it("answers Meta's verification only with the right verify token", async () => {
    await boot();
    const check = (token: string) => fetch(`${url}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
    const right = await check(VERIFY_TOKEN);
    expect([right.status, await right.text()]).toEqual([200, "1158201444"]);
    expect((await check("wrong-token-1")).status).toBe(403);
  });

  it("a forged or missing signature is refused with 401 and nothing is stored", async () => {
    await boot();
    const payload = hooks.messages(USER, [hooks.text("hello")]);
    expect(await postWebhook(url, payload, { secret: "not-the-app-secret-0000000000000" })).toBe(401);
    expect(await postWebhook(url, payload, { secret: null })).toBe(401);
    expect(await store.keys("in:")).toEqual([]);
    expect(await store.keys("s:")).toEqual([]);
    expect(api.sent).toEqual([]);
  });

  it("a first message gets the main menu as a list; a chosen row goes on; a replayed message id is answered once", async () => {
    await boot();
    const first = hooks.messages(USER, [hooks.text("hello")]);
    expect(await postWebhook(url, first)).toBe(200);
    const greeting = await api.waitForSent(3);
    expect(greeting.every((m) => m.to === USER)).toBe(true);
    const menu = greeting[2]!;
    expect(menu.body.interactive).toMatchObject({ type: "list", action: { button: app.i18n.t("en", "wa-cloud-list-button") } });
    const about = rows(menu).find((r) => r.id === "c:main/menu/about");
    expect(about?.title.length).toBeLessThanOrEqual(24);

    // Meta delivers the same webhook again: stored once, no second answer (the row's answer comes next, alone).
    expect(await postWebhook(url, first)).toBe(200);
    await say([hooks.listReply(about!.id, about!.title)], 4);
    await app.router.idle();
    expect(api.sent.slice(3).some((m) => JSON.stringify(m.body).includes("Glad to help"))).toBe(false);
    expect(api.unauthorized).toBe(0);
  });

  it("a reply id that is not ours gets a polite note and never reaches the engine", async () => {
    await boot();
    const [note] = await say([hooks.buttonReply("forged:drop-table")], 1);
    expect((note!.body.text as { body: string }).body).toBe(app.i18n.t("ru", "wa-cloud-button-invalid"));
    expect(await store.keys("s:")).toEqual([]);
  });

  it("outside the 24-hour window: the message is held, the template of the user's language goes out once, and the user's answer releases it first", async () => {
    await boot();
    // The user's last message is 25 hours old: Meta delivered it late, the window is closed.
    const old = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    expect(await postWebhook(url, hooks.messages(USER, [hooks.text("hello", { timestamp: old })]))).toBe(200);
    const [template] = await api.waitForSent(1);
    // "hello" made the user English: the English template, with its own language code.
    expect(template!.body).toMatchObject({ type: "template", template: { name: "jol_message", language: { code: "en_US" } } });
    await app.outbox.enqueue(address, [{ text: "A consultant answers" }]);
    await vi.waitFor(async () => expect(await channel.held(address)).toHaveLength(2), { timeout: 10_000 }); // the outbox paces each chat
    expect(api.sent).toHaveLength(1); // one template per closed window

    // The user answers: held messages first (the greeting and menu, the consultant), then the answer to this message.
    const sent = await say([hooks.text("ok")], 6);
    expect(sent[3]!.body.interactive).toMatchObject({ type: "list" });
    expect(sent[4]!.body.text).toEqual({ body: "A consultant answers", preview_url: false });
    expect(await channel.held(address)).toEqual([]);
  });

  it("outside the 24-hour window an alert goes out as the alert template with its text, not held; without one it is held", async () => {
    await boot({ WHATSAPP_ALERT_TEMPLATES: "ru=jol_alert,en=jol_alert@en_US" });
    const old = String(Math.floor(Date.now() / 1000) - 25 * 3600);
    expect(await postWebhook(url, hooks.messages(USER, [hooks.text("hello", { timestamp: old })]))).toBe(200);
    await api.waitForSent(1); // the general template, for the greeting that waits
    await channel.send(address, [{ text: "Fake agency in Almaty.\n\n/stop: no more alerts", purpose: "alert" }]);
    expect(api.sent.at(-1)!.body).toMatchObject({
      type: "template",
      template: { name: "jol_alert", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Fake agency in Almaty. /stop: no more alerts" }] }] },
    });
    expect(await channel.held(address)).not.toContainEqual([expect.objectContaining({ purpose: "alert" })]);
    // Not an alert (a consultant's late answer): held for the user's next message, as before.
    await expect(channel.send(address, [{ text: "A consultant answers" }])).resolves.toBeUndefined();
    expect((await channel.held(address)).flat().map((m) => m.text)).toContain("A consultant answers");
  });

  it("131047 from the Graph API takes the template path; 131026, 130429 and 131056 become blocked, pause and retry-later", async () => {
    await boot();
    await say([hooks.text("hello")], 3);
    api.failNext(131026);
    await expect(channel.send(address, [{ text: "x" }])).rejects.toBeInstanceOf(BlockedError);
    api.failNext(130429);
    await expect(channel.send(address, [{ text: "x" }])).rejects.toBeInstanceOf(RateLimitedError);
    api.failNext(131056);
    await expect(channel.send(address, [{ text: "x" }])).rejects.toBeInstanceOf(PairRateLimitedError);
    api.failNext(131047);
    await channel.send(address, [{ text: "late answer" }]);
    expect(api.sent.at(-1)!.body).toMatchObject({ type: "template", template: { name: "jol_message" } });
    expect(await channel.held(address)).toEqual([[{ text: "late answer" }]]);
  });

  it("statuses are counted; a failed status with 131047 sends that message the template way", async () => {
    await boot();
    await say([hooks.text("hello")], 3);
    await channel.send(address, [{ text: "sent, then failed" }]);
    const wamid = api.sent.at(-1)!.wamid;
    const before = { ...cloudCounters.statuses };
    expect(await postWebhook(url, hooks.statuses([{ id: wamid, status: "sent", recipient_id: USER }, { id: wamid, status: "delivered", recipient_id: USER }]))).toBe(200);
    expect(cloudCounters.statuses.sent - before.sent).toBe(1);
    expect(cloudCounters.statuses.delivered - before.delivered).toBe(1);
    const failed131047 = cloudCounters.failures["131047"] ?? 0;
    expect(await postWebhook(url, hooks.statuses([{ id: wamid, status: "failed", recipient_id: USER, errors: [{ code: 131047, title: "Re-engagement message" }] }]))).toBe(200);
    expect(api.sent.at(-1)!.body).toMatchObject({ type: "template" });
    expect(await channel.held(address)).toEqual([[{ text: "sent, then failed" }]]);
    expect(cloudCounters.failures["131047"]).toBe(failed131047 + 1);
    // The same figures reach Prometheus.
    expect(await renderMetrics()).toMatch(/jol_whatsapp_cloud_statuses_total\{status="failed",code="131047"\} [1-9]/);
  });

  it("with no template for the user's language the message waits and the error says why", async () => {
    await boot({ WHATSAPP_TEMPLATES: "en=jol_message" });
    const error = await channel.send(address, [{ text: "from the consultant" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WindowClosedError);
    expect((error as WindowClosedError).staffKey).toBe("wa-cloud-staff-window-closed");
    expect(app.i18n.t("ru", (error as WindowClosedError).staffKey, { lang: "ru" })).toContain("WHATSAPP_TEMPLATES");
    expect(await channel.held(address)).toEqual([[{ text: "from the consultant" }]]);
    expect(api.sent).toEqual([]);
  });

  it("a consultant's media by link is uploaded to the media endpoint and sent by id", async () => {
    await boot();
    await say([hooks.text("hello")], 3);
    await channel.send(address, [{ text: "the form", media: { kind: "photo", url: `http://127.0.0.1:${api.port}/files/form.jpg` } }]);
    expect(api.uploads).toEqual([{ type: "image/jpeg", filename: "form.jpg", bytes: expect.any(Number) }]);
    expect(api.sent.at(-1)!.body).toMatchObject({ type: "image", image: { id: "media-1", caption: "the form" } });
  });
});
