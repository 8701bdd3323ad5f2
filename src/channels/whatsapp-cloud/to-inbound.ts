import type { Inbound, Input, MediaKind } from "../../core/messages.ts";
import { typedInput } from "../typed-command.ts";
import type { CloudMessage, CloudStatus, CloudWebhook } from "./payload.ts";

/** One user message of a webhook, ready for the router, with the time Meta gives it. */
export interface CloudInbound {
  inbound: Inbound;
  /** When the user sent it (epoch ms, from Meta's `timestamp`). */
  sentAt: number;
}

/** A delivery status of a message Jol sent. */
export interface CloudStatusReport {
  messageId: string;
  status: "sent" | "delivered" | "read" | "failed" | "other";
  recipient: string;
  /** Error codes of a failed message (131047, 131026, ...). */
  codes: number[];
}

/** What one webhook POST carries. `ignored`: user messages Jol does not answer (reactions, system notices). */
export interface CloudUpdate {
  messages: CloudInbound[];
  statuses: CloudStatusReport[];
  ignored: number;
}

/**
 * Turn a Cloud API webhook payload into `Inbound`s and status reports. Pure.
 *
 * - `messageId` is Meta's `wamid`, so Meta's retries of the same webhook are answered once (the
 *   router's dedupe).
 * - Text → text; a reply button or a list row → a choice carrying the row's id (the caller
 *   decodes and validates it); a template's quick-reply button → its text; image, audio (voice
 *   notes as `voice`), video, document, sticker, location, contacts → media with the caption;
 *   `unsupported`/`unknown` (a message type the Cloud API cannot pass on) → media `other`, so the
 *   engine answers politely.
 * - Reactions and `system` notices are ignored: they are not something to answer.
 *
 * @example
 * const { messages, statuses } = toCloudUpdate(JSON.parse(body));
 */
export function toCloudUpdate(payload: CloudWebhook): CloudUpdate {
  const update: CloudUpdate = { messages: [], statuses: [], ignored: 0 };
  if (payload?.object !== "whatsapp_business_account" || !Array.isArray(payload.entry)) return update;
  for (const entry of payload.entry) {
    for (const change of entry?.changes ?? []) {
      const value = change?.value;
      if (change?.field !== "messages" || !value) continue;
      const names = new Map((value.contacts ?? []).flatMap((c) => (c?.wa_id && c.profile?.name ? [[c.wa_id, c.profile.name] as const] : [])));
      for (const message of value.messages ?? []) {
        const converted = toInbound(message, names);
        if (converted) update.messages.push(converted);
        else update.ignored++;
      }
      for (const status of value.statuses ?? []) {
        const report = toStatus(status);
        if (report) update.statuses.push(report);
      }
    }
  }
  return update;
}

function toInbound(message: CloudMessage, names: Map<string, string>): CloudInbound | null {
  const from = message?.from;
  if (typeof from !== "string" || !/^\d{5,20}$/.test(from) || typeof message.id !== "string" || !message.id) return null;
  const input = toInput(message);
  if (!input) return null;
  const inbound: Inbound = { address: { channel: "whatsapp", id: from }, messageId: message.id, input };
  const hint = langHint(from);
  if (hint) inbound.langHint = hint;
  const name = names.get(from);
  if (name) inbound.name = name;
  const seconds = Number(message.timestamp);
  return { inbound, sentAt: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0 };
}

const MEDIA: Record<string, MediaKind> = {
  image: "photo",
  video: "video",
  document: "document",
  sticker: "sticker",
  location: "location",
  contacts: "contact",
  unsupported: "other",
  unknown: "other",
};

function toInput(message: CloudMessage): Input | null {
  switch (message.type) {
    case "text": {
      const text = message.text?.body?.trim();
      return text ? typedInput(text) : null;
    }
    case "interactive": {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return typeof reply?.id === "string" ? { kind: "choice", data: reply.id } : null;
    }
    case "button": {
      const text = message.button?.text?.trim();
      return text ? { kind: "text", text } : null;
    }
    case "audio":
      return media(message.audio?.voice ? "voice" : "audio", message.audio?.id);
    case "reaction":
    case "system":
    case "ephemeral":
      return null;
    default: {
      const kind = MEDIA[message.type ?? ""] ?? "other";
      const body = message.type === "image" ? message.image : message.type === "video" ? message.video : message.type === "document" ? message.document : message.type === "sticker" ? message.sticker : undefined;
      return media(kind, body?.id, body?.caption);
    }
  }
}

function media(kind: MediaKind, fileId?: string, caption?: string): Input {
  const input: Input = { kind: "media", media: kind };
  const text = caption?.trim();
  if (text) input.caption = text;
  if (fileId) input.fileId = fileId;
  return input;
}

const STATUSES = new Set(["sent", "delivered", "read", "failed"]);

function toStatus(status: CloudStatus): CloudStatusReport | null {
  if (typeof status?.id !== "string" || typeof status.recipient_id !== "string") return null;
  const name = STATUSES.has(status.status ?? "") ? (status.status as CloudStatusReport["status"]) : "other";
  const codes = (status.errors ?? []).flatMap((e) => (typeof e?.code === "number" ? [e.code] : []));
  return { messageId: status.id, status: name, recipient: status.recipient_id, codes };
}

/**
 * A first guess at the language from the country code, as on the web transport: Uzbekistan,
 * Kyrgyzstan and Tajikistan are clear; +7 (Kazakhstan and Russia) gives no hint.
 */
function langHint(waId: string): string | undefined {
  if (waId.startsWith("998")) return "uz";
  if (waId.startsWith("996")) return "ky";
  if (waId.startsWith("992")) return "tg";
  return undefined;
}
