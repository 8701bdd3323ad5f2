import { describe, expect, it } from "vitest";
import { assertOneSlot, CrossSlotError, hashTag, keySlot } from "../../src/store/slot.ts";

describe("keySlot", () => {
  it("gives the slots Redis Cluster gives (CLUSTER KEYSLOT)", () => {
    expect(keySlot("foo")).toBe(12182);
    expect(keySlot("123456789")).toBe(12739);
    expect(keySlot("")).toBe(0);
    expect(keySlot(Buffer.from("foo"))).toBe(12182);
  });

  it("hashes only the hash tag when there is a non-empty one", () => {
    expect(hashTag("jol:s:{telegram:42}")).toBe("telegram:42");
    expect(hashTag("a{}b")).toBe("a{}b");
    expect(hashTag("a{b}{c}")).toBe("b");
    expect(keySlot("{user1000}.following")).toBe(keySlot("{user1000}.followers"));
    expect(keySlot("jol:s:{telegram:42}")).toBe(keySlot("telegram:42"));
  });
});

describe("assertOneSlot", () => {
  it("passes keys of one tag and names the keys of each slot otherwise", () => {
    expect(() => assertOneSlot("batch", ["s:{u}", "lock:{u}"])).not.toThrow();
    expect(() => assertOneSlot("batch", ["only-one"])).not.toThrow();
    expect(() => assertOneSlot("batch", ["s:{u}", "lock:{u}", "s:{v}"])).toThrow(CrossSlotError);
    expect(() => assertOneSlot("batch", ["s:{u}", "lock:{u}", "s:{v}"])).toThrow("batch touches keys in 2 Redis Cluster slots (s:{u}, lock:{u} | s:{v})");
  });
});
