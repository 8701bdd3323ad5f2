import { afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../../src/store/store.ts";

/** How the contract suite gets stores of one implementation. */
export interface StoreFactory {
  /** A fresh, empty store isolated from every other store this factory made. */
  create(): Promise<Store>;
  /**
   * A second handle on the same data (another connection for Redis; the same object for memory),
   * used to race callers that do not share a client.
   */
  sameData(store: Store): Promise<Store>;
}

/** Short enough to wait for, long enough that a busy machine does not expire it before we look. */
const SHORT_TTL = 60;
const LONG_TTL = 60_000;

/** Wait (polling, never asserting elapsed time) until `check` passes. */
async function eventually(check: () => Promise<void>): Promise<void> {
  await vi.waitFor(check, { timeout: 5000, interval: 20 });
}

/**
 * The behaviour every `Store` must have. Run by `memory.test.ts` and `redis.test.ts`, so the
 * demo store cannot drift from the production one.
 */
export function defineStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    const opened: Store[] = [];
    const open = async (): Promise<Store> => {
      const store = await factory.create();
      opened.push(store);
      return store;
    };
    const again = async (store: Store): Promise<Store> => {
      const other = await factory.sameData(store);
      if (other !== store) opened.push(other);
      return other;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe("strings", () => {
      it("gets what was set, null for a missing key, and overwrites", async () => {
        const store = await open();
        expect(await store.get("missing")).toBeNull();
        await store.set("k", "first");
        expect(await store.get("k")).toBe("first");
        await store.set("k", "Сәлем, dunyo 👋");
        expect(await store.get("k")).toBe("Сәлем, dunyo 👋");
        await store.set("empty", "");
        expect(await store.get("empty")).toBe("");
      });

      it("set with a TTL expires; set without one removes an earlier TTL", async () => {
        const store = await open();
        await store.set("k", "v", LONG_TTL);
        const ttl = await store.ttl("k");
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(LONG_TTL);
        await store.set("k", "v2");
        expect(await store.ttl("k")).toBe(-1);
      });

      it("set replaces a key of another type", async () => {
        const store = await open();
        await store.sadd("k", "a");
        await store.set("k", "now a string");
        expect(await store.get("k")).toBe("now a string");
      });

      it("rejects a TTL that is zero, negative or not a number", async () => {
        const store = await open();
        for (const bad of [0, -5, Number.NaN, Infinity]) {
          await expect(store.set("k", "v", bad)).rejects.toThrow(/ttlMs must be a positive number/);
        }
        expect(await store.get("k")).toBeNull();
      });

      it("refuses string commands on a key of another type", async () => {
        const store = await open();
        await store.hset("h", { a: "1" });
        await expect(store.get("h")).rejects.toThrow(/WRONGTYPE/);
      });
    });

    describe("setIfAbsent", () => {
      it("sets only when the key does not exist", async () => {
        const store = await open();
        expect(await store.setIfAbsent("k", "one")).toBe(true);
        expect(await store.setIfAbsent("k", "two")).toBe(false);
        expect(await store.get("k")).toBe("one");
        await store.rpush("list", "x");
        expect(await store.setIfAbsent("list", "y")).toBe(false);
      });

      it("applies the TTL and frees the key once it expires", async () => {
        const store = await open();
        expect(await store.setIfAbsent("k", "one", SHORT_TTL)).toBe(true);
        expect(await store.ttl("k")).toBeGreaterThan(-1);
        await eventually(async () => expect(await store.setIfAbsent("k", "two", LONG_TTL)).toBe(true));
        expect(await store.get("k")).toBe("two");
      });

      it("lets exactly one of 50 concurrent callers win, across connections", async () => {
        const store = await open();
        const other = await again(store);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? other : store).setIfAbsent("seen:update", `worker-${i}`, LONG_TTL)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get("seen:update")).toBe(`worker-${results.indexOf(true)}`);
      });
    });

    describe("batch", () => {
      it("runs the operations in order and answers each (keys of one hash tag)", async () => {
        const store = await open();
        await store.set("held:{u}", "token");
        const results = await store.batch([
          { op: "get", key: "missing:{u}" },
          { op: "setIfAbsent", key: "new:{u}", value: "a", ttlMs: LONG_TTL },
          { op: "setIfAbsent", key: "new:{u}", value: "b" },
          { op: "get", key: "new:{u}" },
          { op: "set", key: "plain:{u}", value: "" },
          { op: "get", key: "plain:{u}" },
          { op: "deleteIfEquals", key: "held:{u}", value: "not-ours" },
          { op: "deleteIfEquals", key: "held:{u}", value: "token" },
          { op: "delete", key: "plain:{u}" },
          { op: "get", key: "plain:{u}" },
        ]);
        expect(results).toEqual([null, true, false, "a", true, "", false, true, true, null]);
        expect(await store.ttl("new:{u}")).toBeGreaterThan(0);
        expect(await store.get("held:{u}")).toBeNull();
        expect(await store.batch([])).toEqual([]);
      });

      it("keeps values with any characters, and TTLs", async () => {
        const store = await open();
        const value = 'n{"ключ": [1, null]}\n\u0000v';
        await store.batch([{ op: "set", key: "odd", value, ttlMs: 100 }]);
        expect(await store.batch([{ op: "get", key: "odd" }])).toEqual([value]);
        await eventually(async () => expect(await store.get("odd")).toBeNull());
      });

      it("is atomic: of 50 concurrent batches taking one lock, exactly one wins", async () => {
        const store = await open();
        const other = await again(store);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            (i % 2 ? other : store).batch([
              { op: "setIfAbsent", key: "lock:{u}", value: `w${i}`, ttlMs: LONG_TTL },
              { op: "get", key: "lock:{u}" },
              { op: "get", key: "s:{u}" },
            ]),
          ),
        );
        const winners = results.filter((r) => r[0] === true);
        expect(winners).toHaveLength(1);
        for (const r of results) expect(r[1]).toBe(winners[0]![1]);
      });

      it("has sorted-set, hash and list steps for the message path", async () => {
        const store = await open();
        const results = await store.batch([
          { op: "zadd", key: "in:{u}", score: 20, member: "b" },
          { op: "zadd", key: "in:{u}", score: 10, member: "a" },
          { op: "zadd", key: "in:{u}", score: 5, member: "a" }, // NX: the score stays 10
          { op: "zfirst", key: "in:{u}" },
          { op: "zrem", key: "in:{u}", member: "a" },
          { op: "zrem", key: "in:{u}", member: "a" },
          { op: "zfirst", key: "in:{u}" },
          { op: "hset", key: "h:{u}", field: "f", value: "1" },
          { op: "hset", key: "h:{u}", field: "f", value: "2" },
          { op: "hdel", key: "h:{u}", field: "f" },
          { op: "hdel", key: "h:{u}", field: "f" },
          { op: "lfirst", key: "l:{u}" },
          { op: "rpush", key: "l:{u}", value: "x" },
          { op: "rpush", key: "l:{u}", value: "y" },
          { op: "lfirst", key: "l:{u}" },
          { op: "setToFirst", key: "mark:{u}", from: "l:{u}", ttlMs: LONG_TTL },
          { op: "setToFirst", key: "mark2:{u}", from: "nothing:{u}" },
          { op: "lpopIfEquals", key: "l:{u}", value: "y" },
          { op: "lpopIfEquals", key: "l:{u}", value: "x" },
          { op: "lfirst", key: "l:{u}" },
        ]);
        expect(results).toEqual([true, true, false, "a", true, false, "b", true, false, true, false, null, true, true, "x", true, false, false, true, "y"]);
        expect(await store.zscore("in:{u}", "b")).toBe(20);
        expect(await store.get("mark:{u}")).toBe("x");
        expect(await store.get("mark2:{u}")).toBeNull();
        expect(await store.lrange("l:{u}", 0, -1)).toEqual(["y"]);
        expect(await store.keys("h:{u}")).toEqual([]); // an emptied hash is gone
      });

      it("removes a list head or a value by its beginning when asked (prefix)", async () => {
        const store = await open();
        await store.set("mark:{u}", '{"id":"e1","x":1}');
        const results = await store.batch([
          { op: "rpush", key: "l:{u}", value: '{"id":"e1","x":1}' },
          { op: "rpush", key: "l:{u}", value: '{"id":"e2","x":2}' },
          { op: "lpopIfEquals", key: "l:{u}", value: '{"id":"e2"', prefix: true }, // not the head
          { op: "lpopIfEquals", key: "l:{u}", value: '{"id":"e1"' }, // not the whole value
          { op: "deleteIfEquals", key: "mark:{u}", value: '{"id":"e2"', prefix: true },
          { op: "deleteIfEquals", key: "nothing:{u}", value: '{"id":"e1"', prefix: true },
          { op: "lpopIfEquals", key: "l:{u}", value: '{"id":"e1"', prefix: true },
          { op: "deleteIfEquals", key: "mark:{u}", value: '{"id":"e1"', prefix: true },
        ]);
        expect(results).toEqual([true, true, false, false, false, false, true, true]);
        expect(await store.lrange("l:{u}", 0, -1)).toEqual(['{"id":"e2","x":2}']);
        expect(await store.get("mark:{u}")).toBeNull();
      });

      it("adds to an index in another slot with a batch, whatever its guards say", async () => {
        const store = await open();
        const results = await store.batch(
          [
            { op: "ifAbsent", key: "a:{u1}" },
            { op: "set", key: "a:{u1}", value: "1" },
            { op: "get", key: "a:{u1}" },
          ],
          { index: { key: "pending", member: "u1" } },
        );
        expect(results).toEqual([true, true, "1"]);
        // The guard fails now: nothing of the batch, the index still gets its member.
        await store.set("a:{u2}", "taken");
        expect(await store.batch([{ op: "ifEquals", key: "a:{u2}", value: "taken" }, { op: "ifAbsent", key: "a:{u2}" }, { op: "set", key: "b:{u2}", value: "x" }], { index: { key: "pending", member: "u2" } })).toEqual([true, false, null]);
        expect((await store.smembers("pending")).sort()).toEqual(["u1", "u2"]);
        expect(await store.get("b:{u2}")).toBeNull();
      });

      it("keeps the arrival frontier of a gapless numbering", async () => {
        const store = await open();
        const key = "seq:{tg}";
        // Unknown until something is skipped to: arrivals are kept meanwhile.
        expect(await store.frontier(key, { arrived: 11 }, LONG_TTL)).toBeNull();
        expect(await store.frontier(key, { arrived: 12 }, LONG_TTL)).toBeNull();
        // Waiting for 10 and below no longer: 11 and 12 came, so the frontier is 12.
        expect(await store.frontier(key, { skipTo: 10 }, LONG_TTL)).toBe(12);
        // 14 before 13: the frontier waits at 12, then moves over both.
        expect(await store.frontier(key, { arrived: 14 }, LONG_TTL)).toBe(12);
        expect(await store.frontier(key, {}, LONG_TTL)).toBe(12);
        expect(await store.frontier(key, { arrived: 13 }, LONG_TTL)).toBe(14);
        // A late or repeated number changes nothing; skipping backwards changes nothing.
        expect(await store.frontier(key, { arrived: 9 }, LONG_TTL)).toBe(14);
        expect(await store.frontier(key, { arrived: 13 }, LONG_TTL)).toBe(14);
        expect(await store.frontier(key, { skipTo: 3 }, LONG_TTL)).toBe(14);
        // A gap: 16 waits until 15 is skipped.
        expect(await store.frontier(key, { arrived: 16 }, LONG_TTL)).toBe(14);
        expect(await store.frontier(key, { skipTo: 15 }, LONG_TTL)).toBe(16);
        expect(await store.ttl(key)).toBeGreaterThan(0);
      });

      it("skips what a failed guard covers, and nothing else", async () => {
        const store = await open();
        await store.set("lock:{u}", "mine");
        await store.hset("h:{u}", { taken: "1" });
        const results = await store.batch([
          { op: "ifEquals", key: "lock:{u}", value: "theirs", skip: 1 },
          { op: "set", key: "skipped:{u}", value: "1" },
          { op: "ifAbsent", key: "h:{u}", field: "free" },
          { op: "ifAbsent", key: "h:{u}", field: "taken", skip: 2 },
          { op: "set", key: "skipped2:{u}", value: "1" },
          { op: "get", key: "lock:{u}" },
          { op: "ifEquals", key: "lock:{u}", value: "mine" },
          { op: "ifPresent", key: "lock:{u}", skip: 1 },
          { op: "get", key: "h:{u}x" },
          { op: "ifPresent", key: "none:{u}", skip: 1 },
          { op: "set", key: "skipped5:{u}", value: "1" },
          { op: "ifAbsent", key: "lock:{u}" },
          { op: "set", key: "skipped3:{u}", value: "1" },
          { op: "rpush", key: "skipped4:{u}", value: "1" },
        ]);
        expect(results).toEqual([false, null, true, false, null, null, true, true, null, false, null, false, null, null]);
        expect(await store.keys("skipped")).toEqual([]);
      });
    });

    describe("compareAndSet", () => {
      it("with expected null creates a missing key and refuses an existing one", async () => {
        const store = await open();
        expect(await store.compareAndSet("k", null, "created")).toBe(true);
        expect(await store.get("k")).toBe("created");
        expect(await store.compareAndSet("k", null, "again")).toBe(false);
        expect(await store.get("k")).toBe("created");
      });

      it("replaces only the expected value", async () => {
        const store = await open();
        await store.set("k", "v1");
        expect(await store.compareAndSet("k", "other", "v2")).toBe(false);
        expect(await store.get("k")).toBe("v1");
        expect(await store.compareAndSet("k", "v1", "v2")).toBe(true);
        expect(await store.get("k")).toBe("v2");
        expect(await store.compareAndSet("missing", "v1", "v2")).toBe(false);
        expect(await store.get("missing")).toBeNull();
      });

      it("sets the TTL it is given, and none without one", async () => {
        const store = await open();
        await store.compareAndSet("k", null, "v1", LONG_TTL);
        expect(await store.ttl("k")).toBeGreaterThan(0);
        await store.compareAndSet("k", "v1", "v2");
        expect(await store.ttl("k")).toBe(-1);
        await store.compareAndSet("k", "v2", "v3", SHORT_TTL);
        await eventually(async () => expect(await store.get("k")).toBeNull());
      });

      it("lets exactly one of 50 concurrent callers win, across connections", async () => {
        const store = await open();
        const other = await again(store);
        await store.set("version", "0");
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? other : store).compareAndSet("version", "0", `v-${i}`)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get("version")).toBe(`v-${results.indexOf(true)}`);
      });

      it("serialises read-modify-write: 20 racing incrementers lose no update", async () => {
        const store = await open();
        const other = await again(store);
        await store.set("n", "0");
        const bump = async (s: Store): Promise<void> => {
          for (;;) {
            const current = await s.get("n");
            if (await s.compareAndSet("n", current, String(Number(current) + 1))) return;
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? other : store)));
        expect(await store.get("n")).toBe("20");
      });
    });

    describe("deleteIfEquals", () => {
      it("deletes only when the value matches (a lock released by its owner only)", async () => {
        const store = await open();
        expect(await store.setIfAbsent("lock", "owner-a", LONG_TTL)).toBe(true);
        expect(await store.deleteIfEquals("lock", "owner-b")).toBe(false);
        expect(await store.get("lock")).toBe("owner-a");
        expect(await store.deleteIfEquals("lock", "owner-a")).toBe(true);
        expect(await store.get("lock")).toBeNull();
        expect(await store.deleteIfEquals("lock", "owner-a")).toBe(false);
      });

      it("lets exactly one of 50 concurrent releasers succeed", async () => {
        const store = await open();
        const other = await again(store);
        await store.set("lock", "token");
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? other : store).deleteIfEquals("lock", "token")));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe("delete, expire, ttl", () => {
      it("delete removes keys of any type and counts those that existed", async () => {
        const store = await open();
        await store.set("a", "1");
        await store.hset("b", { f: "v" });
        await store.rpush("c", "x");
        expect(await store.delete("a", "b", "c", "nothing")).toBe(3);
        expect(await store.get("a")).toBeNull();
        expect(await store.hgetall("b")).toEqual({});
        expect(await store.llen("c")).toBe(0);
        expect(await store.delete()).toBe(0);
      });

      it("ttl is -2 for a missing key, -1 without expiry, else the milliseconds left", async () => {
        const store = await open();
        expect(await store.ttl("missing")).toBe(-2);
        await store.set("k", "v");
        expect(await store.ttl("k")).toBe(-1);
        expect(await store.expire("k", LONG_TTL)).toBe(true);
        const left = await store.ttl("k");
        expect(left).toBeGreaterThan(LONG_TTL / 2);
        expect(left).toBeLessThanOrEqual(LONG_TTL);
      });

      it("expire is false for a missing key, and without a TTL makes the key permanent", async () => {
        const store = await open();
        expect(await store.expire("missing", LONG_TTL)).toBe(false);
        expect(await store.expire("missing")).toBe(false);
        await store.set("k", "v", LONG_TTL);
        expect(await store.expire("k")).toBe(true);
        expect(await store.ttl("k")).toBe(-1);
        expect(await store.expire("k")).toBe(true);
      });

      it.each([
        ["string", (s: Store) => s.set("k", "v")],
        ["hash", (s: Store) => s.hset("k", { f: "v" })],
        ["set", (s: Store) => s.sadd("k", "m")],
        ["sorted set", (s: Store) => s.zadd("k", 1, "m")],
        ["list", (s: Store) => s.rpush("k", "v")],
        ["counter", (s: Store) => s.incr("k")],
        ["buffer", (s: Store) => s.setBuffer("k", Buffer.from([1, 2, 3]))],
      ])("a %s expires after its TTL and disappears from keys()", async (_type, fill) => {
        const store = await open();
        await fill(store);
        expect(await store.keys("")).toEqual(["k"]);
        expect(await store.expire("k", SHORT_TTL)).toBe(true);
        await eventually(async () => expect(await store.ttl("k")).toBe(-2));
        expect(await store.keys("")).toEqual([]);
        expect(await store.delete("k")).toBe(0);
      });

      it("writes to a live collection keep its TTL", async () => {
        const store = await open();
        await store.rpush("q", "a");
        await store.expire("q", LONG_TTL);
        await store.rpush("q", "b");
        await store.hset("h", { a: "1" });
        await store.expire("h", LONG_TTL);
        await store.hset("h", { b: "2" });
        expect(await store.ttl("q")).toBeGreaterThan(0);
        expect(await store.ttl("h")).toBeGreaterThan(0);
      });
    });

    describe("incr", () => {
      it("starts at 0, adds any whole step and keeps the TTL", async () => {
        const store = await open();
        expect(await store.incr("n")).toBe(1);
        expect(await store.incr("n", 10)).toBe(11);
        expect(await store.incr("n", -12)).toBe(-1);
        expect(await store.get("n")).toBe("-1");
        await store.expire("n", LONG_TTL);
        await store.incr("n");
        expect(await store.ttl("n")).toBeGreaterThan(0);
      });

      it("counts every one of 100 concurrent increments", async () => {
        const store = await open();
        const other = await again(store);
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? other : store).incr("hits")));
        expect(await store.get("hits")).toBe("100");
        expect(new Set(results).size).toBe(100);
      });

      it("refuses a value that is not a whole number, and a fractional step", async () => {
        const store = await open();
        await store.set("n", "3.5");
        await expect(store.incr("n")).rejects.toThrow(/not an integer/);
        await expect(store.incr("m", 1.5)).rejects.toThrow(/whole number/);
      });
    });

    describe("buffers", () => {
      it("round-trips every byte value unchanged", async () => {
        const store = await open();
        const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
        await store.setBuffer("bin", bytes);
        const back = await store.getBuffer("bin");
        expect(back).toBeInstanceOf(Buffer);
        expect(back?.equals(bytes)).toBe(true);
        expect(await store.getBuffer("missing")).toBeNull();
      });

      it("reads text written as a string as UTF-8 bytes, and back", async () => {
        const store = await open();
        await store.set("text", "Жол");
        expect((await store.getBuffer("text"))?.toString("utf8")).toBe("Жол");
        await store.setBuffer("bytes", Buffer.from("yo'l", "utf8"));
        expect(await store.get("bytes")).toBe("yo'l");
      });

      it("setBuffer with a TTL expires", async () => {
        const store = await open();
        await store.setBuffer("bin", Buffer.from([0, 255]), SHORT_TTL);
        expect(await store.ttl("bin")).not.toBe(-1);
        await eventually(async () => expect(await store.getBuffer("bin")).toBeNull());
      });
    });

    describe("hashes", () => {
      it("sets, reads, lists and deletes fields; an emptied hash is gone", async () => {
        const store = await open();
        expect(await store.hgetall("h")).toEqual({});
        expect(await store.hget("h", "a")).toBeNull();
        await store.hset("h", { a: "1", b: "2" });
        await store.hset("h", { b: "two", c: "3" });
        await store.hset("h", {});
        expect(await store.hget("h", "b")).toBe("two");
        expect(await store.hgetall("h")).toEqual({ a: "1", b: "two", c: "3" });
        expect(await store.hdel("h", "a", "nope")).toBe(1);
        expect(await store.hdel("h")).toBe(0);
        expect(await store.hdel("h", "b", "c")).toBe(2);
        expect(await store.ttl("h")).toBe(-2);
      });
    });

    describe("sets", () => {
      it("adds and removes members, counting real changes; an emptied set is gone", async () => {
        const store = await open();
        expect(await store.sadd("s", "a", "b", "a")).toBe(2);
        expect(await store.sadd("s", "b", "c")).toBe(1);
        expect(await store.sadd("s")).toBe(0);
        expect((await store.smembers("s")).sort()).toEqual(["a", "b", "c"]);
        expect(await store.sismember("s", "a")).toBe(true);
        expect(await store.sismember("s", "z")).toBe(false);
        expect(await store.sismember("none", "a")).toBe(false);
        expect(await store.srem("s", "a", "z")).toBe(1);
        expect(await store.srem("s")).toBe(0);
        expect(await store.srem("s", "b", "c")).toBe(2);
        expect(await store.smembers("s")).toEqual([]);
        expect(await store.ttl("s")).toBe(-2);
      });
    });

    describe("sorted sets", () => {
      it("ranges by inclusive score, lowest first, ties by member, with a limit", async () => {
        const store = await open();
        await store.zadd("z", 30, "c");
        await store.zadd("z", 10, "b");
        await store.zadd("z", 10, "a");
        await store.zadd("z", 20.5, "d");
        await store.zadd("z", 40, "e");
        expect(await store.zrangeByScore("z", 10, 30)).toEqual(["a", "b", "d", "c"]);
        expect(await store.zrangeByScore("z", 10, 30, 2)).toEqual(["a", "b"]);
        expect(await store.zrangeByScore("z", 11, 29)).toEqual(["d"]);
        expect(await store.zrangeByScore("z", -Infinity, Infinity)).toEqual(["a", "b", "d", "c", "e"]);
        expect(await store.zrangeByScore("z", 50, 60)).toEqual([]);
        expect(await store.zrangeByScore("missing", 0, 100)).toEqual([]);
      });

      it("updates a member's score, reads it, removes members", async () => {
        const store = await open();
        await store.zadd("z", 5, "job");
        await store.zadd("z", 1_700_000_000_123, "job");
        expect(await store.zscore("z", "job")).toBe(1_700_000_000_123);
        expect(await store.zscore("z", "other")).toBeNull();
        await store.zadd("z", -Infinity, "first");
        expect(await store.zscore("z", "first")).toBe(-Infinity);
        expect(await store.zrem("z", "job", "nope")).toBe(1);
        expect(await store.zrem("z")).toBe(0);
        expect(await store.zrem("z", "first")).toBe(1);
        expect(await store.ttl("z")).toBe(-2);
      });
    });

    describe("lists", () => {
      it("appends, reads ranges (negative from the end), counts and pops in order", async () => {
        const store = await open();
        expect(await store.rpush("l", "a", "b")).toBe(2);
        expect(await store.rpush("l", "c", "d", "e")).toBe(5);
        expect(await store.lrange("l", 0, -1)).toEqual(["a", "b", "c", "d", "e"]);
        expect(await store.lrange("l", 1, 2)).toEqual(["b", "c"]);
        expect(await store.lrange("l", -2, -1)).toEqual(["d", "e"]);
        expect(await store.lrange("l", -100, 1)).toEqual(["a", "b"]);
        expect(await store.lrange("l", 3, 100)).toEqual(["d", "e"]);
        expect(await store.lrange("l", 4, 2)).toEqual([]);
        expect(await store.lrange("missing", 0, -1)).toEqual([]);
        expect(await store.llen("l")).toBe(5);
        expect(await store.lpop("l")).toBe("a");
        expect(await store.lpop("l")).toBe("b");
        expect(await store.llen("l")).toBe(3);
      });

      it("an emptied list is gone and lpop then gives null", async () => {
        const store = await open();
        await store.rpush("l", "only");
        expect(await store.lpop("l")).toBe("only");
        expect(await store.lpop("l")).toBeNull();
        expect(await store.ttl("l")).toBe(-2);
        expect(await store.llen("l")).toBe(0);
      });
    });

    describe("keys", () => {
      it("lists the logical keys under a prefix, of every type", async () => {
        const store = await open();
        await store.set("session:telegram:1", "{}");
        await store.hset("session:whatsapp:2", { a: "1" });
        await store.set("case:7", "{}");
        expect((await store.keys("session:")).sort()).toEqual(["session:telegram:1", "session:whatsapp:2"]);
        expect((await store.keys("")).sort()).toEqual(["case:7", "session:telegram:1", "session:whatsapp:2"]);
        expect(await store.keys("nothing:")).toEqual([]);
      });

      it("takes glob characters in the prefix literally", async () => {
        const store = await open();
        await store.set("a*[b]?\\c:1", "1");
        await store.set("aX[b]?\\c:2", "1");
        await store.set("ab:3", "1");
        expect(await store.keys("a*[b]?\\c:")).toEqual(["a*[b]?\\c:1"]);
        expect(await store.keys("a*")).toEqual(["a*[b]?\\c:1"]);
      });

      it("lists many keys completely", async () => {
        const store = await open();
        await Promise.all(Array.from({ length: 2500 }, (_, i) => store.set(`many:${i}`, "1")));
        const keys = await store.keys("many:");
        expect(keys).toHaveLength(2500);
        expect(new Set(keys).size).toBe(2500);
      });
    });

    describe("isolation", () => {
      it("two stores do not see each other's keys", async () => {
        const a = await open();
        const b = await open();
        await a.set("session:1", "from a");
        await a.sadd("subscribers", "1");
        await b.set("session:1", "from b");
        expect(await a.get("session:1")).toBe("from a");
        expect(await b.get("session:1")).toBe("from b");
        expect(await b.smembers("subscribers")).toEqual([]);
        expect(await b.keys("")).toEqual(["session:1"]);
        await b.delete("session:1");
        expect(await a.get("session:1")).toBe("from a");
      });
    });
  });
}
