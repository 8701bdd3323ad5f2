import { createHash } from "node:crypto";
import type { Store } from "../../store/store.ts";

/**
 * Telegram callback data (what a button sends back) is at most 64 bytes. The engine's choice
 * tokens look like `<flow>/<node>/<choice>` and can be longer, so a button carries either
 *
 * - `c:<token>` — the token itself, when that fits in 64 bytes (the usual case), or
 * - `h:<hash>` — 22 characters of the token's SHA-256, with the token kept in the store under
 *   `tg:cb:<hash>` for as long as a session lives (the hash is deterministic, so writing it again
 *   for the same token is harmless).
 *
 * Anything else that arrives (a forged or garbled press, a button of another bot version) is
 * rejected by `decodeChoice` and answered politely; a well-formed but stale token goes to the
 * engine, which knows which choices the user's current menu offers.
 */
export const MAX_CALLBACK_BYTES = 64;

const INLINE = "c:";
const HASHED = "h:";
const HASH_LENGTH = 22;
const HASH = /^[A-Za-z0-9_-]{22}$/;
// Printable characters only: a token never contains control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A button's callback data, and the store entry to write first when the token was too long. */
export interface EncodedChoice {
  data: string;
  remember?: { key: string; token: string };
}

/** Encode a choice token as callback data that fits 64 bytes. */
export function encodeChoice(token: string): EncodedChoice {
  const inline = INLINE + token;
  if (Buffer.byteLength(inline, "utf8") <= MAX_CALLBACK_BYTES) return { data: inline };
  const hash = createHash("sha256").update(token).digest("base64url").slice(0, HASH_LENGTH);
  return { data: HASHED + hash, remember: { key: storeKey(hash), token } };
}

export type DecodedChoice = { ok: true; token: string } | { ok: false; reason: "garbage" | "expired" };

/** Turn received callback data back into the choice token, or say why it cannot be used. */
export async function decodeChoice(data: string | undefined, store: Store): Promise<DecodedChoice> {
  if (!data || Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES || CONTROL.test(data)) return { ok: false, reason: "garbage" };
  if (data.startsWith(INLINE)) {
    const token = data.slice(INLINE.length);
    return token.length > 0 ? { ok: true, token } : { ok: false, reason: "garbage" };
  }
  if (data.startsWith(HASHED)) {
    const hash = data.slice(HASHED.length);
    if (!HASH.test(hash)) return { ok: false, reason: "garbage" };
    const token = await store.get(storeKey(hash));
    return token ? { ok: true, token } : { ok: false, reason: "expired" };
  }
  return { ok: false, reason: "garbage" };
}

/** Write the store entries long tokens need, before the buttons are sent. */
export async function rememberChoices(store: Store, encoded: EncodedChoice[], ttlMs: number): Promise<void> {
  await Promise.all(encoded.flatMap((e) => (e.remember ? [store.set(e.remember.key, e.remember.token, ttlMs)] : [])));
}

function storeKey(hash: string): string {
  return `tg:cb:${hash}`;
}
