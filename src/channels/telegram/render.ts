import type { InlineKeyboardButton } from "grammy/types";
import type { MediaKind, Outbound } from "../../core/messages.ts";
import { splitText } from "../../core/text.ts";
import { encodeChoice, type EncodedChoice } from "./callback-data.ts";

/**
 * Turn the engine's `Outbound` messages into Bot API calls — the second half of the Telegram
 * converter pair (the first is `to-inbound.ts`). Pure, so the splitting and keyboards are
 * unit-tested without a network.
 *
 * Decisions:
 * - **Plain text, no `parse_mode`.** Texts come from Fluent, from users (relayed by consultants)
 *   and from staff; sent without a parse mode, Telegram shows every character as typed, so there
 *   is nothing to escape and no way for a `<` or `*` in someone's message to break or forge
 *   formatting (DESIGN.md invariant 5). Links are still clickable.
 * - **Link previews off**: migrants are often on slow, paid mobile data.
 * - **Choices are an inline keyboard, one button per row** (big targets on small screens), under
 *   the last part of a split text. Callback data is encoded to fit 64 bytes (`callback-data.ts`).
 * - **Texts over 4096 characters are split** at paragraph boundaries (blank lines), then at line
 *   ends, then at sentence or word ends — never inside a word unless a "word" is 4096 long.
 * - **Media** (`Outbound.media` with a file id or URL) goes as sendPhoto/sendDocument/...; the
 *   text becomes its caption when it fits 1024 characters, else follows as messages.
 * - **Consecutive plain texts of one reply become one message** (blank line between) when the
 *   result fits 4096 characters: "Language set." + the menu is one message with the menu's
 *   buttons. One notification instead of two on the user's phone, and no second message to wait
 *   a second for under Telegram's one-message-per-second-per-chat limit.
 */
export const MAX_MESSAGE_CHARS = 4096;
export const MAX_CAPTION_CHARS = 1024;

/** One Bot API call to make, without `chat_id` (the channel adds it). */
export interface RenderedCall {
  method: "sendMessage" | "sendPhoto" | "sendDocument" | "sendVoice" | "sendVideo" | "sendAudio" | "sendSticker";
  payload: Record<string, unknown>;
}

export interface Rendered {
  calls: RenderedCall[];
  /** Encoded choices; those with `remember` need a store entry before the buttons go out. */
  choices: EncodedChoice[];
}

/** The Bot API method and field for each kind of media (the staff desk forwards with them too). */
export const MEDIA_METHODS: Partial<Record<MediaKind, { method: RenderedCall["method"]; field: string; caption: boolean }>> = {
  photo: { method: "sendPhoto", field: "photo", caption: true },
  document: { method: "sendDocument", field: "document", caption: true },
  voice: { method: "sendVoice", field: "voice", caption: true },
  video: { method: "sendVideo", field: "video", caption: true },
  audio: { method: "sendAudio", field: "audio", caption: true },
  sticker: { method: "sendSticker", field: "sticker", caption: false },
};

// Telegram refuses an empty text; a message that only carries buttons gets this pointer.
const BUTTONS_ONLY_TEXT = "⬇️";

/**
 * Render messages in order.
 *
 * @example
 * render([{ text: "Choose", choices: [{ id: "main/menu/jobs", label: "Work" }] }]).calls
 * // → [{ method: "sendMessage", payload: { text: "Choose", reply_markup: { inline_keyboard: [[{ text: "Work", callback_data: "c:main/menu/jobs" }]] }, ... } }]
 */
export function render(messages: Outbound[], extra: Record<string, unknown> = {}): Rendered {
  const calls: RenderedCall[] = [];
  const choices: EncodedChoice[] = [];
  for (const message of joinTexts(messages)) {
    let keyboard: InlineKeyboardButton[][] | undefined;
    if (message.choices && message.choices.length > 0) {
      keyboard = message.choices.map((choice) => {
        const encoded = encodeChoice(choice.id);
        choices.push(encoded);
        return [{ text: choice.label, callback_data: encoded.data }];
      });
    }
    const markup = keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {};
    let text = message.text.trim();

    const media = message.media ? MEDIA_METHODS[message.media.kind] : undefined;
    const source = message.media?.fileId ?? message.media?.url;
    if (media && source) {
      const captioned = media.caption && text.length <= MAX_CAPTION_CHARS && text.length > 0;
      calls.push({
        method: media.method,
        payload: { ...extra, [media.field]: source, ...(captioned ? { caption: text } : {}), ...(captioned || !text ? markup : {}) },
      });
      if (captioned) continue;
      if (!text) continue;
    }
    if (!text) {
      if (!keyboard) continue;
      text = BUTTONS_ONLY_TEXT;
    }
    const parts = splitText(text, MAX_MESSAGE_CHARS);
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      calls.push({
        method: "sendMessage",
        payload: { ...extra, text: part, link_preview_options: { is_disabled: true }, ...(last ? markup : {}) },
      });
    });
  }
  return { calls, choices };
}

/**
 * Join each text that has no buttons and no media with the message after it (if that has no
 * media either), as long as the result fits one Telegram message.
 */
export function joinTexts(messages: Outbound[]): Outbound[] {
  const out: Outbound[] = [];
  for (const message of messages) {
    const previous = out[out.length - 1];
    const before = previous?.text.trim() ?? "";
    const text = message.text.trim();
    const joinable =
      previous !== undefined &&
      !previous.choices?.length &&
      !previous.media &&
      !message.media &&
      before.length > 0 &&
      text.length > 0 &&
      before.length + 2 + text.length <= MAX_MESSAGE_CHARS;
    if (joinable) {
      out[out.length - 1] = { ...message, text: `${before}\n\n${text}`, keys: [...(previous.keys ?? []), ...(message.keys ?? [])] };
    } else {
      out.push(message);
    }
  }
  return out;
}
