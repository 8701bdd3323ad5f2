import type { Inbound, Input, MediaKind } from "../../core/messages.ts";
import { typedInput } from "../typed-command.ts";
import type { WaMessageLike } from "./client.ts";

/**
 * Turn a whatsapp-web.js message into an `Inbound` for the router, or `null` when Jol must not
 * answer it: only private chats with a person are conversations. Groups (`@g.us`), status
 * updates (`status@broadcast`), broadcast lists, channels (`@newsletter`) and our own messages
 * are ignored, as are protocol noise (revoked messages, reactions, notifications).
 *
 * `messageId` is whatsapp-web.js' serialized message id, so a message WhatsApp Web delivers twice
 * (a reconnect, a restart) is answered once by the router's dedupe.
 *
 * @example
 * const inbound = toInbound(msg); if (inbound) await app.router.handle(inbound, reply);
 */
export function toInbound(msg: WaMessageLike): Inbound | null {
  if (!isPrivateChat(msg)) return null;
  const input = toInput(msg);
  if (!input) return null;
  const inbound: Inbound = {
    address: { channel: "whatsapp", id: msg.from },
    messageId: msg.id._serialized,
    input,
  };
  const langHint = langHintFor(msg.from);
  if (langHint) inbound.langHint = langHint;
  const name = msg._data?.notifyName;
  if (name) inbound.name = name;
  return inbound;
}

/**
 * An edited message (`message_edit`): the engine explains that it cannot follow edits. The id is
 * the original id plus a hash of the new text, so one edit is handled once.
 */
export function editToInbound(msg: WaMessageLike, newBody: string): Inbound | null {
  if (!isPrivateChat(msg)) return null;
  return {
    address: { channel: "whatsapp", id: msg.from },
    messageId: `${msg.id._serialized}:edit:${hashText(newBody)}`,
    input: { kind: "edited", text: newBody },
  };
}

/** True for a one-to-one chat with someone else: `<number>@c.us` or `<lid>@lid`. */
export function isPrivateChat(msg: WaMessageLike): boolean {
  if (msg.fromMe || msg.isStatus || msg.broadcast) return false;
  if (msg.author) return false; // only group messages carry an author
  return /^[^@\s]+@(c\.us|lid)$/.test(msg.from);
}

const MEDIA: Record<string, MediaKind> = {
  ptt: "voice",
  audio: "audio",
  image: "photo",
  album: "photo",
  video: "video",
  document: "document",
  sticker: "sticker",
  location: "location",
  vcard: "contact",
  multi_vcard: "contact",
};

/** Types that are not something a person said: ignore them. */
const NOISE = new Set([
  "revoked",
  "reaction",
  "protocol",
  "notification",
  "notification_template",
  "e2e_notification",
  "gp2",
  "group_notification",
  "call_log",
  "ciphertext",
  "debug",
  "broadcast_notification",
]);

/** Types whose `body` is not a caption the user typed (a vCard, a location thumbnail). */
const NO_CAPTION = new Set(["ptt", "audio", "sticker", "location", "vcard", "multi_vcard"]);

function toInput(msg: WaMessageLike): Input | null {
  if (msg.type === "chat") {
    const text = msg.body.trim();
    return text ? typedInput(text) : null;
  }
  if (NOISE.has(msg.type)) return null;
  const media = MEDIA[msg.type] ?? "other";
  const input: Input = { kind: "media", media };
  const caption = msg.body?.trim();
  if (caption && !NO_CAPTION.has(msg.type)) input.caption = caption;
  if (msg.hasMedia) input.fileId = msg.id._serialized;
  return input;
}

/**
 * WhatsApp gives no language; the country code of a phone-number id is a fair first guess for
 * the countries whose language is clear (Uzbekistan, Kyrgyzstan, Tajikistan). Kazakh and Russian
 * numbers share +7 and their users use both languages: no hint, the default applies.
 */
function langHintFor(from: string): string | undefined {
  const match = /^(\d+)@c\.us$/.exec(from);
  if (!match) return undefined;
  const digits = match[1] ?? "";
  if (digits.startsWith("998")) return "uz";
  if (digits.startsWith("996")) return "ky";
  if (digits.startsWith("992")) return "tg";
  return undefined;
}

function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}
