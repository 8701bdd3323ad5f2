/**
 * The Telegram channel against the Bot API stand-in, in both modes, with a scripted router: what
 * the channel itself owes (conversion, keyboards, callbacks, splitting, retries, 403, webhook
 * secret, dedupe hand-off, groups, command menu). The real engine is in e2e.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { App } from "../../../src/app/app.ts";
import { BlockedError } from "../../../src/channels/channel.ts";
import { LANGS } from "../../../src/core/lang.ts";
import { type Address } from "../../../src/core/address.ts";
import { type Inbound, type Outbound } from "../../../src/core/messages.ts";
import type { Router } from "../../../src/router/router.ts";
import type { Store } from "../../../src/store/store.ts";
import { BotApiStandIn, testGroup, testUser, updates } from "../../support/bot-api/index.ts";
import { testStore } from "../../support/redis.ts";
import { Driver, fakeApp, SECRET, STAFF_CHAT, startChannel, telegramEnv, WEBHOOK_URL, type Mode } from "./harness.ts";

// Several HTTP round trips per test through real grammY: room for a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 40_000, hookTimeout: 30_000 });

const LONG_TOKEN = `screening-job-offer/${"q".repeat(40)}/employer-keeps-passport`;

/**
 * A router that answers by script through the app's outbox, dedupes like the real one, and records
 * what it saw. `blocked` collects the users the outbox found blocked (`fakeApp`'s `onBlocked`).
 */
function scriptedRouter(store: Store, app: () => App) {
  const seen: Inbound[] = [];
  const blocked: string[] = [];
  const router: Router = {
    async intake(inbound) {
      if (!(await store.setIfAbsent(`seen:${inbound.messageId}`, "1", 60_000))) return { duplicate: true };
      seen.push(inbound);
      await app().outbox.enqueue(inbound.address, script(inbound));
      return { duplicate: false };
    },
    handle: () => Promise.reject(new Error("the channel stores updates with intake")),
    editSession: () => Promise.reject(new Error("the channel edits no session")),
    drain: async () => undefined,
    idle: async () => undefined,
    stop: async () => undefined,
    arrived: async () => undefined,
  };
  return { router, seen, blocked, onBlocked: (to: Address) => void blocked.push(to.id) };
}

/** `fakeApp` around a scripted router. */
function scriptedApp(store: Store, env: Record<string, string>) {
  const scripted = scriptedRouter(store, () => app);
  const app: App = fakeApp(store, scripted.router, env, scripted.onBlocked);
  return { app, scripted };
}

function script(inbound: Inbound): Outbound[] {
  const input = inbound.input;
  switch (input.kind) {
    case "command":
      return [{ text: "Choose a language", choices: LANGS.map((l) => ({ id: `language/pick/${l}`, label: l })) }];
    case "choice":
      return [{ text: `chose ${input.data}`, choices: [{ id: "main/menu/jobs", label: "Jobs" }, { id: LONG_TOKEN, label: "Check a job offer" }] }];
    case "media":
      return [{ text: `got ${input.media}` }];
    case "edited":
      return [{ text: "edits are not followed" }];
    case "text":
      if (input.text === "long") return [{ text: longText() }];
      return [{ text: `echo ${input.text}` }];
  }
}

function longText(): string {
  const para = (n: number, ch: string) => `${ch.repeat(n - 1)}.`;
  return [para(2000, "a"), para(1500, "b"), para(1496, "c")].join("\n\n");
}

describe.each<Mode>(["polling", "webhook"])("Telegram channel (%s)", (mode) => {
  let api: BotApiStandIn;
  let store: Awaited<ReturnType<typeof testStore>>;
  let app: App;
  let scripted: ReturnType<typeof scriptedRouter>;
  let driver: Driver;
  const user = testUser(4242, "uz");

  beforeEach(async () => {
    api = await BotApiStandIn.start();
    store = await testStore("telegram-channel");
    ({ app, scripted } = scriptedApp(store, telegramEnv(api, mode)));
    driver = await startChannel(app, api);
  });

  afterEach(async () => {
    await driver.stop();
    await api.close();
    await store.close();
  });

  it("sets up its mode on start and registers the command menu in six languages", async () => {
    if (mode === "webhook") {
      expect(api.webhook).toEqual({ url: WEBHOOK_URL, secret: SECRET, allowedUpdates: ["message", "edited_message", "callback_query"] });
    } else {
      expect(api.callsOf("deleteWebhook")).toHaveLength(1);
      expect(api.webhook).toBeNull();
    }
    for (const lang of LANGS) {
      const commands = api.commands.get(`default:${lang}`);
      expect(commands?.map((c) => c.command)).toEqual(["start", "menu", "language", "help", "human", "stop", "forget"]);
      expect(commands?.find((c) => c.command === "forget")?.description).toBe(app.i18n.t(lang, "tg-cmd-forget"));
    }
    expect(api.commands.get("default:uz")?.[0]?.description).toBe("Qaytadan boshlash");
    expect(api.commands.get("default:")).toBeDefined();
  });

  it("hands a first contact to the router with the deep-link payload and language hint, and shows choices as an inline keyboard", async () => {
    const [reply] = await driver.exchange(updates.command(user, "start", "poster-bus-7"), user.id);
    expect(scripted.seen[0]).toMatchObject({ address: { channel: "telegram", id: "4242" }, input: { kind: "command", name: "start", arg: "poster-bus-7" }, langHint: "uz" });
    expect(scripted.seen[0]!.messageId).toMatch(/^u\d+$/);
    expect(reply!.text).toBe("Choose a language");
    const keyboard = reply!.reply_markup!.inline_keyboard;
    expect(keyboard.map((row) => row[0]!.text)).toEqual([...LANGS]);
    expect(keyboard[2]![0]).toMatchObject({ callback_data: "c:language/pick/uz" });
  });

  it("turns a button press into a choice, answers the query and removes the pressed keyboard", async () => {
    const [menu] = await driver.exchange(updates.command(user, "start"), user.id);
    const [next] = await driver.exchange(updates.callback(user, "c:language/pick/uz", menu!), user.id);
    expect(scripted.seen[1]!.input).toEqual({ kind: "choice", data: "language/pick/uz" });
    expect(next!.text).toBe("chose language/pick/uz");
    expect(api.callsOf("answerCallbackQuery", { ok: true })).toHaveLength(1);
    await api.waitFor(() => api.message(user.id, menu!.message_id)?.reply_markup === undefined || undefined, { what: "the keyboard to be removed" });
    expect(api.callsOf("editMessageReplyMarkup")[0]!.payload).toMatchObject({ chat_id: user.id, message_id: menu!.message_id });

    // A choice token too long for 64 bytes goes out hashed and comes back whole.
    const button = next!.reply_markup!.inline_keyboard[1]![0] as { callback_data: string };
    expect(button.callback_data).toMatch(/^h:/);
    await driver.exchange(updates.callback(user, button.callback_data, next!), user.id);
    expect(scripted.seen[2]!.input).toEqual({ kind: "choice", data: LONG_TOKEN });
  });

  it("answers garbage or forged button data politely, in the user's language, without calling the router", async () => {
    const after = api.lastSeq;
    await driver.deliver(updates.callback(user, "DROP TABLE users;", { message_id: 1 }));
    await driver.deliver(updates.callback(user, "h:AAAAAAAAAAAAAAAAAAAAAA", { message_id: 1 }));
    const answers = await api.waitForCalls("answerCallbackQuery", 2, { after });
    expect(answers[0]!.payload.text).toBe(app.i18n.t("uz", "tg-callback-invalid"));
    expect(answers[1]!.payload.text).toBe(app.i18n.t("uz", "tg-callback-expired"));
    expect(scripted.seen).toHaveLength(0);
    expect(api.callsOf("sendMessage")).toHaveLength(0);
  });

  it("hands stickers, voice notes and edits to the router as media and edited inputs", async () => {
    expect((await driver.exchange(updates.sticker(user), user.id))[0]!.text).toBe("got sticker");
    expect((await driver.exchange(updates.voice(user), user.id))[0]!.text).toBe("got voice");
    expect((await driver.exchange(updates.edited(user, "fixed"), user.id))[0]!.text).toBe("edits are not followed");
    expect(scripted.seen.map((s) => s.input.kind)).toEqual(["media", "media", "edited"]);
  });

  it("splits a 5,000-character reply at a paragraph boundary into messages under 4096 characters", async () => {
    const parts = await driver.exchange(updates.text(user, "long"), user.id, 2);
    expect(parts.map((p) => p.text!.length)).toEqual([3502, 1496]);
    expect(parts.map((p) => p.text).join("\n\n")).toBe(longText());
  });

  it("waits out a 429 retry_after and still delivers the message", async () => {
    api.fail({ method: "sendMessage", chatId: user.id, times: 1, code: 429, retryAfter: 1 });
    const [reply] = await driver.exchange(updates.text(user, "hello"), user.id);
    expect(reply!.text).toBe("echo hello");
    const attempts = api.callsOf("sendMessage", { chatId: user.id });
    expect(attempts.map((c) => c.fault?.code ?? 200)).toEqual([429, 200]);
  });

  it("reports a user who blocked the bot (403) as BlockedError, without retrying", async () => {
    api.fail({ chatId: user.id, method: "sendMessage", times: Infinity, code: 403 });
    await driver.deliver(updates.text(user, "hello"));
    // The outbox reports it after the update was stored (no further Bot API call to wait for).
    await vi.waitFor(() => expect(scripted.blocked).toHaveLength(1), { timeout: 8000, interval: 20 });
    expect(scripted.blocked).toEqual(["4242"]);
    expect(api.callsOf("sendMessage", { chatId: user.id })).toHaveLength(1);
    await expect(driver.channel.send({ channel: "telegram", id: "4242" }, [{ text: "alert" }])).rejects.toBeInstanceOf(BlockedError);
    expect(api.callsOf("sendMessage", { chatId: user.id })).toHaveLength(2);
  });

  it("hands the same update delivered twice to the router with the same id, so it is answered once", async () => {
    const update = { ...updates.text(user, "once"), update_id: 555_001 };
    if (mode === "polling") {
      api.pushUpdate(update);
      api.pushUpdate(update);
    } else {
      await driver.deliver(update);
      await driver.deliver(update);
    }
    await api.waitForCalls("sendMessage", 1, { chatId: user.id });
    await driver.exchange(updates.text(user, "after"), user.id);
    expect(api.sentTo(user.id).map((m) => m.text)).toEqual(["echo once", "echo after"]);
  });

  it("sends bot-initiated messages with send()", async () => {
    await driver.channel.send({ channel: "telegram", id: "77" }, [{ text: "A consultant answered", choices: [{ id: "case/reply/ok", label: "OK" }] }]);
    expect(api.sentTo(77)[0]).toMatchObject({ text: "A consultant answered", reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "c:case/reply/ok" }]] } });
  });

  it("says once per group that it works in private chats, and leaves the staff group to the extensions", async () => {
    const group = testGroup(-100555, "Friends");
    await driver.exchange(updates.groupText(group, user, "hi bot"), group.id);
    await driver.deliver(updates.groupText(group, user, "hi again"));
    await driver.deliver(updates.groupText(testGroup(STAFF_CHAT, "Staff", true), user, "staff talk"));
    await driver.exchange(updates.text(user, "private"), user.id);
    expect(api.sentTo(group.id).map((m) => m.text)).toEqual([app.i18n.t("uz", "tg-private-only", { bot: "jol_test_bot" })]);
    expect(api.sentTo(STAFF_CHAT)).toEqual([]);
    expect(scripted.seen.map((s) => s.input)).toEqual([{ kind: "text", text: "private" }]);
  });
});

describe("Telegram channel extensions and webhook security", () => {
  let api: BotApiStandIn;
  let store: Awaited<ReturnType<typeof testStore>>;
  beforeEach(async () => {
    api = await BotApiStandIn.start();
    store = await testStore("telegram-ext");
  });
  afterEach(async () => {
    await api.close();
    await store.close();
  });

  it("gives staff-group updates to the extensions and never to the router", async () => {
    const { app, scripted } = scriptedApp(store, telegramEnv(api, "webhook"));
    const staffTexts: string[] = [];
    app.telegramExtensions.push((bot) => {
      bot.chatType("supergroup").on("message:text", async (ctx, next) => {
        if (ctx.chat.id !== STAFF_CHAT) return next();
        staffTexts.push(ctx.message.text);
        await ctx.api.sendMessage(STAFF_CHAT, "desk got it");
      });
    });
    const driver = await startChannel(app, api);
    try {
      const staff = testGroup(STAFF_CHAT, "Staff", true);
      await driver.exchange(updates.groupText(staff, testUser(1), "/claim 12"), STAFF_CHAT);
      expect(staffTexts).toEqual(["/claim 12"]);
      expect(scripted.seen).toEqual([]);
    } finally {
      await driver.stop();
    }
  });

  it("starts polling again after another process took over (409)", async () => {
    const { app } = scriptedApp(store, telegramEnv(api, "polling"));
    api.fail({ method: "getUpdates", times: 1, code: 409 });
    const driver = await startChannel(app, api);
    try {
      const user = testUser(12);
      const [reply] = await driver.exchange(updates.text(user, "still there?"), user.id);
      expect(reply!.text).toBe("echo still there?");
      expect(api.callsOf("getUpdates")[0]!.fault?.code).toBe(409);
    } finally {
      await driver.stop();
    }
  });

  it("stores the update in hand before stop() resolves, and fetches nothing after", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const stored: Inbound[] = [];
    const slow: Router = {
      async intake(inbound) {
        entered();
        await gate;
        stored.push(inbound);
        return { duplicate: false };
      },
      editSession: () => Promise.reject(new Error("the channel edits no session")),
      handle: () => Promise.reject(new Error("not used")),
      drain: async () => undefined,
      idle: async () => undefined,
      stop: async () => undefined,
      arrived: async () => undefined,
    };
    const app = fakeApp(store, slow, telegramEnv(api, "polling"));
    const driver = await startChannel(app, api);
    const user = testUser(13);
    await driver.deliver(updates.text(user, "hi"));
    await inside;
    const stopped = driver.stop();
    setTimeout(release, 200);
    await stopped;
    expect(stored.map((i) => i.input)).toEqual([{ kind: "text", text: "hi" }]);
    const polls = api.callsOf("getUpdates").length;
    api.pushUpdate(updates.text(user, "too late"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsOf("getUpdates")).toHaveLength(polls);
  });

  it("retries a 5xx from Telegram and then delivers", async () => {
    const { app } = scriptedApp(store, telegramEnv(api, "polling"));
    const driver = await startChannel(app, api);
    try {
      const user = testUser(11);
      api.fail({ method: "sendMessage", chatId: user.id, times: 1, code: 502 });
      const [reply] = await driver.exchange(updates.text(user, "hi"), user.id);
      expect(reply!.text).toBe("echo hi");
      expect(api.callsOf("sendMessage", { chatId: user.id }).map((c) => c.fault?.code ?? 200)).toEqual([502, 200]);
    } finally {
      await driver.stop();
    }
  });

  it("explains a webhook URL Telegram refuses", async () => {
    const { app } = scriptedApp(store, telegramEnv(api, "webhook"));
    api.fail({ method: "setWebhook", times: 1, code: 400, description: "Bad Request: bad webhook: HTTPS url must be provided for webhook" });
    await expect(startChannel(app, api)).rejects.toThrow(/TELEGRAM_WEBHOOK_URL must be a public https:\/\/ URL/);
  });

  it("rejects webhook requests with a wrong or missing secret (401) and does not process them", async () => {
    const { app, scripted } = scriptedApp(store, telegramEnv(api, "webhook"));
    const driver = await startChannel(app, api);
    try {
      const user = testUser(9);
      const wrong = await api.postUpdate(updates.text(user, "forged"), { url: driver.webhookUrl, secret: "not-the-secret" });
      const missing = await api.postUpdate(updates.text(user, "forged"), { url: driver.webhookUrl, secret: null });
      expect([wrong.status, missing.status]).toEqual([401, 401]);
      const notJson = await fetch(driver.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: "{not json",
      });
      expect(notJson.status).toBe(400);
      expect((await fetch(driver.webhookUrl.replace("/telegram", "/healthz"))).status).toBe(200);
      const ok = await api.postUpdate(updates.text(user, "real"), { url: driver.webhookUrl });
      expect(ok.status).toBe(200);
      expect(scripted.seen.map((s) => s.input)).toEqual([{ kind: "text", text: "real" }]);
      // Answered after the 200 (the update was stored first), through the outbox.
      await api.waitForCalls("sendMessage", 1, { chatId: 9 });
      expect(api.sentTo(9).map((m) => m.text)).toEqual(["echo real"]);
    } finally {
      await driver.stop();
    }
  });
});
