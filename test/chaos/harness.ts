/**
 * The process harness of the fault tests and `npm run chaos`: real `jol start` processes (spawned
 * with `node bin/jol.js start`, settings in their environment) against the Bot API stand-in over
 * loopback HTTP, and throw-away `redis-server`s for outages. Every wait is bounded and polls a
 * condition; every process sits under a shell watchdog that kills it when the spawning process
 * goes away (even killed with SIGKILL), so nothing is left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { answers, startRedis } from "../support/global-setup.ts";
import { freePort, stopWatched as stopRedis } from "../support/servers.ts";

export { freePort };

/** The checkout the harness runs `bin/jol.js` from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The bot token every spawned process uses (the stand-in accepts any). */
export const TOKEN = "123456:chaos-token-ABCDEFGHIJKLMNOPQRST";
/** The webhook secret of webhook workers. */
export const SECRET = "chaos-secret";

/** Resolve once `check` returns a truthy value (polled every `everyMs`); reject after `timeoutMs` naming `what`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs: number, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How a spawned process ended. */
export interface Exit {
  code: number | null;
  /** `Date.now()` when the harness saw it end. */
  at: number;
}

// The watchdog: jol runs in the background (its stdin is /dev/null), `cat` reads our pipe on a
// saved descriptor and kills jol when the pipe closes, which happens when we close it or die.
const WATCHDOG = 'exec 3<&0; node "$0" start & p=$!; echo "pid $p"; { cat <&3 >/dev/null; kill -9 "$p" 2>/dev/null; } & w=$!; wait "$p"; s=$?; kill "$w" 2>/dev/null; exit "$s"';

/**
 * One `jol start` process. Its stdout and stderr lines are kept in `lines` (JSON log lines);
 * `ready()` waits for "jol started".
 */
export class JolProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private innerPid: number | undefined;
  private ended: Exit | undefined;

  private constructor(
    readonly name: string,
    env: Record<string, string>,
    cwd: string,
  ) {
    const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, TMPDIR: process.env.TMPDIR ?? tmpdir() };
    this.child = spawn("sh", ["-c", WATCHDOG, join(ROOT, "bin/jol.js")], { cwd, env: { ...base, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        const pid = /^pid (\d+)$/.exec(line);
        if (pid && this.innerPid === undefined) this.innerPid = Number(pid[1]);
        else this.lines.push(line);
      }
    };
    this.child.stdout!.on("data", take);
    this.child.stderr!.on("data", take);
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code) => {
        this.ended = { code, at: Date.now() };
        resolve(this.ended);
      });
    });
  }

  /** Spawn `node bin/jol.js start` with exactly `env` (plus PATH, HOME, TMPDIR) in `cwd`. */
  static spawn(name: string, env: Record<string, string>, cwd: string): JolProcess {
    return new JolProcess(name, env, cwd);
  }

  get alive(): boolean {
    return this.ended === undefined;
  }

  /** Wait for the "jol started" log line; fail with the process's last lines if it exits or takes too long. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await until(
      () => {
        if (!this.alive) throw new Error(`${this.name} exited (${String(this.ended?.code)}) before it was ready:\n${this.tail()}`);
        return this.lines.some((l) => l.includes('"jol started"'));
      },
      `${this.name} to start`,
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.tail()}`);
    });
  }

  /** Send a signal to jol itself (not the watchdog). */
  async signal(signal: NodeJS.Signals): Promise<void> {
    const pid = await until(() => this.innerPid, `${this.name}'s pid`, 10_000);
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }

  /** kill -9, and wait until it is gone. */
  async crash(): Promise<Exit> {
    await this.signal("SIGKILL");
    return this.exited;
  }

  /** SIGTERM; resolves with how it ended (SIGKILL after `killAfterMs`, the exit then says so). */
  async terminate(killAfterMs = 60_000): Promise<Exit & { forced: boolean }> {
    await this.signal("SIGTERM");
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      void this.signal("SIGKILL");
    }, killAfterMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return { ...exit, forced };
  }

  /** Stop it whatever state it is in (cleanup: closes the watchdog's pipe, which kills jol). */
  async dispose(): Promise<void> {
    if (!this.alive) return;
    this.child.stdin?.end();
    await Promise.race([this.exited, sleep(5000)]);
    if (this.alive) this.child.kill("SIGKILL");
  }

  /** Log lines matching `pattern`. */
  grep(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  /** The last lines, for error messages. */
  tail(n = 15): string {
    return this.lines.slice(-n).join("\n");
  }
}

/**
 * A `redis-server` of our own on a free loopback port, persisting to a temporary folder (AOF,
 * fsync every write) so it can be stopped and started again with its data: the outage scenario.
 * Never the machine's Redis.
 */
export class ThrowawayRedis {
  private server: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort(), mkdtempSync(join(tmpdir(), "jol-chaos-redis-")));
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Start (again) on the same port and folder; resolves when it answers PING. */
  async up(): Promise<void> {
    this.server = await startRedis(this.port, ["--dir", this.dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"]);
    if (!this.server) throw new Error("the outage scenario needs redis-server on PATH (apt-get install redis-server)");
    await until(() => answers(this.url), `redis-server on port ${this.port}`, 20_000);
  }

  /** Stop it (SIGTERM: the AOF is flushed) and wait until the port refuses connections. */
  async down(): Promise<void> {
    if (this.server) await stopRedis(this.server);
    this.server = undefined;
    await until(async () => !(await answers(this.url)), `redis-server on port ${this.port} to stop`, 20_000);
  }

  async dispose(): Promise<void> {
    if (this.server) await stopRedis(this.server);
    this.server = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Delete every key under `prefix` (the scenario's) on `url`. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
