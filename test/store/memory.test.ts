import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory.ts";
import { defineStoreContract } from "./contract.ts";

defineStoreContract("memory", {
  create: async () => new MemoryStore(),
  sameData: async (store) => store,
});

describe("MemoryStore with an injected clock", () => {
  it("expires keys of every type when the clock passes their TTL, without waiting", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    await store.set("s", "v", 1000);
    await store.hset("h", { a: "1" });
    await store.expire("h", 2000);
    expect(await store.ttl("s")).toBe(1000);
    now += 999;
    expect(await store.get("s")).toBe("v");
    expect(await store.ttl("s")).toBe(1);
    now += 1;
    expect(await store.get("s")).toBeNull();
    expect(await store.hgetall("h")).toEqual({ a: "1" });
    now += 1000;
    expect(await store.hgetall("h")).toEqual({});
    expect(await store.keys("")).toEqual([]);
  });

  it("lets a lock be taken again once its TTL has passed", async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(await store.setIfAbsent("lock", "a", 500)).toBe(true);
    expect(await store.setIfAbsent("lock", "b", 500)).toBe(false);
    now = 500;
    expect(await store.setIfAbsent("lock", "b", 500)).toBe(true);
    expect(await store.deleteIfEquals("lock", "a")).toBe(false);
  });

  it("keeps no reference to a buffer it was given or handed out", async () => {
    const store = new MemoryStore();
    const original = Buffer.from([1, 2, 3]);
    await store.setBuffer("b", original);
    original[0] = 9;
    const read = await store.getBuffer("b");
    read![1] = 9;
    expect([...(await store.getBuffer("b"))!]).toEqual([1, 2, 3]);
  });
});
