/**
 * The shapes that cross every channel: what a channel hands in (`Inbound`) and what the bot
 * sends out (`Outbound`). Plain JSON, so transcripts, inboxes and outboxes can be stored.
 */
import type { Address } from "./address.ts";

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
  /**
   * What the message is for, when a channel treats it differently: an alert to subscribers goes
   * out as the alert template on WhatsApp's Cloud API outside the 24-hour window.
   */
  purpose?: "alert";
}
