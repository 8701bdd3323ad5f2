import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { RedisTarget } from "../../src/store/client.ts";
import { ask, freePort, onPath, query, startWatched, stopWatched, until } from "./servers.ts";

/**
 * Real Redis topologies for tests, from the `redis-server` and `redis-cli` on PATH, on free ports
 * in a temporary folder, without persistence. Every process runs under the stdin watchdog of
 * `servers.ts`, so a killed test run leaves nothing behind; `stop()` also removes the folder.
 */
export interface Topology {
  target: RedisTarget;
  /** Stop every process and remove the temporary folder. */
  stop(): Promise<void>;
}

/** Why the topologies cannot be started here, or undefined when they can. */
export function topologiesUnavailable(): string | undefined {
  const missing = ["redis-server", "redis-cli"].filter((command) => !onPath(command));
  return missing.length ? `${missing.join(" and ")} not on PATH (apt-get install redis-server)` : undefined;
}

/** Options every server of a topology gets: loopback, no disk, small and quiet. */
const BASE = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--loglevel", "warning"];

/** Processes of one topology and its folder; `stop` undoes everything. */
class Group {
  readonly servers = new Map<number, ChildProcess>();
  constructor(readonly dir: string) {}

  static async create(name: string): Promise<Group> {
    return new Group(await mkdtemp(join(tmpdir(), `jol-${name}-`)));
  }

  /** Start `redis-server` with `args` on a free port (a Sentinel too, with `--sentinel`); resolves when it answers. */
  async server(args: string[], port?: number): Promise<number> {
    const p = port ?? (await freePort());
    const child = await startWatched("redis-server", [...args, "--port", String(p)], this.dir);
    if (!child) throw new Error("redis-server could not be started");
    this.servers.set(p, child);
    await until(`redis on port ${p} to answer`, async () => (await ask(p))?.startsWith("+PONG") ?? false);
    return p;
  }

  /**
   * Kill the server on `port` at once (SIGKILL, as a crash or a power cut): its unreplicated
   * writes are gone. Resolves with the `Date.now()` of the kill once the port is closed.
   */
  async crash(port: number): Promise<number> {
    const info = await ask(port, "INFO server");
    const pid = Number(/process_id:(\d+)/.exec(info ?? "")?.[1]);
    if (!pid) throw new Error(`no process id from redis on port ${port}`);
    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();
    const watchdog = this.servers.get(port);
    this.servers.delete(port);
    await until(`redis on port ${port} to go`, async () => (await ask(port)) === undefined);
    if (watchdog) await stopWatched(watchdog);
    return killedAt;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => stopWatched(server)));
    this.servers.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * A Redis Cluster of `masters` masters (no replicas), made with `redis-cli --cluster create`;
 * resolves when every node reports `cluster_state:ok`.
 */
export async function startCluster(masters = 3): Promise<Topology> {
  const group = await Group.create("cluster");
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters; i++) {
      const port = await freePort([10_000]);
      await group.server([...BASE, "--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`, "--cluster-node-timeout", "3000"], port);
      ports.push(port);
    }
    await promisify(execFile)("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"], {
      timeout: 30_000,
    });
    for (const port of ports) await until(`cluster node ${port} to be ok`, async () => (await ask(port, "CLUSTER INFO"))?.includes("cluster_state:ok") ?? false);
    return { target: { mode: "cluster", nodes: ports.map((port) => ({ host: "127.0.0.1", port })) }, stop: () => group.stop() };
  } catch (error) {
    await group.stop();
    throw error;
  }
}

/** A primary, its replica and three sentinels watching them under the name `jol`. */
export interface SentinelTopology extends Topology {
  target: Extract<RedisTarget, { mode: "sentinel" }>;
  /** The port of the current primary, as the sentinels say. */
  primary(): Promise<number>;
  /**
   * Kill the current primary (SIGKILL) and resolve once the sentinels have promoted the replica;
   * `crashedAt` is the `Date.now()` of the kill.
   */
  failover(): Promise<{ old: number; promoted: number; crashedAt: number }>;
  /**
   * Start a server again on `port`: a crashed primary coming back, empty, as a replica of the new
   * primary (what the sentinels would make it, only without waiting for them); resolves when it
   * is in sync.
   */
  restart(port: number): Promise<void>;
}

/**
 * A primary, one replica and three sentinels (quorum 2, a primary is down after 1 s without an
 * answer); resolves when the replica is in sync and the sentinels answer (`failover()` first waits
 * until they know each other).
 */
export async function startSentinels(): Promise<SentinelTopology> {
  const group = await Group.create("sentinel");
  try {
    const primary = await group.server(BASE);
    const replica = await group.server([...BASE, "--replicaof", "127.0.0.1", String(primary)]);
    await until("the replica to sync", async () => (await ask(replica, "INFO replication"))?.includes("master_link_status:up") ?? false);
    const sentinels: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const file = join(group.dir, `sentinel-${port}.conf`);
      await writeFile(
        file,
        [
          `port ${port}`,
          "bind 127.0.0.1",
          `dir ${group.dir}`,
          `sentinel monitor jol 127.0.0.1 ${primary} 2`,
          "sentinel down-after-milliseconds jol 1000",
          "sentinel failover-timeout jol 4000",
          "sentinel parallel-syncs jol 1",
          "",
        ].join("\n"),
      );
      await group.server([file, "--sentinel"], port);
      sentinels.push(port);
    }
    // Sentinels find each other through hello messages every 2 s: only a failover needs them to have.
    const acquainted = async (): Promise<void> => {
      for (const port of sentinels) {
        await until(`sentinel ${port} to know the replica and the other sentinels`, async () => {
          const fields = await query(port, "SENTINEL", "MASTER", "jol");
          if (!Array.isArray(fields)) return false;
          const field = (name: string): unknown => fields[fields.indexOf(name) + 1];
          return field("num-slaves") === "1" && field("num-other-sentinels") === "2";
        });
      }
    };
    const primaryPort = async (): Promise<number> => {
      // Ask each sentinel in turn: one of them may be the process that is busy or gone.
      for (const port of sentinels) {
        const reply = await query(port, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "jol");
        if (Array.isArray(reply)) return Number(reply[1]);
      }
      throw new Error("no sentinel answers");
    };
    return {
      target: { mode: "sentinel", name: "jol", sentinels: sentinels.map((port) => ({ host: "127.0.0.1", port })) },
      primary: primaryPort,
      async failover() {
        await acquainted();
        const old = await primaryPort();
        const crashedAt = await group.crash(old);
        await until("the sentinels to promote the replica", async () => (await primaryPort()) !== old, 30_000);
        const promoted = await primaryPort();
        await until("the promoted replica to accept writes", async () => (await ask(promoted, "INFO replication"))?.includes("role:master") ?? false);
        return { old, promoted, crashedAt };
      },
      async restart(port) {
        await group.server([...BASE, "--replicaof", "127.0.0.1", String(await primaryPort())], port);
        // On a loaded machine the sentinels may still be settling when it comes back, and it can be
        // left following a stale primary: point it at the current one again every 10 s.
        let pointedAt = Date.now();
        await until(
          `the restarted server on ${port} to sync as a replica`,
          async () => {
            if ((await ask(port, "INFO replication"))?.includes("master_link_status:up")) return true;
            if (Date.now() - pointedAt > 10_000) {
              pointedAt = Date.now();
              const primary = await primaryPort();
              if (primary !== port) await ask(port, `REPLICAOF 127.0.0.1 ${primary}`);
            }
            return false;
          },
          60_000,
        );
      },
      stop: () => group.stop(),
    };
  } catch (error) {
    await group.stop();
    throw error;
  }
}
