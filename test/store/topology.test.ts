import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger, silentLogger } from "../../src/core/log.ts";
import { createStore } from "../../src/store/create.ts";
import { RedisStore } from "../../src/store/redis.ts";
import { CrossSlotError, keySlot } from "../../src/store/slot.ts";
import { testStore, testTarget } from "../support/redis.ts";
import { defineStoreContract } from "./contract.ts";

/**
 * The store contract and what a topology can break, run against the test project's Redis: the
 * single server, a 3-master Cluster and a Sentinel group (see vitest.config.ts).
 */
const mode = testTarget().mode;

defineStoreContract(`redis (${mode})`, {
  create: () => testStore("contract"),
  sameData: (store) => testStore("contract", { prefix: (store as RedisStore).prefix }),
});

describe(`RedisStore on ${mode}`, () => {
  let store: RedisStore;
  beforeEach(async () => {
    store = await testStore("topology");
  });
  afterEach(async () => {
    await store.close();
  });

  it("is what createStore builds from this topology's settings", async () => {
    const t = testTarget();
    const settings =
      t.mode === "single" ? { REDIS_URL: t.url } : t.mode === "sentinel" ? { REDIS_SENTINELS: t.sentinels, REDIS_SENTINEL_NAME: t.name } : { REDIS_CLUSTER_NODES: t.nodes };
    const other = await createStore({ ...settings, REDIS_PREFIX: store.prefix }, silentLogger);
    try {
      await other.set("from-settings:{u}", "v");
      expect(await store.get("from-settings:{u}")).toBe("v");
    } finally {
      await other.close();
    }
  });

  it("with REDIS_WAIT_REPLICAS, saves and answers; warns only when no replica confirms", async () => {
    const lines: string[] = [];
    const waiting = await RedisStore.connect({
      target: testTarget(),
      prefix: store.prefix,
      waitReplicas: 1,
      waitTimeoutMs: 200,
      log: createLogger({ level: "warn", write: (line) => lines.push(line) }),
    });
    try {
      const results = await waiting.batch([
        { op: "set", key: "s:{w}", value: "step" },
        { op: "get", key: "s:{w}" },
      ]);
      expect(results).toEqual([true, "step"]);
      expect(await store.get("s:{w}")).toBe("step");
      // The Sentinel group has a replica, the test Cluster's masters have none, the single server may.
      const single = mode === "single" && "info" in store.client ? await store.client.info("replication") : "";
      const replicas = mode === "sentinel" ? 1 : Number(/connected_slaves:(\d+)/.exec(single)?.[1] ?? 0);
      if (replicas > 0) expect(lines).toEqual([]);
      else expect(lines).toEqual([expect.stringMatching(/(?=.*fewer replicas than REDIS_WAIT_REPLICAS)(?=.*"replicas":0)/)]);
    } finally {
      await waiting.close();
    }
  });

  const users = Array.from({ length: 40 }, (_, i) => `telegram:${1000 + i}`);

  it("lists and deletes keys of many users, wherever their slots are", async () => {
    for (const user of users) await store.set(`s:{${user}}`, "v");
    await store.set("case:open", "1");
    expect(new Set(users.map((u) => keySlot(`${store.prefix}s:{${u}}`))).size).toBeGreaterThan(30);
    expect((await store.keys("s:")).sort()).toEqual(users.map((u) => `s:{${u}}`).sort());
    expect(await store.delete(...users.map((u) => `s:{${u}}`), "case:open", "never-written")).toBe(users.length + 1);
    expect(await store.keys("")).toEqual([]);
  });

  it("keeps a user's keys in the slot of the user's tag, whatever the prefix", () => {
    const slot = keySlot("telegram:42");
    for (const key of ["s:{telegram:42}", "lock:{telegram:42}", "seen:{telegram:42}:m1"]) expect(keySlot(store.prefix + key)).toBe(slot);
  });

  it("refuses a batch over two users' keys, naming them, and changes nothing", async () => {
    const error = await store
      .batch([
        { op: "set", key: "s:{telegram:1}", value: "a" },
        { op: "set", key: "s:{telegram:2}", value: "b" },
      ])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(CrossSlotError);
    expect((error as Error).message).toContain(`${store.prefix}s:{telegram:1}`);
    expect((error as Error).message).toContain(`${store.prefix}s:{telegram:2}`);
    expect((error as Error).message).toMatch(/same hash tag/);
    expect(await store.keys("")).toEqual([]);
  });

  it("refuses any raw multi-key command across slots too (scripts added later included)", async () => {
    const refused = expect(store.client.mget(`${store.prefix}a:{x}`, `${store.prefix}a:{y}`)).rejects;
    // On a Cluster ioredis' auto-pipelining refuses it first, in its own words.
    if (mode === "cluster") await refused.toThrow(/should belong to the same slot/);
    else await refused.toBeInstanceOf(CrossSlotError);
    await store.set("a:{x}", "1");
    expect(await store.client.mget(`${store.prefix}a:{x}`, `${store.prefix}b:{x}`)).toEqual(["1", null]);
  });

  it("runs one user's batch atomically for many users at once", async () => {
    const results = await Promise.all(
      users.map((user) =>
        store.batch([
          { op: "setIfAbsent", key: `lock:{${user}}`, value: "t" },
          { op: "set", key: `s:{${user}}`, value: user },
          { op: "get", key: `s:{${user}}` },
        ]),
      ),
    );
    expect(results).toEqual(users.map((user) => [true, true, user]));
  });
});
