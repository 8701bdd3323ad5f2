import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "../support/servers.ts";

export { freePort };

/** Poll `check` until it returns a value other than undefined (generous: the machine may be loaded). */
export async function waitUntil<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment a spawned `jol` gets: nothing from ours but PATH and HOME, then `env`. */
export function cleanEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env };
}

/**
 * `node bin/jol.js ...args` as a child process (the compiled dist/, as in production), with its
 * stderr collected line by line.
 */
export class JolProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  stdout = "";
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string>, options: { stdin?: boolean } = {}) {
    this.child = spawn(process.execPath, ["bin/jol.js", ...args], { env: cleanEnv(env), stdio: [options.stdin ? "pipe" : "ignore", "pipe", "pipe"] });
    let partial = "";
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      this.lines.push(...parts);
    });
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  /** The first stderr line matching `pattern`, waiting for it. */
  line(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    return waitUntil(() => this.lines.find((l) => pattern.test(l)), `a log line matching ${pattern} (got:\n${this.lines.join("\n")})`, timeoutMs);
  }

  /** SIGTERM, then the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    return this.exited;
  }
}

/** GET a URL: status and body (text), or undefined when nothing answers yet. */
export async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch {
    return undefined;
  }
}

/** The value of one Prometheus sample (`name{labels}` exactly as printed), or undefined. */
export function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * A redis-server of the test's own on a free port (no persistence), for tests that stop Redis
 * under a running bot: the shared test Redis must never be stopped.
 */
export class PrivateRedis {
  private constructor(
    readonly port: number,
    private readonly process: ChildProcess,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const port = await freePort();
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const redis = new PrivateRedis(port, child);
    await waitUntil(async () => ((await redis.answers()) ? true : undefined), `redis-server on port ${port}`, 20_000);
    return redis;
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, "127.0.0.1");
      socket.once("error", () => resolve(false));
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (data) => {
        resolve(data.toString().startsWith("+PONG"));
        socket.destroy();
      });
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((r) => this.process.once("exit", r));
    this.process.kill("SIGKILL");
    await exited;
  }
}
