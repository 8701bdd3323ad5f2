import { describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { toInbound } from "../../../src/channels/telegram/to-inbound.ts";
import { testUser, updates, type NewUpdate } from "../../support/bot-api/index.ts";

const user = testUser(42, "uz-UZ", "Aziz");
const withId = (u: NewUpdate, id = 7): Update => ({ ...u, update_id: id }) as Update;

describe("toInbound", () => {
  it("turns text into a text input with a stable id from the update, the language hint and the name", () => {
    expect(toInbound(withId(updates.text(user, "salom"), 901))).toEqual({
      address: { channel: "telegram", id: "42" },
      messageId: "u901",
      input: { kind: "text", text: "salom" },
      langHint: "uz-UZ",
      name: "Aziz",
    });
  });

  it("parses commands, lower-cases the name and keeps the deep-link payload as arg", () => {
    expect(toInbound(withId(updates.command(user, "start", "poster-bus-7")))?.input).toEqual({ kind: "command", name: "start", arg: "poster-bus-7" });
    expect(toInbound(withId(updates.command(user, "MENU")))?.input).toEqual({ kind: "command", name: "menu" });
    expect(toInbound(withId(updates.text(user, "/help@jol_test_bot")))?.input).toEqual({ kind: "command", name: "help" });
    expect(toInbound(withId(updates.text(user, "/ not a command")))?.input).toEqual({ kind: "text", text: "/ not a command" });
  });

  it("turns a button press into a choice carrying the raw callback data", () => {
    const inbound = toInbound(withId(updates.callback(user, "c:main/menu/jobs", { message_id: 5 })));
    expect(inbound?.input).toEqual({ kind: "choice", data: "c:main/menu/jobs" });
    expect(inbound?.address.id).toBe("42");
  });

  it("turns stickers, voice, photos, documents, locations and contacts into media", () => {
    expect(toInbound(withId(updates.sticker(user)))?.input).toEqual({ kind: "media", media: "sticker", fileId: "CAACsticker" });
    expect(toInbound(withId(updates.voice(user)))?.input).toEqual({ kind: "media", media: "voice", fileId: "AwACvoice" });
    expect(toInbound(withId(updates.photo(user, "my contract")))?.input).toEqual({ kind: "media", media: "photo", caption: "my contract", fileId: "AgACphoto" });
    expect(toInbound(withId(updates.document(user)))?.input).toMatchObject({ kind: "media", media: "document" });
    expect(toInbound(withId(updates.location(user)))?.input).toEqual({ kind: "media", media: "location" });
    expect(toInbound(withId(updates.contact(user)))?.input).toEqual({ kind: "media", media: "contact" });
  });

  it("turns an edited message into an edited input", () => {
    expect(toInbound(withId(updates.edited(user, "fixed typo")))?.input).toEqual({ kind: "edited", text: "fixed typo" });
  });

  it("ignores service messages and bots", () => {
    const service = withId({ message: { message_id: 1, date: 0, chat: { id: 42, type: "private", first_name: "A" }, from: user, pinned_message: {} } } as never);
    expect(toInbound(service)).toBeNull();
    expect(toInbound(withId(updates.text({ ...user, is_bot: true }, "hi")))).toBeNull();
    expect(toInbound(withId({ poll_answer: { poll_id: "1", option_ids: [0], user } } as never))).toBeNull();
  });
});
