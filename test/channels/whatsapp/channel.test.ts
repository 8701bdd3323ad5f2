/**
 * The WhatsApp channel end to end: the real core conversation (flows/main, language, commands,
 * the real texts, engine and router on real Redis) behind the real adapter, with whatsapp-web.js'
 * Client replaced at the wire by a fake.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { App } from "../../../src/app/app.ts";
import { globalArgs } from "../../../src/app/create.ts";
import { loadContent } from "../../../src/app/load-content.ts";
import { ChannelRegistry } from "../../../src/channels/channel.ts";
import { Engine } from "../../../src/engine/engine.ts";
import { systemClock } from "../../../src/core/clock.ts";
import { DefaultRouter } from "../../../src/router/default-router.ts";
import { Outbox } from "../../../src/outbox/outbox.ts";
import type { Store } from "../../../src/store/store.ts";
import type { Logger } from "../../../src/core/log.ts";
import { DeliveryError } from "../../../src/channels/channel.ts";
import {
  createWhatsAppChannel,
  createWhatsAppOutbox,
  WHATSAPP_OUTBOX_KEY,
  type WhatsAppChannel,
  type WhatsAppChannelOptions,
} from "../../../src/channels/whatsapp/index.ts";
import { loadConfig } from "../../../src/config/load.ts";
import type { Outbound } from "../../../src/core/messages.ts";
import { createLogger, silentLogger } from "../../../src/core/log.ts";
import { Recovery } from "../../../src/router/recovery.ts";
import type { Router } from "../../../src/router/router.ts";
import type { RedisStore } from "../../../src/store/redis.ts";
import { testStore } from "../../support/redis.ts";
import { FakeTimer, FakeWhatsAppClient, waMessage } from "./fake-client.ts";

let store: RedisStore;
let app: App;
let tmp: string;
const logLines: string[] = [];
const running: WhatsAppChannel[] = [];
/** Generous waits: a loaded CI machine may be slow; nothing here asserts how long things take. */
const WAIT = { timeout: 10_000, interval: 10 };

beforeAll(async () => {
  store = await testStore("whatsapp");
  tmp = await mkdtemp(join(tmpdir(), "jol-wa-"));
  app = await coreApp(
    store,
    createLogger({ level: "debug", write: (line) => logLines.push(line) }),
    loadConfig({ WHATSAPP_ENABLED: "1", WHATSAPP_QR_PNG: join(tmp, "qr", "whatsapp-qr.png"), LOCALES_DIR: "locales" }),
  );
});

/**
 * The app as `createApp` builds it, over the core flows only (main menu, language, commands) and
 * without the domain plugins: the channel is what is under test, and the domain modules' content
 * (tested in their own suites) must not decide whether WhatsApp's tests run. Problems that only
 * say the main menu calls flows left out here are ignored.
 */
async function coreApp(store: Store, log: Logger, config: App["config"], outboxLeaseMs?: number): Promise<App> {
  const flowsDir = join(tmp, "flows");
  await mkdir(flowsDir, { recursive: true });
  for (const file of ["main.yaml", "language.yaml", "commands.yaml"]) await copyFile(join("flows", file), join(flowsDir, file));
  const content = loadContent({ FLOWS_DIR: flowsDir, LOCALES_DIR: config.LOCALES_DIR }, () => []);
  const engine = new Engine({
    flows: content.flows,
    i18n: content.i18n,
    kinds: content.kinds,
    interceptors: [],
    defaultLang: config.DEFAULT_LANG,
    globals: globalArgs(config),
  });
  const channels = new ChannelRegistry();
  const outbox = new Outbox({
    store,
    log,
    deliver: (to, messages) => channels.send(to, messages),
    canDeliver: (channel) => channels.get(channel) !== undefined,
    ...(outboxLeaseMs ? { leaseMs: outboxLeaseMs } : {}),
  });
  const router = new DefaultRouter({
    engine,
    store,
    plugins: [],
    i18n: content.i18n,
    log,
    clock: systemClock,
    outbox,
    defaultLang: config.DEFAULT_LANG,
    sessionTtlMs: 86_400_000,
  });
  return {
    config,
    log,
    store,
    i18n: content.i18n,
    flows: content.flows,
    router,
    outbox,
    engine,
    channels,
    userLang: (address) => router.userLang(address),
    plugins: [],
    clock: systemClock,
    telegramExtensions: [],
    close: () => store.close(),
  };
}

afterEach(async () => {
  for (const channel of running.splice(0)) await channel.stop();
});

afterAll(async () => {
  await app.close();
  await rm(tmp, { recursive: true, force: true });
  // docs/architecture.md, invariant 7: no phone number (the WhatsApp ids used here) in any log line.
  for (const line of logLines) expect(line.replace(/"t":"[^"]*"/, "")).not.toMatch(/\d{9,}/);
});

interface Rig {
  client: FakeWhatsAppClient;
  channel: WhatsAppChannel;
  timer: FakeTimer;
  printed: string[];
  /** A person writes; resolves when the bot has answered. Returns what the bot sent to them. */
  say(from: string, body: string): Promise<string[]>;
}

let nextPhone = 998_901_000_000;
/** A fresh private chat id (an Uzbek number: the language list starts with O'zbekcha). */
function person(): string {
  return `${nextPhone++}@c.us`;
}

async function rig(options: WhatsAppChannelOptions = {}, on: App = app): Promise<Rig> {
  const client = new FakeWhatsAppClient();
  const timer = new FakeTimer();
  const printed: string[] = [];
  const channel = createWhatsAppChannel(on, { client, timer, random: () => 0.5, print: (t) => printed.push(t), ...options });
  running.push(channel);
  await channel.start();
  client.becomeReady();
  return {
    client,
    channel,
    timer,
    printed,
    async say(from, body) {
      const before = client.textsTo(from).length;
      client.receive({ from, body });
      await channel.idle();
      return client.textsTo(from).slice(before);
    },
  };
}

const t = (id: string) => app.i18n.t("en", id);

/** Lines of a message that are numbered choices, without the numbers. */
function choicesIn(text: string | undefined): string[] {
  return (text ?? "").split("\n").flatMap((line) => /^\d+\. (.*)$/.exec(line)?.[1] ?? []);
}

describe("a conversation on WhatsApp", () => {
  it("by typed numbers: first contact, language, a menu path", async () => {
    const { say } = await rig();
    const user = person();

    const [question, ...more] = await say(user, "Salom");
    expect(more).toEqual([]);
    const languages = choicesIn(question);
    expect(languages).toHaveLength(6);
    expect(languages[0]).toBe(app.i18n.t("uz", "language-name")); // the +998 number's hint comes first
    expect(question).toMatch(/\n\n1\. /);

    const english = languages.indexOf("English") + 1;
    const [confirmed, menu] = await say(user, String(english));
    expect(confirmed).toBe(t("language-set"));
    expect(menu?.startsWith(t("main-menu"))).toBe(true);
    const items = choicesIn(menu);
    expect(items).toContain(t("main-about"));

    const about = items.indexOf(t("main-about")) + 1;
    const [aboutText, menuAgain] = await say(user, `${about}.`);
    expect(aboutText).toContain(app.i18n.t("en", "about-text", { sessionDays: 30, retentionDays: 90 }).split("\n")[0]);
    expect(choicesIn(menuAgain)).toEqual(items);
  });

  it("by labels: the same path typed in words", async () => {
    const { say } = await rig();
    const user = person();
    await say(user, "Hello");
    const [confirmed, menu] = await say(user, "English");
    expect(confirmed).toBe(t("language-set"));
    expect(choicesIn(menu)).toContain(t("main-about"));
    const label = t("main-about").replace(/^\S+\s/, ""); // without the emoji, as a person would type it
    const [aboutText] = await say(user, label.toLowerCase());
    expect(aboutText?.split("\n")[0]).toBe(app.i18n.t("en", "about-text", { sessionDays: 30, retentionDays: 90 }).split("\n")[0]);
  });

  it("answers a voice note politely, in the user's language", async () => {
    const { client, channel, say } = await rig();
    const user = person();
    await say(user, "Hi");
    await say(user, "English");
    client.emit("message", waMessage({ from: user, type: "ptt", hasMedia: true }));
    await channel.idle();
    const [answer] = client.textsTo(user).slice(-2);
    expect(answer).toBe(t("media-unsupported"));
  });

  it("explains that it cannot follow an edited message", async () => {
    const { client, channel, say } = await rig();
    const user = person();
    await say(user, "Hi");
    await say(user, "English");
    const original = waMessage({ from: user, body: "1" });
    client.emit("message_edit", original, "2", "1");
    await channel.idle();
    expect(client.textsTo(user).at(-1)).toBe(t("edited-unsupported"));
  });

  it("ignores groups, status updates and its own messages", async () => {
    const { client, channel, say } = await rig();
    const user = person();
    client.emit("message", waMessage({ from: "120363040000000000@g.us", author: user, body: "Hi" }));
    client.emit("message", waMessage({ from: "status@broadcast", isStatus: true, body: "Hi" }));
    client.emit("message", waMessage({ from: user, fromMe: true, body: "Hi" }));
    await channel.idle();
    expect(client.sent).toEqual([]);
    // The same person writing for real is answered: the adapter was listening.
    expect(await say(user, "Hi")).toHaveLength(1);
    expect(client.sent.every((s) => s.chatId === user)).toBe(true);
  });

  it("answers the same message id once", async () => {
    const { client, channel } = await rig();
    const user = person();
    const msg = waMessage({ from: user, body: "Hi" });
    client.emit("message", msg);
    client.emit("message", msg);
    await channel.idle();
    client.emit("message", { ...msg }); // redelivered after a reconnect
    await channel.idle();
    expect(client.textsTo(user)).toHaveLength(1);
  });

  it("shows typing while it composes a reply", async () => {
    const { client, say } = await rig();
    const user = person();
    await say(user, "Hi");
    expect(client.typing).toContain(user);
  });
});

describe("rendering through the channel", () => {
  /** The app with a scripted router: every message is answered with `replies`. */
  function scripted(replies: Outbound[]): App {
    const router: Router = {
      intake: () => Promise.reject(new Error("the WhatsApp channel hands messages to handle")),
      editSession: () => Promise.reject(new Error("the channel edits no session")),
      drain: async () => undefined,
      idle: async () => undefined,
      stop: async () => undefined,
      arrived: async () => undefined,
      async handle(_inbound, reply) {
        await reply(replies);
        return { duplicate: false, replies };
      },
    };
    return { ...app, router };
  }

  it("splits a long reply at paragraphs, in order, without delay", async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}. ${"word ".repeat(100).trim()}`);
    const r = await rig({}, scripted([{ text: paragraphs.join("\n\n"), choices: [{ id: "m", label: "Menu" }] }]));
    const user = person();
    const sent = await r.say(user, "long please");
    expect(sent.length).toBeGreaterThan(1);
    for (const chunk of sent) expect(chunk.length).toBeLessThanOrEqual(4000);
    expect(sent.join("\n\n")).toBe(`${paragraphs.join("\n\n")}\n\n1. Menu`);
    expect(r.timer.sleeps).toEqual([]); // a reply to the user's own message is not paced
  });

  it("keeps our bold and escapes what the user could have written", async () => {
    const r = await rig({}, scripted([{ text: "*Case 12*: the consultant wrote _soon_", choices: [{ id: "a", label: "*Yes*" }] }]));
    const [text] = await r.say(person(), "x");
    expect(text).toBe("*Case 12*: the consultant wrote \u02CDsoon\u02CD\n\n1. \u2217Yes\u2217");
  });
});

describe("bot-initiated messages", () => {
  it("are paced about WHATSAPP_PACE_MS apart (jittered), in order, none dropped", async () => {
    const jitter = [0.1, 0.9, 0.5, 0.3, 0.7];
    const r = await rig({ random: () => jitter.shift() ?? 0.5 });
    const [a, b] = [person(), person()];
    const sentAt: Array<{ chatId: string; text: string; at: number }> = [];
    const send = r.client.sendMessage.bind(r.client);
    r.client.sendMessage = async (chatId, text) => {
      sentAt.push({ chatId, text, at: r.timer.now() });
      return send(chatId, text);
    };
    await Promise.all([
      r.channel.send({ channel: "whatsapp", id: a }, [{ text: "alert 1" }, { text: "alert 2" }]),
      r.channel.send({ channel: "whatsapp", id: b }, [{ text: "consultant: hello" }]),
      r.channel.send({ channel: "whatsapp", id: a }, [{ text: "alert 3" }]),
    ]);
    expect(sentAt.map((s) => s.text)).toEqual(["alert 1", "alert 2", "consultant: hello", "alert 3"]);
    const gaps = sentAt.slice(1).map((s, i) => s.at - (sentAt[i]?.at ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(4000);
      expect(gap).toBeLessThanOrEqual(6000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1); // jittered, not a machine's metronome
    expect(r.client.typing).toContain(a); // typing shown while a paced message waits
  });

  it("keep their distance from an immediate reply", async () => {
    const r = await rig();
    const user = person();
    await r.say(user, "Hi");
    await r.channel.send({ channel: "whatsapp", id: user }, [{ text: "later" }]);
    expect(r.timer.sleeps).toEqual([5000]);
  });

  it("wait for a reconnect instead of failing, and fail clearly once stopped", async () => {
    // The two-minute wait for a connection lasts until the test says otherwise; other pauses pass at once.
    const fake = new FakeTimer();
    const timer = {
      now: () => fake.now(),
      sleep: (ms: number, signal?: AbortSignal) =>
        ms === 120_000 ? new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve())) : fake.sleep(ms),
    };
    const r = await rig({ reconnect: { baseMs: 1000 }, timer });
    const user = person();
    r.client.emit("disconnected", "CONFLICT");
    const pending = r.channel.send({ channel: "whatsapp", id: user }, [{ text: "after reconnect" }]);
    await vi.waitFor(() => expect(r.client.initializeCalls).toBe(2), WAIT);
    expect(r.client.textsTo(user)).toEqual([]);
    r.client.becomeReady();
    await pending;
    expect(r.client.textsTo(user)).toEqual(["after reconnect"]);

    r.client.emit("disconnected", "CONFLICT");
    const stranded = r.channel.send({ channel: "whatsapp", id: user }, [{ text: "never connected" }]);
    await r.channel.stop();
    await expect(stranded).rejects.toBeInstanceOf(DeliveryError);
    await expect(r.channel.send({ channel: "whatsapp", id: user }, [{ text: "too late" }])).rejects.toBeInstanceOf(DeliveryError);
  });

  it("report a failed send as a DeliveryError and go on with the next", async () => {
    const r = await rig();
    const user = person();
    r.client.failSend = "Evaluation failed";
    await expect(r.channel.send({ channel: "whatsapp", id: user }, [{ text: "one" }])).rejects.toBeInstanceOf(DeliveryError);
    r.client.failSend = undefined;
    await r.channel.send({ channel: "whatsapp", id: user }, [{ text: "two" }]);
    expect(r.client.textsTo(user)).toEqual(["two"]);
  });
});

describe("messages from other processes (the outbox)", () => {
  it("are taken from Redis only while connected, paced and in order", async () => {
    // Another process (the Telegram bot: a consultant replies) has no WhatsApp browser.
    const botProcess: App = { ...app, channels: new ChannelRegistry() };
    botProcess.channels.add(createWhatsAppOutbox(botProcess));
    const r = await rig({ outboxPollMs: 5 });
    const user = person();
    r.client.emit("disconnected", "LOGOUT"); // disconnected until paired again: no reconnect loop
    await botProcess.channels.send({ channel: "whatsapp", id: user }, [{ text: "consultant: first" }]);
    await botProcess.channels.send({ channel: "whatsapp", id: user }, [{ text: "consultant: second" }, { text: "third" }]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a few polls while disconnected
    expect(await store.llen(WHATSAPP_OUTBOX_KEY)).toBe(2);
    expect(r.client.textsTo(user)).toEqual([]);

    r.client.becomeReady();
    await vi.waitFor(() => expect(r.client.textsTo(user)).toEqual(["consultant: first", "consultant: second", "third"]), WAIT);
    expect(await store.llen(WHATSAPP_OUTBOX_KEY)).toBe(0);
    expect(r.timer.sleeps.filter((ms) => ms >= 4000 && ms <= 6000)).toHaveLength(2); // paced, not in a burst
  });

  it("skip a malformed entry and go on", async () => {
    const r = await rig({ outboxPollMs: 5 });
    const user = person();
    await store.rpush(WHATSAPP_OUTBOX_KEY, "{not json", JSON.stringify({ address: { channel: "whatsapp", id: user }, messages: [{ text: "ok" }], at: 0 }));
    await vi.waitFor(() => expect(r.client.textsTo(user)).toEqual(["ok"]), WAIT);
    expect(logLines.some((l) => l.includes("outbox entry malformed"))).toBe(true);
  });

  it("are left in Redis when the channel stops", async () => {
    const r = await rig({ outboxPollMs: 0 });
    await r.channel.stop();
    const botProcess: App = { ...app, channels: new ChannelRegistry() };
    botProcess.channels.add(createWhatsAppOutbox(botProcess));
    await botProcess.channels.send({ channel: "whatsapp", id: person() }, [{ text: "later" }]);
    expect(await store.llen(WHATSAPP_OUTBOX_KEY)).toBe(1);
    await store.delete(WHATSAPP_OUTBOX_KEY);
  });
});

describe("a crash", () => {
  it("after a message was handled and committed, before the reply left: the next process sends the reply, once", async () => {
    // Process 1: its browser takes the reply and never answers, and the process loses Redis
    // (it died): the message is committed, the reply waits in the outbox.
    const store1 = await testStore("whatsapp-crash");
    const app1 = await coreApp(store1, silentLogger, app.config, 300);
    const first = await rig({ stopGraceMs: 50 }, app1);
    let sending!: () => void;
    const sendStarted = new Promise<void>((resolve) => (sending = resolve));
    let unblock!: () => void;
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    first.client.sendMessage = async () => {
      sending();
      store1.client.disconnect();
      await blocked;
      throw new Error("Target closed");
    };
    const user = person();
    first.client.receive({ from: user, body: "Salom" });
    await sendStarted;

    // Process 2 on the same Redis, with a working WhatsApp: it resumes the outbox on start.
    const store2 = await testStore("whatsapp-crash", { prefix: store1.prefix });
    const app2 = await coreApp(store2, silentLogger, app.config);
    const second = await rig({}, app2);
    app2.channels.add(second.channel);
    const recovery = new Recovery({ store: store2, router: app2.router, outbox: app2.outbox, log: silentLogger, everyMs: 50 });
    await recovery.start();
    try {
      await vi.waitFor(() => expect(second.client.textsTo(user)).toHaveLength(1), WAIT);
      expect(choicesIn(second.client.textsTo(user)[0])[0]).toBe(app.i18n.t("uz", "language-name")); // the language question
      await new Promise((resolve) => setTimeout(resolve, 200)); // a few more sweeps: still once
      expect(second.client.textsTo(user)).toHaveLength(1);
    } finally {
      unblock();
      await recovery.stop();
      await app2.router.stop();
      await app2.outbox.stop();
      await store2.close();
      await store1.close();
    }
  });
});

describe("connection", () => {
  it("prints the pairing QR and writes it as a PNG", async () => {
    const r = await rig();
    r.client.emit("qr", "2@abcdefghijklmnopqrstuvwxyz0123456789,KEY=,ID=,ADV=");
    await vi.waitFor(async () => expect((await readFile(join(tmp, "qr", "whatsapp-qr.png"))).subarray(1, 4).toString()).toBe("PNG"), WAIT);
    expect(r.printed.join("\n")).toMatch(/Linked devices/);
    expect(r.printed.join("\n")).toMatch(/[▄▀█]/); // the terminal QR
    r.client.becomeReady(); // scanned: the picture is removed
    await vi.waitFor(async () => expect(await readFile(join(tmp, "qr", "whatsapp-qr.png")).catch(() => "gone")).toBe("gone"), WAIT);
  });

  it("pairs by phone-number code when WHATSAPP_PAIR_PHONE is set", async () => {
    const withPhone: App = { ...app, config: { ...app.config, WHATSAPP_PAIR_PHONE: "77001234567" } };
    const r = await rig({}, withPhone);
    r.client.emit("qr", "2@first");
    r.client.emit("qr", "2@second");
    await vi.waitFor(() => expect(r.printed.join("\n")).toContain("ABCD-1234"), WAIT);
    expect(r.client.pairingRequests).toEqual(["77001234567"]);
    r.client.emit("code", "ABCD1234"); // the same code again from the library: printed once
    r.client.emit("code", "WXYZ9876"); // refreshed after three minutes
    expect(r.printed.filter((p) => p.includes("ABCD-1234"))).toHaveLength(1);
    expect(r.printed.join("\n")).toContain("WXYZ-9876");
    expect(r.printed.join("\n")).not.toMatch(/[▄▀█]/);
  });

  it("reconnects after a disconnect with growing pauses, and starts over once ready", async () => {
    const r = await rig({ reconnect: { baseMs: 1000, maxMs: 4000 } });
    r.client.failInitialize = 3;
    r.client.emit("disconnected", "NAVIGATION");
    await vi.waitFor(() => expect(r.client.initializeCalls).toBe(5), WAIT); // start + 3 failures + success
    expect(r.timer.sleeps).toEqual([1000, 2000, 4000, 4000]);
    r.client.becomeReady();
    r.client.emit("disconnected", "TIMEOUT");
    await vi.waitFor(() => expect(r.client.initializeCalls).toBe(6), WAIT);
    expect(r.timer.sleeps.at(-1)).toBe(1000);
    expect(logLines.some((l) => l.includes("whatsapp disconnected; reconnecting"))).toBe(true);
  });

  it("leaves a logout from the phone to whatsapp-web.js, which shows a new QR", async () => {
    const r = await rig();
    r.client.emit("disconnected", "LOGOUT");
    await r.channel.idle();
    expect(r.client.initializeCalls).toBe(1);
    expect(logLines.some((l) => l.includes("logged out from the phone"))).toBe(true);
  });

  it("on auth_failure says pairing is needed, removes the rejected session and starts again", async () => {
    const clearAuth = vi.fn(async () => undefined);
    const r = await rig({ clearAuth, reconnect: { baseMs: 10 } });
    const linesBefore = logLines.length;
    r.client.emit("auth_failure", "restore failed");
    await vi.waitFor(() => expect(r.client.initializeCalls).toBe(2), WAIT);
    expect(clearAuth).toHaveBeenCalledOnce();
    expect(logLines.slice(linesBefore).filter((l) => l.includes("pairing needed again"))).toHaveLength(1);
  });

  it("fails to start with a hint, and leaves no browser behind", async () => {
    const client = new FakeWhatsAppClient();
    client.failInitialize = 1;
    const channel = createWhatsAppChannel(app, { client, print: () => undefined, outboxPollMs: 0 });
    await expect(channel.start()).rejects.toThrow(/WhatsApp did not start: Failed to launch.*PUPPETEER_EXECUTABLE_PATH/);
    expect(client.destroyCalls).toBe(1);
  });

  it("closes the browser on stop", async () => {
    const r = await rig();
    await r.channel.stop();
    expect(r.client.destroyCalls).toBe(1);
    expect(r.client.listenerCount("message")).toBe(0);
  });
});
