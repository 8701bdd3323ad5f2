/**
 * Redis Cluster hash slots: which of the 16384 slots a key lives in (CRC16/XMODEM of the key, or
 * of its hash tag: the part between the first `{` and the next `}`, when that part is not empty).
 * A script or transaction may only touch keys of one slot; Jol keeps a user's keys together with
 * the tag `{telegram:42}` (`s:{telegram:42}`, `lock:{telegram:42}`...).
 */

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** The part of `key` that decides its slot: the hash tag if there is one, else the whole key. */
export function hashTag(key: string): string {
  const open = key.indexOf("{");
  if (open === -1) return key;
  const close = key.indexOf("}", open + 1);
  return close <= open + 1 ? key : key.slice(open + 1, close);
}

/**
 * The cluster slot of a key (as `CLUSTER KEYSLOT` answers).
 *
 * @example
 * keySlot("jol:s:{telegram:42}") === keySlot("jol:lock:{telegram:42}"); // true
 */
export function keySlot(key: string | Buffer): number {
  const bytes = Buffer.from(typeof key === "string" ? hashTag(key) : hashTag(key.toString("latin1")), typeof key === "string" ? "utf8" : "latin1");
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc % 16384;
}

/** A script or batch whose keys are in different cluster slots: it would fail on Redis Cluster. */
export class CrossSlotError extends Error {
  constructor(what: string, keys: readonly string[]) {
    const bySlot = new Map<number, string[]>();
    for (const key of keys) bySlot.set(keySlot(key), [...(bySlot.get(keySlot(key)) ?? []), key]);
    const groups = [...bySlot.values()].map((group) => group.join(", ")).join(" | ");
    super(
      `${what} touches keys in ${bySlot.size} Redis Cluster slots (${groups}): on a Cluster this fails with CROSSSLOT. ` +
        "Give every key of one script or batch the same hash tag, like s:{telegram:42} and lock:{telegram:42}.",
    );
    this.name = "CrossSlotError";
  }
}

/** Throw `CrossSlotError` unless every key is in one slot. */
export function assertOneSlot(what: string, keys: readonly string[]): void {
  if (keys.length < 2) return;
  const first = keySlot(keys[0]!);
  if (keys.some((key) => keySlot(key) !== first)) throw new CrossSlotError(what, keys);
}
