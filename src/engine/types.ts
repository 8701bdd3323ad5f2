/**
 * The shapes that cross the engine's boundary: what a channel hands in (`Inbound`), what the
 * engine hands back (`Effect`s, among them `send` with an `Outbound`), and the languages.
 *
 * Channels turn platform updates into `Inbound` and render `Outbound`; the engine never sees a
 * platform SDK. Everything here is plain JSON so that transcripts and sessions can be stored.
 */

/** The six languages Jol speaks. `uz` is Uzbek in Latin script. */
export const LANGS = ["ru", "kk", "uz", "ky", "tg", "en"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Fluent variables every message may use: the settings' contacts and retention figures
 * (`globalArgs` in src/app/create.ts) and `$channel`, which the engine adds to every text.
 * `jol flows check` reports any other variable a text uses that its other languages do not.
 */
export const GLOBAL_ARG_NAMES = ["hotlinePhone", "hotlineHours", "emergency", "sessionDays", "retentionDays", "channel"] as const;
export type GlobalArgName = (typeof GLOBAL_ARG_NAMES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Which messenger a user is on. */
export type ChannelName = "telegram" | "whatsapp" | "console";

/** Where a user is: the channel and that channel's id for the chat (Telegram chat id, WhatsApp wid, console user). */
export interface Address {
  channel: ChannelName;
  id: string;
}

/** A stable string for an address, used as the key of a user's session: `telegram:12345`. */
export function userKey(address: Address): string {
  return `${address.channel}:${address.id}`;
}

/** Kinds of media a channel may receive. The engine answers politely when a node cannot use them. */
export type MediaKind =
  | "sticker"
  | "voice"
  | "audio"
  | "photo"
  | "video"
  | "document"
  | "location"
  | "contact"
  | "other";

/** What the user did, normalised across platforms. */
export type Input =
  /** Typed text. "2", "2." or a choice's label still select a choice at a menu. */
  | { kind: "text"; text: string }
  /** A pressed button: `data` is the choice token the engine put into `Outbound.choices[].id`. */
  | { kind: "choice"; data: string }
  /** A slash command without the slash, lower case (`start`, `menu`, ...); `arg` is the rest (deep-link payload). */
  | { kind: "command"; name: string; arg?: string }
  /** Something that is not text. `caption` is the text that came with it, if any. */
  | { kind: "media"; media: MediaKind; caption?: string; fileId?: string }
  /** The user edited an earlier message; the engine explains it cannot follow edits. */
  | { kind: "edited"; text: string };

/** One update from a user, as a channel hands it to the router. */
export interface Inbound {
  address: Address;
  /** The platform's id for this message or update; the same id twice is handled once. */
  messageId: string;
  input: Input;
  /** The platform's idea of the user's language (Telegram `language_code`), used on first contact. */
  langHint?: string;
  /** Display name, for staff only (never logged). */
  name?: string;
}

/** One choice under a message: `id` is an opaque token to send back as `Input.choice`. */
export interface Choice {
  id: string;
  label: string;
}

/** One message from the bot, already rendered in the user's language. */
export interface Outbound {
  text: string;
  choices?: Choice[];
  /**
   * The Fluent message ids this text was built from, in order: for transcripts and tests,
   * never shown to users.
   */
  keys?: string[];
  /** Media to relay as such (consultant photos, documents); channels that cannot, send the text only. */
  media?: { kind: MediaKind; fileId?: string; url?: string };
  /**
   * Who wrote the text when it is not the bot, as a label in the user's language ("Консультант"
   * for a consultant's own words). A channel where every message looks the same (the console)
   * shows it before the text.
   */
  from?: string;
}

/**
 * What a step asks the host to do. Effects are data: the engine never performs I/O.
 * Domain modules add their own effect types (`x-` and a name of theirs) and register a handler
 * for them through their plugin.
 */
export type Effect =
  | { type: "send"; message: Outbound }
  /** Delete everything stored about the user (`/forget`). */
  | { type: "forget" }
  /** `/stop`: the user wants nothing sent on the bot's own initiative; modules stop what they send. */
  | { type: "stop" }
  /** Any effect a domain module defines; `type` names its handler. */
  | { type: `x-${string}`; [key: string]: unknown };

/** Injected time, so that steps are deterministic in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
