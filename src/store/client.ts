import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";
import type { Config } from "../config/schema.ts";

/** One `host:port` of a Sentinel or Cluster node list. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * Which Redis to talk to, as the settings describe it:
 * - `single`: one server (`REDIS_URL`), ideally with `appendonly yes`;
 * - `sentinel`: the primary that Sentinel names (`REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`),
 *   followed to a promoted replica after a failover;
 * - `cluster`: a Redis Cluster (`REDIS_CLUSTER_NODES`, any few nodes: the rest are discovered).
 */
export type RedisTarget =
  | { mode: "single"; url: string }
  | { mode: "sentinel"; sentinels: HostPort[]; name: string; sentinelPassword?: string; password?: string }
  | { mode: "cluster"; nodes: HostPort[]; password?: string };

/** The settings that choose the Redis. */
export type RedisSettings = Pick<
  Config,
  "REDIS_URL" | "REDIS_SENTINELS" | "REDIS_SENTINEL_NAME" | "REDIS_SENTINEL_PASSWORD" | "REDIS_CLUSTER_NODES" | "REDIS_PASSWORD"
>;

/**
 * The Redis the settings ask for, or undefined when none is set (sessions then live in memory).
 * `loadConfig` has already refused contradictory settings (two modes at once, Sentinel without a name).
 *
 * @example
 * redisTarget(loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000,10.0.0.2:7000" }))?.mode; // "cluster"
 */
export function redisTarget(config: RedisSettings): RedisTarget | undefined {
  const password = config.REDIS_PASSWORD;
  if (config.REDIS_SENTINELS && config.REDIS_SENTINEL_NAME) {
    return {
      mode: "sentinel",
      sentinels: config.REDIS_SENTINELS,
      name: config.REDIS_SENTINEL_NAME,
      ...(config.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: config.REDIS_SENTINEL_PASSWORD } : {}),
      ...(password ? { password } : {}),
    };
  }
  if (config.REDIS_CLUSTER_NODES) return { mode: "cluster", nodes: config.REDIS_CLUSTER_NODES, ...(password ? { password } : {}) };
  if (config.REDIS_URL) return { mode: "single", url: config.REDIS_URL };
  return undefined;
}

/**
 * The target in one printable line, passwords hidden: what `jol config` and error messages show.
 *
 * @example
 * describeTarget({ mode: "cluster", nodes: [{ host: "10.0.0.1", port: 7000 }] });
 * // "cluster (REDIS_CLUSTER_NODES=10.0.0.1:7000)"
 */
export function describeTarget(target: RedisTarget | undefined): string {
  if (!target) return "memory (no REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES: sessions are lost on restart)";
  switch (target.mode) {
    case "single":
      return `single (REDIS_URL=${redactUrl(target.url)})`;
    case "sentinel":
      return `sentinel (REDIS_SENTINELS=${hostList(target.sentinels)}, REDIS_SENTINEL_NAME=${target.name})`;
    case "cluster":
      return `cluster (REDIS_CLUSTER_NODES=${hostList(target.nodes)})`;
  }
}

/** A URL as it may be printed: any password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/\/\/([^@/]*)@/, "//***@");
  }
}

const hostList = (nodes: HostPort[]): string => nodes.map((n) => `${n.host}:${n.port}`).join(",");

/** What every client gets, whatever the topology. */
export interface ClientOptions {
  /** Called with the attempt number while (re)connecting; a number is the delay in ms, null gives up. */
  retryStrategy: (times: number) => number | null;
  /** Extra ioredis options (tests, TLS details); for a Cluster they apply to each node's connection. */
  redis?: RedisOptions;
}

/**
 * The one place that builds an ioredis client: a plain `Redis` for `single` and `sentinel`, a
 * `Cluster` for `cluster`. The client is lazy (call `connect()`), auto-pipelined, and:
 * - on Sentinel, asks the sentinels for the primary on every (re)connect, so it follows a failover
 *   (and when a write meets a demoted primary, `READONLY` reconnects and resends);
 * - on Cluster, sends everything to masters, and runs scripts whose number of keys varies
 *   (`jolBatch`) outside auto-pipelining, because ioredis groups those by their first argument
 *   (the key count) instead of their first key.
 */
export function createRedisClient(target: RedisTarget, options: ClientOptions): Redis | Cluster {
  const common: RedisOptions = { enableAutoPipelining: true, lazyConnect: true, ...options.redis };
  switch (target.mode) {
    case "single":
      return new Redis(target.url, { ...common, retryStrategy: options.retryStrategy });
    case "sentinel":
      return new Redis({
        ...common,
        sentinels: target.sentinels,
        name: target.name,
        ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
        ...(target.password ? { password: target.password } : {}),
        retryStrategy: options.retryStrategy,
        // All sentinels silent: keep asking on the same schedule (start-up gives up through retryStrategy).
        sentinelRetryStrategy: options.retryStrategy,
        reconnectOnError: (error) => (error.message.startsWith("READONLY") ? 2 : false),
      });
    case "cluster": {
      const { enableAutoPipelining, lazyConnect, ...nodeOptions } = common;
      const clusterOptions: ClusterOptions = {
        enableAutoPipelining,
        lazyConnect,
        autoPipeliningIgnoredCommands: ["jolBatch", "jolGcra"],
        scaleReads: "master",
        clusterRetryStrategy: options.retryStrategy,
        redisOptions: { ...nodeOptions, ...(target.password ? { password: target.password } : {}) },
      };
      return new Cluster(target.nodes, clusterOptions);
    }
  }
}
