import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { connect, createServer } from "node:net";
import { delimiter, join } from "node:path";
import { Redis } from "ioredis";

/**
 * Starting throw-away server processes for tests: free ports, and a watchdog that never leaves a
 * server behind. Used by the global setup (the run's Redis) and by `topology.ts` (Cluster,
 * Sentinel).
 */

/** True when `command` is an executable on PATH. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Ports `freePort` hands out: below Linux's ephemeral range (32768–60999 by default). */
const FIRST_PORT = 10_000;
const LAST_PORT = 22_767;
const handedOut = new Set<number>();

/** True when nothing listens on 127.0.0.1:`port` and nothing holds it (listen succeeds). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * A TCP port nobody listens on right now, and that the kernel will not give to anyone else in the
 * meantime: it is chosen at random below the ephemeral range, so no outgoing connection takes it
 * as its source port and no `listen(0)` is given it between this call and the caller's listen
 * (a port from `listen(0)` was taken that way once under load: EADDRINUSE in CI). `alsoFree`:
 * offsets that must be free too (a Redis Cluster node also listens on its port + 10000).
 */
export async function freePort(alsoFree: number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = FIRST_PORT + Math.floor(Math.random() * (LAST_PORT - FIRST_PORT + 1));
    if (handedOut.has(port)) continue;
    if (!(await canListen(port))) continue;
    let others = true;
    for (const offset of alsoFree) if (!(await canListen(port + offset))) others = false;
    if (!others) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free TCP port between ${FIRST_PORT} and ${LAST_PORT} after 200 tries`);
}

/**
 * Run `command args...` under a small shell watchdog and return the watchdog, or undefined when
 * it cannot be spawned. The watchdog stops the server as soon as its stdin closes: at teardown
 * (`stopWatched`), and also when this process dies without a teardown (killed by a timeout, a
 * crash), so no server is left behind.
 */
export async function startWatched(command: string, args: string[], cwd?: string): Promise<ChildProcess | undefined> {
  const watchdog = '"$0" "$@" >/dev/null 2>&1 & r=$!; cat >/dev/null; kill "$r" 2>/dev/null; wait "$r"';
  const child = spawn("sh", ["-c", watchdog, command, ...args], { stdio: ["pipe", "ignore", "ignore"], ...(cwd ? { cwd } : {}) });
  return new Promise((resolve) => {
    child.once("error", () => resolve(undefined));
    child.once("spawn", () => resolve(child));
  });
}

/** Stop a server started by `startWatched` and wait for it (SIGKILL to the watchdog after 3 s). */
export async function stopWatched(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.stdin?.end();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
}

/**
 * Send one inline command to a Redis (or Sentinel) on 127.0.0.1 and return its raw reply, or
 * undefined when nothing answers within a second. Enough to poll a server that is starting.
 */
export function ask(port: number, command = "PING", host = "127.0.0.1"): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = "";
    const done = (answer: string | undefined): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(reply || undefined));
    socket.once("error", () => done(undefined));
    socket.once("connect", () => socket.write(`${command}\r\n`));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      // A status, error or integer line is whole at its first CRLF; a bulk string when its length is in.
      const bulk = /^\$(-?\d+)\r\n/.exec(reply);
      if (!bulk && /\r\n/.test(reply)) done(reply);
      else if (bulk && (Number(bulk[1]) < 0 || Buffer.byteLength(reply) >= bulk[0].length + Number(bulk[1]) + 2)) done(reply);
    });
  });
}

/** Poll `check` every 50 ms until it is true; throw `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Run one command on the Redis (or Sentinel) at 127.0.0.1:`port` over a short-lived connection and
 * return its reply (arrays as arrays), or undefined when it does not answer. For replies that are
 * not a single line or bulk string, which `ask` cannot read.
 */
export async function query(port: number, command: string, ...args: string[]): Promise<unknown> {
  const client = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return await client.call(command, ...args);
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}
