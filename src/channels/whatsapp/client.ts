/**
 * The part of whatsapp-web.js' `Client` that the WhatsApp channel uses, as a narrow interface.
 *
 * Why: the real client drives a Chromium and a phone; the channel's tests inject an
 * EventEmitter that implements just this surface, so every behaviour of the adapter (pairing,
 * conversation, pacing, reconnects) is tested without a browser. Keep it as small as the adapter
 * needs: a method added here is a method every fake must implement.
 *
 * @example
 * class FakeClient extends EventEmitter implements WhatsAppClientLike { ... }
 * const channel = createWhatsAppChannel(app, { client: new FakeClient() });
 */

/** whatsapp-web.js' id of a message (`true_77001234567@c.us_3EB0...`). */
export interface WaMessageId {
  _serialized: string;
}

/**
 * The fields of a whatsapp-web.js `Message` that become an `Inbound`. The real `Message` has
 * many more; these are the ones `toInbound` reads.
 */
export interface WaMessageLike {
  id: WaMessageId;
  /** The chat it came from: `<number>@c.us` or `<lid>@lid` (private), `<id>@g.us` (group), `status@broadcast`. */
  from: string;
  fromMe: boolean;
  /** `chat`, `ptt`, `audio`, `image`, `video`, `document`, `sticker`, `location`, `vcard`, ... */
  type: string;
  /** Text, or the caption of a photo/video/document. */
  body: string;
  hasMedia?: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  /** Set in groups: the member who wrote. */
  author?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
  /** The raw data; `notifyName` is the sender's display name. */
  _data?: { notifyName?: string };
}

/** A chat, for the typing indicator. */
export interface WaChatLike {
  sendStateTyping(): Promise<unknown>;
  clearState?(): Promise<unknown>;
}

/** The events the adapter listens to, with their arguments. */
export interface WhatsAppEvents {
  qr: [qr: string];
  code: [code: string];
  authenticated: [];
  auth_failure: [message: string];
  ready: [];
  disconnected: [reason: string];
  message: [message: WaMessageLike];
  message_edit: [message: WaMessageLike, newBody: string, prevBody: string];
}

export interface WhatsAppClientLike {
  on<E extends keyof WhatsAppEvents>(event: E, listener: (...args: WhatsAppEvents[E]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  /** Launch the browser, open WhatsApp Web, restore or pair the session. */
  initialize(): Promise<void>;
  /** Close the browser. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string, options?: { linkPreview?: boolean }): Promise<unknown>;
  getChatById(chatId: string): Promise<WaChatLike>;
  /** Ask WhatsApp for an 8-character code to type on the phone instead of scanning a QR. */
  requestPairingCode(phoneNumber: string, showNotification?: boolean): Promise<string>;
  /** Set once ready: our own WhatsApp id. */
  info?: { wid?: WaMessageId } | undefined;
}
