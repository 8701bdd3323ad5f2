import type { Message, Update } from "grammy/types";
import type { Inbound, Input, MediaKind } from "../../core/messages.ts";

/**
 * Turn a Telegram update from a private chat into the router's `Inbound` — the first half of the
 * Telegram converter pair (the other is `render.ts`). Pure: no I/O, no grammY context, so it is
 * unit-tested on hand-made updates.
 *
 * - text → `text`; `/name arg` (also `/name@jol_bot arg`) → `command` with the deep-link payload as `arg`
 * - a button press → `choice` with the raw callback data (the channel decodes it, see `callback-data.ts`)
 * - sticker, voice, audio, photo, video, document, location, contact, anything else → `media`
 * - an edited message → `edited`
 *
 * `messageId` is `u<update_id>`: Telegram redelivers an update (webhook retry, a restart before
 * the polling offset was confirmed) with the same id, so the router handles it once.
 * Returns null for updates that carry nothing to answer (a channel post, a poll answer...).
 *
 * @example
 * toInbound({ update_id: 7, message: { text: "/start poster-bus", chat: { id: 42, type: "private" }, ... } })
 * // → { address: { channel: "telegram", id: "42" }, messageId: "u7", input: { kind: "command", name: "start", arg: "poster-bus" } }
 */
export function toInbound(update: Update): Inbound | null {
  const callback = update.callback_query;
  if (callback) {
    const chatId = callback.message?.chat.id ?? callback.from.id;
    return finish(update, String(chatId), callback.from, { kind: "choice", data: callback.data ?? "" });
  }
  const edited = update.edited_message;
  if (edited) {
    if (!edited.from || edited.from.is_bot) return null;
    return finish(update, String(edited.chat.id), edited.from, { kind: "edited", text: edited.text ?? edited.caption ?? "" });
  }
  const message = update.message;
  if (!message || !message.from || message.from.is_bot) return null;
  const input = messageInput(message);
  if (!input) return null;
  return finish(update, String(message.chat.id), message.from, input);
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;

/** What a (non-edited) message says, or null for service messages (a pinned message, a new member). */
export function messageInput(message: Message): Input | null {
  if (typeof message.text === "string") {
    const command = COMMAND.exec(message.text.trim());
    if (command) {
      const arg = command[2]?.trim();
      return { kind: "command", name: command[1]!.toLowerCase(), ...(arg ? { arg } : {}) };
    }
    return { kind: "text", text: message.text };
  }
  const media = mediaOf(message);
  if (!media) return null;
  return {
    kind: "media",
    media: media.kind,
    ...(message.caption ? { caption: message.caption } : {}),
    ...(media.fileId ? { fileId: media.fileId } : {}),
  };
}

function mediaOf(message: Message): { kind: MediaKind; fileId?: string } | null {
  if (message.sticker) return { kind: "sticker", fileId: message.sticker.file_id };
  if (message.voice) return { kind: "voice", fileId: message.voice.file_id };
  if (message.audio) return { kind: "audio", fileId: message.audio.file_id };
  // Telegram sends several sizes, smallest first: keep the largest.
  if (message.photo) return { kind: "photo", fileId: message.photo[message.photo.length - 1]?.file_id };
  if (message.video) return { kind: "video", fileId: message.video.file_id };
  if (message.video_note) return { kind: "video", fileId: message.video_note.file_id };
  if (message.animation) return { kind: "video", fileId: message.animation.file_id };
  if (message.document) return { kind: "document", fileId: message.document.file_id };
  if (message.location || message.venue) return { kind: "location" };
  if (message.contact) return { kind: "contact" };
  if (message.poll || message.dice || message.game || message.story || message.invoice) return { kind: "other" };
  return null;
}

function finish(update: Update, chatId: string, from: { language_code?: string; first_name: string; last_name?: string }, input: Input): Inbound {
  return {
    address: { channel: "telegram", id: chatId },
    messageId: `u${update.update_id}`,
    input,
    ...(from.language_code ? { langHint: from.language_code } : {}),
    name: from.last_name ? `${from.first_name} ${from.last_name}` : from.first_name,
  };
}
