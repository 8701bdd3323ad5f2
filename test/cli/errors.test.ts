import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiFault, BotApiStandIn } from "../support/bot-api/index.ts";
import { testRedisUrl } from "../support/redis.ts";
import { cleanEnv, freePort, JolProcess, PrivateRedis, waitUntil } from "../ops/rig.ts";

const TOKEN = "123456:TEST-token-for-the-error-tests_01";
/** A stack frame as Node prints it: what a user must never see without --debug. */
const FRAME = "    at ";

/** Run `jol` to the end (the compiled dist/, as in production). */
function jol(args: string[], env: Record<string, string> = {}, input = "") {
  const result = spawnSync(process.execPath, ["bin/jol.js", ...args], { input, env: cleanEnv(env), encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Run `jol` without blocking this process (for tests whose Bot API stand-in lives here). */
async function jolAsync(args: string[], env: Record<string, string>) {
  const child = new JolProcess(args, env);
  const code = await child.exited;
  await new Promise((r) => setImmediate(r));
  return { code, out: child.stdout, err: child.lines.join("\n") };
}

/** A failure as the issue asks: a non-zero exit, a short explanation naming what to do, no stack. */
function expectOneLineFailure(result: { code: number | null; err: string }, says: string | RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.err).not.toContain(FRAME);
  if (typeof says === "string") expect(result.err).toContain(says);
  else expect(result.err).toMatch(says);
}

describe("bad settings stop start-up with one line", { timeout: 120_000 }, () => {
  it.each([
    [{ HOTLINE_TIMEZONE: "Mars/Olympus" }, 'HOTLINE_TIMEZONE: expected an IANA time zone like Asia/Almaty or Asia/Tashkent, found "Mars/Olympus"'],
    [{ OPS_PORT: "70000" }, 'OPS_PORT: expected a number of at most 65535, found "70000"'],
    [{ TELEGRAM_WEBHOOK_PORT: "http" }, 'TELEGRAM_WEBHOOK_PORT: expected a whole number, found "http"'],
    [{ OPS_HOST: "local host" }, 'OPS_HOST: expected a host name or IP address, like 127.0.0.1 or 0.0.0.0, found "local host"'],
    [{ HOTLINE_HOURS: "18:00-09:00" }, 'HOTLINE_HOURS: expected the opening time before the closing time, found "18:00-09:00"'],
    [{ REDIS_URL: "redis://127.0.0.1:6379/zero" }, "REDIS_URL: expected a database number after the host"],
    [{ WHATSAPP_ENABLED: "1", WHATSAPP_AUTH: "remote" }, 'WHATSAPP_AUTH: expected "local" when no Redis is set'],
    [
      { TELEGRAM_WEBHOOK_URL: "http://bot.example.org/hook", TELEGRAM_WEBHOOK_SECRET: "abc" },
      'TELEGRAM_WEBHOOK_URL: expected a public https:// URL (Telegram sends webhooks over HTTPS only; http:// only to 127.0.0.1 or localhost for a local Bot API server), found "http://bot.example.org/hook"',
    ],
    [
      { TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook", TELEGRAM_WEBHOOK_SECRET: "abc", OPS_PORT: "8080" },
      'OPS_PORT: expected a port other than TELEGRAM_WEBHOOK_PORT (both cannot listen on it), found "8080"',
    ],
  ])("%o", (env, says) => {
    const result = jol(["start"], { TELEGRAM_BOT_TOKEN: TOKEN, ...env });
    expectOneLineFailure(result, says);
    expect(result.err.trim().split("\n")).toHaveLength(2); // "Configuration error:" and the problem
  });

  it("a Redis database number the server does not have", () => {
    const url = new URL(testRedisUrl());
    url.pathname = "/99";
    const result = jol(["start"], { TELEGRAM_BOT_TOKEN: TOKEN, REDIS_URL: url.toString() });
    expectOneLineFailure(result, /REDIS_URL: expected a database number from 0 to \d+ \(the server's "databases" setting is \d+\), found 99/);
  });
});

describe("expected failures of every command print what to do, never a stack trace", { timeout: 120_000 }, () => {
  let api: BotApiStandIn;
  let busy: Server;
  let busyPort: number;
  let deadRedis: string;

  beforeAll(async () => {
    api = await BotApiStandIn.start();
    busyPort = await freePort();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(busyPort, "127.0.0.1", resolve));
    deadRedis = `redis://127.0.0.1:${await freePort()}`;
  });

  afterAll(async () => {
    busy?.close();
    await api?.close();
  });

  it.each([["chat"], ["desk"], ["start"], ["agencies", "import", "data/agencies-demo.csv"], ["agencies", "find", "x"]])(
    "Redis unreachable: jol %s",
    (...args) => {
      const result = jol(args, { REDIS_URL: deadRedis, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
      expectOneLineFailure(result, `Cannot reach Redis at ${deadRedis} (REDIS_URL)`);
    },
  );

  it("a token Telegram rejects", async () => {
    const rejecting = await BotApiStandIn.start();
    try {
      rejecting.define("getMe", () => {
        throw new ApiFault(401, "Unauthorized");
      });
      const result = await jolAsync(["start"], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: rejecting.apiRoot, OPS_PORT: "0" });
      expectOneLineFailure(result, "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather");
      expect(result.err.split("\n").filter((l) => l.includes("Telegram rejected"))).toHaveLength(1);
    } finally {
      await rejecting.close();
    }
  });

  it("an operations port in use", async () => {
    const result = await jolAsync(["start"], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, OPS_PORT: String(busyPort) });
    expectOneLineFailure(result, `The operations endpoints cannot listen on 127.0.0.1:${busyPort} (EADDRINUSE): set OPS_PORT to a free port`);
  });

  it("a file that is not there", () => {
    expectOneLineFailure(jol(["agencies", "import", "/nonexistent/agencies.csv"], { REDIS_URL: testRedisUrl() }), "Cannot read /nonexistent/agencies.csv");
  });

  it("a folder of texts that is not there: the first 20 problems and a count of the rest", () => {
    const result = jol(["flows", "check"], { LOCALES_DIR: "/nonexistent-locales" });
    expectOneLineFailure(result, /… and \d+ more problem\(s\); fix the ones above first/);
    expect(result.err.split("\n").filter((l) => /: (error|warning): /.test(l))).toHaveLength(20);
  });

  it("a reader that closes the pipe (jol config --vars | head): a quiet exit 141", async () => {
    const child = spawn(process.execPath, ["bin/jol.js", "config", "--example"], { env: cleanEnv({}), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(141);
    expect(err).toBe("");
  });

  it("--debug adds the stack trace, and shows that the compiled dist/ runs", () => {
    const plain = jol(["config"], { HOTLINE_TIMEZONE: "Mars/Olympus" });
    expect(plain.err).not.toContain(FRAME);
    const debug = jol(["config", "--debug"], { HOTLINE_TIMEZONE: "Mars/Olympus" });
    expect(debug.code).toBe(1);
    expect(debug.err).toContain(FRAME);
    expect(debug.err).toMatch(/dist\/config\/load\.js/);
    const viaLevel = jol(["config"], { HOTLINE_TIMEZONE: "Mars/Olympus", LOG_LEVEL: "debug" });
    expect(viaLevel.err).toContain(FRAME);
  });

  it("JOL_DEV=1 runs the TypeScript sources instead", () => {
    const debug = jol(["config", "--debug"], { HOTLINE_TIMEZONE: "Mars/Olympus", JOL_DEV: "1" });
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/src\/config\/load\.ts/);
  });
});

describe("Redis lost under a running command", { timeout: 180_000 }, () => {
  it("jol chat ends with one line and exit 1", async () => {
    const redis = await PrivateRedis.start();
    const chat = new JolProcess(["chat", "--lang", "ru"], { REDIS_URL: redis.url }, { stdin: true });
    try {
      // The first answer (the main menu) is on stdout: Redis served the session.
      await waitUntil(() => (chat.stdout.includes("1.") ? true : undefined), "the main menu");
      await redis.stop();
      chat.child.stdin?.write("1\n");
      const code = await chat.exited;
      expect(code).toBe(1);
      const all = chat.lines.join("\n");
      expect(all).toContain("Lost the connection to Redis (REDIS_URL): it stopped answering. Check that Redis is running");
      expect(all).not.toContain(FRAME);
    } finally {
      chat.child.kill("SIGKILL");
      await redis.stop();
    }
  });
});
