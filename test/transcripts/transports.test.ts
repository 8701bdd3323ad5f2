/**
 * The golden transcripts' conversations on a real transport (issue 17: the same conversations on
 * every transport). Each transcript made only of what a messenger can carry (typed text, commands,
 * button presses, media) runs twice, on two apps with the same settings, content and fake clock:
 *
 * - the reference: the app's router as the golden transcripts drive it (`Router.handle`), for a
 *   user of the transport's channel;
 * - the transport: the real channel over its wire stand-in, the user pressing the buttons the
 *   transport actually showed.
 *
 * At every step what reached the stand-in must be exactly what the channel's renderer makes of
 * the reference's replies: the same texts (joined and split as the transport does), the same
 * buttons, in the same order, and nothing more. So a transport neither loses, reorders nor alters
 * a message of any scripted conversation, and its buttons lead to the same places.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Message } from "grammy/types";
import { createApp } from "../../src/app/create.ts";
import type { App } from "../../src/app/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import type { Address } from "../../src/core/address.ts";
import type { Lang } from "../../src/core/lang.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { Inbound, Input, Outbound } from "../../src/core/messages.ts";
import { render } from "../../src/channels/telegram/render.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { BotApiStandIn, testUser, updates, type NewUpdate, type RecordedCall } from "../support/bot-api/index.ts";
import { testStore } from "../support/redis.ts";
import { startChannel, telegramEnv, type Driver } from "../channels/telegram/harness.ts";
import { GraphApiStandIn, hooks, postWebhook } from "../support/graph-api/index.ts";
import { cloudEnv } from "../support/graph-api/env.ts";
import { createWhatsAppCloudChannel, type WhatsAppCloudChannel } from "../../src/channels/whatsapp-cloud/index.ts";
import { renderCloud } from "../../src/channels/whatsapp-cloud/render.ts";
import { createWhatsAppChannel, type WhatsAppChannel } from "../../src/channels/whatsapp/index.ts";
import { renderOutbound } from "../../src/channels/whatsapp/render.ts";
import { FakeTimer, FakeWhatsAppClient } from "../channels/whatsapp/fake-client.ts";
import { Transcript, type Step } from "./script.ts";

const DIR = "test/transcripts";
/** Steps a messenger can carry (`idle` moves the clock, `button` forges data, `edited` is covered elsewhere). */
const WIRE_STEPS = new Set(["say", "press", "choose_language", "command", "arg", "media"]);
const scripts = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((file) => ({ file, transcript: Transcript.parse(parse(readFileSync(join(DIR, file), "utf8"))) }))
  .filter(({ transcript }) => transcript.steps.every((s) => Object.keys(s).every((k) => WIRE_STEPS.has(k))));

/** One message as a transport's wire shows it: its kind, text and buttons (label → data). */
interface Wire {
  method: string;
  text: string;
  buttons: [string, string, string?][];
}

/** A transport under test: how a user's step reaches it, and what it showed them. */
interface Transport {
  channel: Address["channel"];
  app: () => App;
  /** The wire messages the channel's renderer makes of these replies. */
  expected(replies: Outbound[], lang: Lang): Wire[];
  /** A new user of this transport (its address). */
  user(lang: string): Address;
  /** The language hint this transport gives the router for the user (default: the transcript's). */
  hint?(to: Address): string | undefined;
  /** A press as the router gets it from this transport: the choice itself, or (numbered text) its number typed. */
  pressed?(index: number): Input;
  /** Deliver the user's step (presses choose among `shown`, the wire's last buttons) and return what was sent back. */
  exchange(to: Address, step: Step, text: string | undefined, press: [string, string, string?] | undefined, expected: Wire[]): Promise<Wire[]>;
}

const clock = { t: 0, now: () => clock.t };
const wireClock = { t: 0, now: () => wireClock.t };
let api: BotApiStandIn;
let refStore: RedisStore;
let wireStore: RedisStore;
let reference: App;
let wire: App;
let driver: Driver;
let graph: GraphApiStandIn;
let cloudStore: RedisStore;
let cloudApp: App;
let cloudChannel: WhatsAppCloudChannel;
let cloudUrl: string;
let webStore: RedisStore;
let webApp: App;
let webClient: FakeWhatsAppClient;
let webChannel: WhatsAppChannel;

beforeAll(async () => {
  api = await BotApiStandIn.start();
  refStore = await testStore("transports-ref");
  wireStore = await testStore("transports-wire");
  // Same settings (and so the same staff group, hours and contacts) for both.
  const config = loadConfig(telegramEnv(api, "webhook"));
  reference = await createApp({ config, store: refStore, log: silentLogger, clock });
  wire = await createApp({ config, store: wireStore, log: silentLogger, clock: wireClock, pace: false });
  driver = await startChannel(wire, api, { webhookPort: 0, pace: false });

  graph = await GraphApiStandIn.start();
  cloudStore = await testStore("transports-cloud");
  cloudApp = await createApp({ config: loadConfig(cloudEnv(graph)), store: cloudStore, log: silentLogger, clock: wireClock, pace: false });
  cloudChannel = createWhatsAppCloudChannel(cloudApp, { webhookPort: 0, settleMs: 0 });
  cloudApp.channels.add(cloudChannel);
  await cloudChannel.start();
  cloudUrl = `http://127.0.0.1:${cloudChannel.webhookPort}/whatsapp/webhook`;

  webStore = await testStore("transports-web");
  webApp = await createApp({ config: loadConfig({ WHATSAPP_ENABLED: "1" }), store: webStore, log: silentLogger, clock: wireClock, pace: false });
  webClient = new FakeWhatsAppClient();
  webChannel = createWhatsAppChannel(webApp, { client: webClient, timer: new FakeTimer(), random: () => 0.5, print: () => undefined });
  webApp.channels.add(webChannel);
  await webChannel.start();
  webClient.becomeReady();
}, 60_000);
afterAll(async () => {
  await webChannel?.stop();
  await webApp?.close();
  await cloudChannel?.stop();
  await cloudApp?.close();
  await graph?.close();
  await driver?.stop();
  await wire?.close();
  await reference?.close();
  await api?.close();
});

const telegram: Transport = {
  channel: "telegram",
  app: () => wire,
  expected: (replies) => render(replies).calls.map((c) => wireOf(c.method, c.payload)),
  user(lang) {
    const user = testUser(++userIds, lang);
    tgUsers.set(String(user.id), user);
    return { channel: "telegram", id: String(user.id) };
  },
  async exchange(to, step, text, press, expected) {
    const user = tgUsers.get(to.id)!;
    const after = api.lastSeq;
    const update = text !== undefined ? updates.text(user, text) : step.command !== undefined ? updates.command(user, step.command, step.arg) : step.media !== undefined ? mediaUpdate(step.media, user) : updates.callback(user, press![1], lastShown.get(to.id)!);
    await driver.deliver(update);
    const texts = expected.filter((m) => m.method === "sendMessage").length;
    if (texts > 0) await api.waitForCalls("sendMessage", texts, { chatId: user.id, after, timeoutMs: 10_000 });
    await wire.router.idle();
    const calls = callsTo(user.id, after);
    const last = [...calls].reverse().find((c) => wireOf(c.method, c.payload).buttons.length > 0);
    if (last) lastShown.set(to.id, last.result as Message);
    return calls.map((c) => wireOf(c.method, c.payload));
  },
};
/** The last message with buttons each Telegram user was shown (a press answers it). */
const lastShown = new Map<string, Message>();
const tgUsers = new Map<string, ReturnType<typeof testUser>>();

const cloud: Transport = {
  channel: "whatsapp",
  app: () => cloudApp,
  expected: (replies, lang) => renderCloud(replies, { listButton: cloudApp.i18n.t(lang, "wa-cloud-list-button") }).payloads.map((p) => cloudWire({ ...p })),
  user: () => ({ channel: "whatsapp", id: String(77_010_000_000 + ++userIds) }),
  async exchange(to, step, text, press, expected) {
    const before = graph.sent.length;
    const message =
      text !== undefined
        ? hooks.text(text)
        : step.command !== undefined
          ? hooks.text(`/${step.command}${step.arg ? ` ${step.arg}` : ""}`)
          : step.media !== undefined
            ? step.media === "sticker"
              ? { type: "sticker", sticker: { id: "sticker-1", mime_type: "image/webp" } }
              : { type: "audio", audio: { id: "voice-1", mime_type: "audio/ogg", voice: true } }
            : press![2] === "list"
              ? hooks.listReply(press![1], press![0])
              : hooks.buttonReply(press![1], press![0]);
    expect(await postWebhook(cloudUrl, hooks.messages(to.id, [message]))).toBe(200);
    if (expected.length > 0) await graph.waitForSent(before + expected.length);
    await cloudApp.router.idle();
    return graph.sent.slice(before).filter((m) => m.to === to.id).map((m) => cloudWire(m.body));
  },
};

const web: Transport = {
  channel: "whatsapp",
  app: () => webApp,
  expected: (replies) => replies.flatMap((m) => renderOutbound(m)).map((text) => ({ method: "text", text, buttons: numbered(text) })),
  // The country code is the only hint WhatsApp gives (to-inbound.ts): +998 uz, +996 ky, +992 tg, else none.
  user: (lang) => ({ channel: "whatsapp", id: `${({ uz: "998", ky: "996", tg: "992" } as Record<string, string>)[lang] ?? "7"}90${String(++userIds).padStart(7, "0")}@c.us` }),
  hint: (to) => ({ "998": "uz", "996": "ky", "992": "tg" } as Record<string, string>)[to.id.slice(0, 3)],
  pressed: (index) => ({ kind: "text", text: String(index + 1) }),
  async exchange(to, step, text, press) {
    const before = webClient.textsTo(to.id).length;
    if (step.media !== undefined) webClient.receive({ from: to.id, type: step.media === "sticker" ? "sticker" : "ptt", hasMedia: true });
    else webClient.receive({ from: to.id, body: text ?? (step.command !== undefined ? `/${step.command}${step.arg ? ` ${step.arg}` : ""}` : press![1]) });
    await webChannel.idle();
    return webClient.textsTo(to.id).slice(before).map((t) => ({ method: "text", text: t, buttons: numbered(t) }));
  },
};

/** The numbered choices at the end of a WhatsApp text, as buttons (label → the number to type). */
function numbered(text: string): [string, string][] {
  return [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => [m[2]!, m[1]!]);
}

describe("the golden transcripts on WhatsApp through a linked phone (fake whatsapp-web.js client)", () => {
  for (const { file, transcript } of scripts) {
    const lang = transcript.langs[0]!;
    it(`${file} (${lang})`, { timeout: 60_000 }, async () => {
      await runOn(web, transcript, lang, file);
    });
  }
});

describe("the golden transcripts on WhatsApp's Cloud API (Graph stand-in, signed webhooks)", () => {
  for (const { file, transcript } of scripts) {
    const lang = transcript.langs[0]!;
    it(`${file} (${lang})`, { timeout: 60_000 }, async () => {
      await runOn(cloud, transcript, lang, file);
    });
  }
});

describe("the golden transcripts on Telegram (Bot API stand-in, webhook)", () => {
  it("has conversations to run", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(10);
  });
  for (const { file, transcript } of scripts) {
    const lang = transcript.langs[0]!;
    it(`${file} (${lang})`, { timeout: 60_000 }, async () => {
      await runOn(telegram, transcript, lang, file);
    });
  }
});

let userIds = 7_000_000;

async function runOn(transport: Transport, transcript: Transcript, lang: Lang, file: string): Promise<void> {
  for (const store of [refStore, wireStore, cloudStore, webStore]) {
    const keys = await store.keys("");
    for (let i = 0; i < keys.length; i += 500) await store.delete(...keys.slice(i, i + 500));
  }
  clock.t = wireClock.t = Date.parse(transcript.at);
  const address = transport.user(transcript.hint ?? lang);
  let refLast: Outbound[] = [];
  let shown: [string, string, string?][] = [];
  let current: Lang = lang;
  let n = 0;
  for (const [i, step] of transcript.steps.entries()) {
    const where = `${file} step ${i + 1} (${JSON.stringify(step).slice(0, 60)})`;
    clock.t += 1000;
    wireClock.t += 1000;
    const label = labelOf(step, current, lang);
    if (step.choose_language) current = (step.choose_language === "$lang" ? lang : step.choose_language) as Lang;

    // The reference: the router as the golden transcripts drive it.
    const offered = [...refLast].reverse().find((m) => m.choices?.length)?.choices ?? [];
    const chosen = referenceInput(step, lang, label, refLast, where);
    const index = chosen.kind === "choice" ? offered.findIndex((c) => c.id === chosen.data) : -1;
    const input = index >= 0 && transport.pressed ? transport.pressed(index) : chosen;
    const hint = transport.hint ? transport.hint(address) : (transcript.hint ?? lang);
    const inbound: Inbound = { address, messageId: `r${++n}`, input, ...(hint ? { langHint: hint } : {}) };
    const replies = (await reference.router.handle(inbound, async () => undefined)).replies;
    if (replies.some((m) => m.choices?.length)) refLast = replies;
    const expected = transport.expected(replies, current);

    // The transport: what a user's app sends, pressing what the bot showed on this wire.
    // The button in the same place as the reference's choice (a transport may shorten labels).
    let press: [string, string, string?] | undefined;
    if (index >= 0) {
      press = shown[index];
      if (!press) throw new Error(`${where}: the transport showed no button in the place of choice ${index + 1} among ${shown.map(([t]) => t).join(" | ")}`);
    }
    const got = await transport.exchange(address, step, step.say !== undefined ? sayText(step, lang, where) : undefined, press, expected);
    expect(got, where).toEqual(expected);
    const withButtons = [...got].reverse().find((m) => m.buttons.length > 0);
    if (withButtons) shown = withButtons.buttons;
  }
}

/** The label a press step means, in the language the user chose so far. */
function labelOf(step: Step, current: Lang, runLang: Lang): string | undefined {
  if (step.choose_language !== undefined) return reference.i18n.t((step.choose_language === "$lang" ? runLang : step.choose_language) as Lang, "language-name");
  if (typeof step.press === "string") return reference.i18n.t(current, step.press);
  return undefined;
}

function referenceInput(step: Step, lang: Lang, label: string | undefined, last: Outbound[], where: string): Input {
  if (step.say !== undefined) return { kind: "text", text: sayText(step, lang, where) };
  if (step.command !== undefined) return { kind: "command", name: step.command, ...(step.arg ? { arg: step.arg } : {}) };
  if (step.media !== undefined) return { kind: "media", media: step.media };
  const choices = [...last].reverse().find((m) => m.choices?.length)?.choices ?? [];
  const choice = typeof step.press === "number" ? choices[step.press - 1] : choices.find((c) => c.label === label);
  if (!choice) throw new Error(`${where}: no such choice among ${choices.map((c) => c.label).join(" | ")}`);
  return { kind: "choice", data: choice.id };
}

function sayText(step: Step, lang: Lang, where: string): string {
  const text = typeof step.say === "string" ? step.say : step.say?.[lang];
  if (text === undefined) throw new Error(`${where}: no text to say in ${lang}`);
  return text;
}

function mediaUpdate(kind: NonNullable<Step["media"]>, user: ReturnType<typeof testUser>): NewUpdate {
  switch (kind) {
    case "sticker":
      return updates.sticker(user);
    case "voice":
    case "audio":
      return updates.voice(user);
    case "photo":
    case "video":
      return updates.photo(user);
    case "document":
      return updates.document(user);
    case "location":
      return updates.location(user);
    case "contact":
      return updates.contact(user);
  }
}

function callsTo(chatId: number, after: number): RecordedCall[] {
  return api.calls.filter((c) => c.seq > after && /^send/.test(c.method) && c.method !== "sendChatAction" && String(c.payload.chat_id) === String(chatId) && c.result !== undefined);
}

/** A Graph message body as the wire shows it (buttons and list rows as label → id, with their kind). */
function cloudWire(body: Record<string, unknown>): Wire {
  const type = String(body.type);
  if (type === "text") return { method: "text", text: (body.text as { body: string }).body, buttons: [] };
  if (type === "interactive") {
    const i = body.interactive as {
      type: string;
      body: { text: string };
      action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] };
    };
    const buttons = i.type === "button" ? (i.action.buttons ?? []).map((b) => [b.reply.title, b.reply.id, "button"] as [string, string, string]) : (i.action.sections ?? []).flatMap((sec) => sec.rows.map((r) => [r.title, r.id, "list"] as [string, string, string]));
    return { method: `interactive:${i.type}`, text: i.body.text, buttons };
  }
  return { method: type, text: "", buttons: [] };
}

function wireOf(method: string, payload: Record<string, unknown>): Wire {
  const markup = payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return {
    method,
    text: String(payload.text ?? payload.caption ?? ""),
    buttons: (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? ""] as [string, string]),
  };
}
