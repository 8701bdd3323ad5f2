import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot, GrammyError } from "grammy";
import { BotApiStandIn, ApiFault, testUser, updates } from "../../support/bot-api/index.ts";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("Bot API stand-in", () => {
  let api: BotApiStandIn;
  let bot: Bot;
  beforeEach(async () => {
    api = await BotApiStandIn.start();
    bot = new Bot(TOKEN, { client: { apiRoot: api.apiRoot } });
  });
  afterEach(async () => {
    await api.close();
  });

  it("answers getMe and records sendMessage over real HTTP", async () => {
    const me = await bot.api.getMe();
    expect(me.username).toBe("jol_test_bot");
    const sent = await bot.api.sendMessage(42, "hello", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(api.sentTo(42)[0]?.text).toBe("hello");
    await bot.api.editMessageReplyMarkup(42, sent.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(api.message(42, sent.message_id)?.reply_markup).toBeUndefined();
  });

  it("rejects what Telegram rejects: long text, long callback data", async () => {
    await expect(bot.api.sendMessage(1, "x".repeat(4097))).rejects.toThrow(/message is too long/);
    await expect(
      bot.api.sendMessage(1, "x", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "d".repeat(65) }]] } }),
    ).rejects.toThrow(/BUTTON_DATA_INVALID/);
  });

  it("long-polls getUpdates with offset confirmation", async () => {
    const pending = bot.api.getUpdates({ timeout: 5 });
    api.pushUpdate(updates.text(testUser(5), "hi"));
    const [first] = await pending;
    expect(first?.message?.text).toBe("hi");
    // Not confirmed yet: a restarted bot polling without an offset gets it again.
    expect((await bot.api.getUpdates({ timeout: 0 })).map((u) => u.update_id)).toEqual([first!.update_id]);
    expect(await bot.api.getUpdates({ offset: first!.update_id + 1, timeout: 0 })).toEqual([]);
    expect(api.pendingUpdates).toBe(0);
  });

  it("fails on demand with 429 retry_after and 403 per chat", async () => {
    api.fail({ method: "sendMessage", times: 1, code: 429, retryAfter: 3 });
    api.fail({ chatId: 9, times: Infinity, code: 403 });
    const err = await bot.api.sendMessage(1, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).parameters.retry_after).toBe(3);
    await expect(bot.api.sendMessage(1, "x")).resolves.toBeTruthy();
    await expect(bot.api.sendMessage(9, "x")).rejects.toMatchObject({ error_code: 403 });
    await expect(bot.api.sendMessage(9, "y")).rejects.toMatchObject({ error_code: 403 });
    expect(api.callsOf("sendMessage", { chatId: 9 }).every((c) => c.fault?.code === 403)).toBe(true);
  });

  it("posts updates to a webhook with the secret, and is extensible", async () => {
    const { createServer } = await import("node:http");
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers["x-telegram-bot-api-secret-token"]));
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await bot.api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: "s3cret" });
    await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    const { status } = await api.postUpdate(updates.text(testUser(1), "x"));
    expect(status).toBe(200);
    await api.postUpdate(updates.text(testUser(1), "x"), { secret: null });
    expect(seen).toEqual(["s3cret", "undefined"]);
    server.close();

    api.define("closeForumTopic", (p) => {
      if (typeof p.message_thread_id !== "number") throw new ApiFault(400, "Bad Request: message thread not found");
      return true;
    });
    await expect(bot.api.closeForumTopic(-100, 7)).resolves.toBe(true);
    await expect(bot.api.raw.createForumTopic({ chat_id: -100, name: "x" })).rejects.toThrow(/method createForumTopic/);
  });
});
