import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load.ts";
import { describeTarget, redisTarget } from "../../src/store/client.ts";
import { RedisStore, RedisUnavailableError } from "../../src/store/redis.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("Redis settings", () => {
  it("pick single, Sentinel or Cluster mode, or none", () => {
    expect(redisTarget(loadConfig({}))).toBeUndefined();
    expect(redisTarget(loadConfig({ REDIS_URL: "redis://db:6379/1" }))).toEqual({ mode: "single", url: "redis://db:6379/1" });
    expect(
      redisTarget(loadConfig({ REDIS_SENTINELS: "10.0.0.1:26379, 10.0.0.2:26379,[::1]:26380", REDIS_SENTINEL_NAME: "mymaster", REDIS_PASSWORD: "pw", REDIS_SENTINEL_PASSWORD: "spw" })),
    ).toEqual({
      mode: "sentinel",
      name: "mymaster",
      sentinels: [
        { host: "10.0.0.1", port: 26379 },
        { host: "10.0.0.2", port: 26379 },
        { host: "::1", port: 26380 },
      ],
      password: "pw",
      sentinelPassword: "spw",
    });
    expect(redisTarget(loadConfig({ REDIS_CLUSTER_NODES: "redis-a:7000,redis-b:7000" }))).toEqual({
      mode: "cluster",
      nodes: [
        { host: "redis-a", port: 7000 },
        { host: "redis-b", port: 7000 },
      ],
    });
  });

  it("name the variable when they contradict each other or are incomplete", () => {
    expect(problemsOf({ REDIS_URL: "redis://db:6379", REDIS_CLUSTER_NODES: "a:7000" })).toEqual([
      expect.stringMatching(/^REDIS_CLUSTER_NODES: expected only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES.*found REDIS_URL and REDIS_CLUSTER_NODES set/),
    ]);
    expect(problemsOf({ REDIS_SENTINELS: "a:26379" })).toEqual([expect.stringMatching(/^REDIS_SENTINEL_NAME: expected the name the sentinels monitor/)]);
    expect(problemsOf({ REDIS_SENTINEL_NAME: "m" })).toEqual([expect.stringMatching(/^REDIS_SENTINEL_NAME: set, but REDIS_SENTINELS is not/)]);
    expect(problemsOf({ REDIS_URL: "redis://db:6379", REDIS_PASSWORD: "pw" })).toEqual([expect.stringMatching(/^REDIS_PASSWORD: applies to Sentinel or Cluster mode only/)]);
    expect(problemsOf({ REDIS_CLUSTER_NODES: "a:7000;b:7000" })).toEqual([
      'REDIS_CLUSTER_NODES: expected a comma-separated list of host:port, like 10.0.0.1:26379,10.0.0.2:26379, found "a:7000;b:7000"',
    ]);
    expect(problemsOf({ REDIS_WAIT_REPLICAS: "-1" })).toEqual(["REDIS_WAIT_REPLICAS: expected a number of at least 0, found \"-1\""]);
  });

  it("are described in one line for `jol config`, passwords hidden", () => {
    expect(describeTarget(undefined)).toMatch(/^memory/);
    expect(describeTarget({ mode: "single", url: "redis://:secret@db:6379" })).toBe("single (REDIS_URL=redis://:***@db:6379)");
    const sentinel = describeTarget(redisTarget(loadConfig({ REDIS_SENTINELS: "s1:26379,s2:26379", REDIS_SENTINEL_NAME: "jol", REDIS_PASSWORD: "secret" })));
    expect(sentinel).toBe("sentinel (REDIS_SENTINELS=s1:26379,s2:26379, REDIS_SENTINEL_NAME=jol)");
    expect(describeTarget({ mode: "cluster", nodes: [{ host: "c1", port: 7000 }], password: "secret" })).toBe("cluster (REDIS_CLUSTER_NODES=c1:7000)");
  });
});

describe("RedisStore.connect on Sentinel or Cluster", () => {
  it("fails fast naming the sentinels and what to check when none answers", async () => {
    const error = await RedisStore.connect({ target: { mode: "sentinel", name: "jol", sentinels: [{ host: "127.0.0.1", port: 1 }] }, connectTimeoutMs: 300 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(/^Cannot reach Redis at sentinel \(REDIS_SENTINELS=127\.0\.0\.1:1, REDIS_SENTINEL_NAME=jol\): .*Check that the sentinels run/);
  });

  it("fails fast naming the cluster nodes when none answers", async () => {
    const error = await RedisStore.connect({ target: { mode: "cluster", nodes: [{ host: "127.0.0.1", port: 1 }] }, connectTimeoutMs: 300 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toMatch(/^Cannot reach Redis at cluster \(REDIS_CLUSTER_NODES=127\.0\.0\.1:1\): .*cluster_state:ok/);
  });

  it("refuses a prefix with a brace, which would become every key's hash tag", async () => {
    const error = await RedisStore.connect({ target: { mode: "cluster", nodes: [{ host: "127.0.0.1", port: 1 }] }, prefix: "{jol}:", connectTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/must not contain "\{"/);
  });
});
