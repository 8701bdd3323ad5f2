import { createHash } from "node:crypto";
import type { Address } from "../../core/address.ts";
import type { Outbound } from "../../core/messages.ts";
import { userKey } from "../../core/address.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import { outboxKey, PENDING_KEY } from "../../core/keys.ts";
import type { Store } from "../../store/store.ts";

/** WhatsApp's customer-service window: free-form messages only this long after the user's last message. */
export const WINDOW_MS = 24 * 3_600_000;
/** The window is treated as closing this much earlier, so a message is not sent in its last seconds. */
const WINDOW_MARGIN_MS = 60_000;

/**
 * Per-user state of the Cloud transport in the store, every key with the user's hash tag:
 *
 * - `wac:win:{u}` — exists while the 24-hour window is open (its TTL: the rest of the window from
 *   the user's last message, by Meta's timestamp).
 * - `wac:tpl:{u}` — a template was sent since the user last wrote: no second one (they were told).
 * - `wac:held:{u}` — messages waiting for the window to open again (JSON array, each entry once:
 *   its id is a hash of the messages, so a retried send does not hold it twice).
 *
 * When the user writes, the window opens and the held messages move into the user's outbox in
 * one script, before the new message is stored: they go out before the answer to it.
 */
export class CloudWindow {
  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly now: () => number,
    private readonly heldTtlMs: number,
  ) {}

  async isOpen(address: Address): Promise<boolean> {
    return (await this.store.get(windowKey(userKey(address)))) !== null;
  }

  /** The user wrote at `sentAt`: open the window for the rest of the 24 hours (if any is left). */
  async opened(address: Address, sentAt: number): Promise<void> {
    const user = userKey(address);
    const left = (sentAt > 0 ? sentAt : this.now()) + WINDOW_MS - WINDOW_MARGIN_MS - this.now();
    if (left <= 0) return;
    await this.store.batch([
      { op: "set", key: windowKey(user), value: String(sentAt), ttlMs: left },
      { op: "delete", key: templateKey(user) },
    ]);
  }

  /** Meta said the window is closed (131047). */
  async closed(address: Address): Promise<void> {
    await this.store.delete(windowKey(userKey(address)));
  }

  /** Keep messages until the window opens; true when they were not held already. */
  async hold(address: Address, messages: Outbound[]): Promise<boolean> {
    const user = userKey(address);
    const id = createHash("sha256").update(JSON.stringify(messages)).digest("base64url").slice(0, 16);
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await this.store.get(heldKey(user));
      const held = parseHeld(raw);
      if (held.some((h) => h.id === id)) return false;
      held.push({ id, messages, at: this.now() });
      if (await this.store.compareAndSet(heldKey(user), raw, JSON.stringify(held), this.heldTtlMs)) return true;
    }
    throw new Error("the held messages kept changing; try again");
  }

  /** Messages held for the user (tests, the templates command's counts). */
  async held(address: Address): Promise<Outbound[][]> {
    return parseHeld(await this.store.get(heldKey(userKey(address)))).map((h) => h.messages);
  }

  /** Mark that a template went out; false when one was sent already since the user last wrote. */
  async templateOnce(address: Address): Promise<boolean> {
    return this.store.setIfAbsent(templateKey(userKey(address)), "1", WINDOW_MS);
  }

  async templateFailed(address: Address): Promise<void> {
    await this.store.delete(templateKey(userKey(address)));
  }

  /** Move the held messages into the user's outbox (atomically: guarded by the value read). */
  async release(address: Address): Promise<number> {
    const user = userKey(address);
    const raw = await this.store.get(heldKey(user));
    if (raw === null) return 0;
    const held = parseHeld(raw);
    const results = await this.store.batch(
      [
        { op: "ifEquals", key: heldKey(user), value: raw, skip: held.length + 1 },
        ...held.map((h) => ({ op: "rpush" as const, key: outboxKey(user), value: this.outbox.entry(address, h.messages).raw })),
        { op: "delete", key: heldKey(user) },
      ],
      { index: { key: PENDING_KEY, member: user } },
    );
    if (results[0] !== true) return 0; // another worker released them
    this.outbox.kick(user);
    return held.length;
  }
}

interface Held {
  id: string;
  messages: Outbound[];
  at: number;
}

function parseHeld(raw: string | null): Held[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((h): h is Held => typeof h?.id === "string" && Array.isArray(h.messages)) : [];
  } catch {
    return [];
  }
}

const windowKey = (user: string) => `wac:win:{${user}}`;
const templateKey = (user: string) => `wac:tpl:{${user}}`;
const heldKey = (user: string) => `wac:held:{${user}}`;
