import { EventEmitter } from "node:events";
import type { WaChatLike, WaMessageLike, WhatsAppClientLike, WhatsAppEvents } from "../../../src/channels/whatsapp/client.ts";

/**
 * A stand-in for whatsapp-web.js' `Client` at the wire: an EventEmitter with the surface the
 * adapter uses. Tests emit what WhatsApp Web would (`qr`, `ready`, `message`, `disconnected`)
 * and read what the bot sent from `sent`.
 */
export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClientLike {
  readonly sent: Array<{ chatId: string; text: string }> = [];
  readonly typing: string[] = [];
  initializeCalls = 0;
  destroyCalls = 0;
  /** Make the next `initialize()` calls fail (a browser that does not start). */
  failInitialize = 0;
  /** Make sends fail with this message. */
  failSend: string | undefined;
  pairingRequests: string[] = [];
  info: { wid: { _serialized: string } } | undefined;

  override on<E extends keyof WhatsAppEvents>(event: E, listener: (...args: WhatsAppEvents[E]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  async initialize(): Promise<void> {
    this.initializeCalls++;
    if (this.failInitialize > 0) {
      this.failInitialize--;
      throw new Error("Failed to launch the browser process");
    }
  }

  async destroy(): Promise<void> {
    this.destroyCalls++;
  }

  async sendMessage(chatId: string, content: string): Promise<unknown> {
    if (this.failSend) throw new Error(this.failSend);
    this.sent.push({ chatId, text: content });
    return { id: { _serialized: `sent-${this.sent.length}` } };
  }

  async getChatById(chatId: string): Promise<WaChatLike> {
    return {
      sendStateTyping: async () => {
        this.typing.push(chatId);
      },
    };
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingRequests.push(phoneNumber);
    return "ABCD1234";
  }

  /** WhatsApp Web reports the session ready. */
  becomeReady(): void {
    this.info = { wid: { _serialized: "77000000000@c.us" } };
    this.emit("ready");
  }

  /** A person writes to the bot. */
  receive(message: Partial<WaMessageLike> & { from: string }): void {
    this.emit("message", waMessage(message));
  }

  /** Texts sent to one chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => s.text);
  }
}

let counter = 0;

/** A message as whatsapp-web.js would hand it over: private text from a person by default. */
export function waMessage(fields: Partial<WaMessageLike> & { from: string }): WaMessageLike {
  counter++;
  return {
    id: { _serialized: `false_${fields.from}_3EB0${counter.toString(16).padStart(8, "0")}` },
    fromMe: false,
    type: "chat",
    body: "",
    hasMedia: false,
    isStatus: false,
    broadcast: false,
    timestamp: 1_764_000_000 + counter,
    ...fields,
  };
}

/** A timer that never really waits: sleeping moves its clock forward and records the pause. */
export class FakeTimer {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
