import { describe, expect, it } from "vitest";
import { editToInbound, toInbound } from "../../../src/channels/whatsapp/to-inbound.ts";
import { waMessage } from "./fake-client.ts";

const PERSON = "998901234567@c.us";

describe("toInbound", () => {
  it("turns a private text into a text input with the message id and the chat as address", () => {
    const msg = waMessage({ from: PERSON, body: "  Salom  ", _data: { notifyName: "Aziz" } });
    expect(toInbound(msg)).toEqual({
      address: { channel: "whatsapp", id: PERSON },
      messageId: msg.id._serialized,
      input: { kind: "text", text: "Salom" },
      langHint: "uz",
      name: "Aziz",
    });
  });

  it("turns a typed /command into a command, as Telegram does (the alerts' \"/stop\" works on WhatsApp)", () => {
    expect(toInbound(waMessage({ from: "77011234567@c.us", body: "/stop" }))?.input).toEqual({ kind: "command", name: "stop" });
    expect(toInbound(waMessage({ from: "77011234567@c.us", body: "/start kb-stay" }))?.input).toEqual({ kind: "command", name: "start", arg: "kb-stay" });
    expect(toInbound(waMessage({ from: "77011234567@c.us", body: "50/50?" }))?.input).toEqual({ kind: "text", text: "50/50?" });
  });

  it("accepts @lid private chats", () => {
    expect(toInbound(waMessage({ from: "123456789012345@lid", body: "1" }))?.input).toEqual({ kind: "text", text: "1" });
  });

  it("ignores groups, status broadcasts, broadcast lists, channels and our own messages", () => {
    expect(toInbound(waMessage({ from: "120363000000000000@g.us", author: PERSON, body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: "120363000000000000@g.us", body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: "status@broadcast", isStatus: true, body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: "status@broadcast", body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: PERSON, broadcast: true, body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: "120363000000000001@newsletter", body: "hi" }))).toBeNull();
    expect(toInbound(waMessage({ from: PERSON, fromMe: true, body: "hi" }))).toBeNull();
  });

  it("maps every media type to its kind, with captions only where the user typed one", () => {
    const cases: Array<[string, string, string | undefined]> = [
      ["ptt", "voice", undefined],
      ["audio", "audio", undefined],
      ["image", "photo", "my contract"],
      ["video", "video", "look"],
      ["document", "document", "passport.pdf"],
      ["sticker", "sticker", undefined],
      ["location", "location", undefined],
      ["vcard", "contact", undefined],
      ["multi_vcard", "contact", undefined],
      ["poll_creation", "other", undefined],
    ];
    for (const [type, media, caption] of cases) {
      const body = caption ?? (type === "vcard" ? "BEGIN:VCARD\nTEL:+77001234567\nEND:VCARD" : "");
      const msg = waMessage({ from: PERSON, type, body, hasMedia: type !== "location" && !type.includes("vcard") });
      const input = toInbound(msg)?.input;
      expect(input, type).toMatchObject({ kind: "media", media });
      expect(input && "caption" in input ? input.caption : undefined, type).toBe(caption);
    }
  });

  it("keeps the message id as file id for media that can be downloaded later", () => {
    const msg = waMessage({ from: PERSON, type: "ptt", hasMedia: true });
    expect(toInbound(msg)?.input).toEqual({ kind: "media", media: "voice", fileId: msg.id._serialized });
  });

  it("ignores protocol noise and empty texts", () => {
    for (const type of ["revoked", "reaction", "e2e_notification", "notification_template", "call_log", "ciphertext"]) {
      expect(toInbound(waMessage({ from: PERSON, type })), type).toBeNull();
    }
    expect(toInbound(waMessage({ from: PERSON, body: "   " }))).toBeNull();
  });

  it("guesses the language only from unambiguous country codes", () => {
    expect(toInbound(waMessage({ from: "996700123456@c.us", body: "x" }))?.langHint).toBe("ky");
    expect(toInbound(waMessage({ from: "992900123456@c.us", body: "x" }))?.langHint).toBe("tg");
    expect(toInbound(waMessage({ from: "77001234567@c.us", body: "x" }))?.langHint).toBeUndefined();
    expect(toInbound(waMessage({ from: "123@lid", body: "x" }))?.langHint).toBeUndefined();
  });
});

describe("editToInbound", () => {
  it("reports an edit once per new text", () => {
    const msg = waMessage({ from: PERSON, body: "new" });
    const a = editToInbound(msg, "new");
    expect(a?.input).toEqual({ kind: "edited", text: "new" });
    expect(editToInbound(msg, "new")?.messageId).toBe(a?.messageId);
    expect(editToInbound(msg, "newer")?.messageId).not.toBe(a?.messageId);
    expect(a?.messageId).not.toBe(msg.id._serialized);
    expect(editToInbound(waMessage({ from: "1@g.us", author: PERSON }), "x")).toBeNull();
  });
});
