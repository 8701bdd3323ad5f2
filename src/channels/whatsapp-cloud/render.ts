import type { Outbound } from "../../core/messages.ts";
import { renderNumbered } from "../numbered.ts";
import { encodeChoice, type EncodedChoice } from "../telegram/callback-data.ts";
import { escapeWhatsApp, formatOwnText } from "../whatsapp/render.ts";
import { splitText } from "../../core/text.ts";

/** Cloud API limits (Meta's reference for interactive messages). */
export const CLOUD_LIMITS = {
  /** A text message's body. */
  text: 4096,
  /** The body of an interactive (button or list) message. */
  interactiveBody: 1024,
  /** Reply buttons per message and their titles. */
  buttons: 3,
  buttonTitle: 20,
  /** List rows per message, their titles and descriptions, and the list's button. */
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
} as const;

/** A Graph `POST /{phone-number-id}/messages` body without `messaging_product` and `to`. */
export type CloudPayload =
  | { type: "text"; text: { body: string; preview_url: boolean } }
  | {
      type: "interactive";
      interactive:
        | { type: "button"; body: { text: string }; action: { buttons: Array<{ type: "reply"; reply: { id: string; title: string } }> } }
        | {
            type: "list";
            body: { text: string };
            action: { button: string; sections: Array<{ rows: Array<{ id: string; title: string; description?: string }> }> };
          };
    }
  | { type: "image" | "video" | "audio" | "document" | "sticker"; media: { id?: string; link?: string; caption?: string } }
  | {
      type: "template";
      template: { name: string; language: { code: string }; components?: Array<{ type: "body"; parameters: Array<{ type: "text"; text: string }> }> };
    };

export interface RenderedCloud {
  payloads: CloudPayload[];
  /** Store entries the choice ids need (long tokens), to write before sending. */
  choices: EncodedChoice[];
}

/**
 * Turn `Outbound`s into Cloud API message bodies. Pure.
 *
 * - Up to 3 choices whose labels fit 20 characters → reply buttons; up to 10 → a list message
 *   (row titles cut at 24 characters, the whole label as the 72-character description when cut);
 *   more → a numbered list under the text, as on the web transport (the user types the number).
 * - Text is split at paragraphs into messages of at most 4,096 characters; the part carrying
 *   buttons or a list is at most 1,024 (Meta's limit for an interactive body).
 * - Choice ids are encoded like Telegram's callback data (`c:<token>` or `h:<hash>`), and checked
 *   the same way when they come back, so a forged reply id is refused.
 * - WhatsApp markup: our `*bold*` is kept, any other markup character in texts is made inert.
 *
 * @example
 * renderCloud([{ text: "Menu", choices: [{ id: "m/a/x", label: "Work" }] }], { listButton: "Choose" });
 */
export function renderCloud(messages: Outbound[], options: { listButton: string }): RenderedCloud {
  const payloads: CloudPayload[] = [];
  const choices: EncodedChoice[] = [];
  for (const message of messages) {
    if (message.media && (message.media.fileId || message.media.url)) {
      payloads.push(mediaPayload(message));
      continue;
    }
    const list = message.choices ?? [];
    const text = formatOwnText(message.text ?? "").trim();
    if (list.length === 0 || list.length > CLOUD_LIMITS.rows) {
      const whole = list.length ? renderNumbered({ text, choices: list.map((c) => ({ ...c, label: oneLine(c.label) })) }, escapeWhatsApp).trim() : text;
      for (const body of whole ? splitText(whole, CLOUD_LIMITS.text) : []) payloads.push(textPayload(body));
      continue;
    }
    // The part with the choices: at most 1,024 characters; what comes before goes as text.
    const pieces = text ? splitText(text, CLOUD_LIMITS.text) : [];
    const last = pieces.pop() ?? "";
    const tail = splitText(last || "\u2063", CLOUD_LIMITS.interactiveBody);
    const body = tail.pop() ?? "\u2063";
    for (const piece of [...pieces, ...tail]) payloads.push(textPayload(piece));
    const encoded = list.map((c) => encodeChoice(c.id));
    choices.push(...encoded);
    const labels = list.map((c) => oneLine(c.label));
    if (list.length <= CLOUD_LIMITS.buttons && labels.every((l) => [...l].length <= CLOUD_LIMITS.buttonTitle)) {
      payloads.push({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: body },
          action: { buttons: labels.map((title, i) => ({ type: "reply", reply: { id: encoded[i]!.data, title } })) },
        },
      });
    } else {
      payloads.push({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: body },
          action: {
            button: cut(options.listButton, CLOUD_LIMITS.listButton),
            sections: [{ rows: labels.map((label, i) => row(encoded[i]!.data, label)) }],
          },
        },
      });
    }
  }
  return { payloads, choices };
}

/** A list row: the label as title, or cut with the whole label (up to 72) as description. */
function row(id: string, label: string): { id: string; title: string; description?: string } {
  if ([...label].length <= CLOUD_LIMITS.rowTitle) return { id, title: label };
  return { id, title: cut(label, CLOUD_LIMITS.rowTitle), description: cut(label, CLOUD_LIMITS.rowDescription) };
}

/** At most `max` characters (code points), with an ellipsis when cut. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

function oneLine(label: string): string {
  return label.replace(/\s*\n\s*/g, " ").trim();
}

function textPayload(body: string): CloudPayload {
  return { type: "text", text: { body, preview_url: false } };
}

const MEDIA_TYPES = { photo: "image", video: "video", voice: "audio", audio: "audio", document: "document", sticker: "sticker" } as const;

/** Media by Graph media id (or a link, uploaded by the channel first); other kinds go as documents. */
function mediaPayload(message: Outbound): CloudPayload {
  const kind = message.media?.kind ?? "document";
  const type = kind in MEDIA_TYPES ? MEDIA_TYPES[kind as keyof typeof MEDIA_TYPES] : "document";
  const media: { id?: string; link?: string; caption?: string } = message.media?.fileId ? { id: message.media.fileId } : { link: message.media?.url ?? "" };
  const caption = cut(formatOwnText(message.text ?? "").trim(), 1024);
  if (caption && type !== "audio" && type !== "sticker") media.caption = caption;
  return { type, media };
}
