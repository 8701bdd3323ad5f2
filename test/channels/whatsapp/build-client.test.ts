import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildWhatsAppClient, CHROMIUM_ARGS } from "../../../src/channels/whatsapp/build-client.ts";
import { RedisAuthStore } from "../../../src/channels/whatsapp/redis-auth-store.ts";
import { loadConfig } from "../../../src/config/load.ts";
import type { RedisStore } from "../../../src/store/redis.ts";
import { testStore } from "../../support/redis.ts";

/** The auth strategy whatsapp-web.js was given (read back to check the wiring). */
interface AuthStrategy {
  constructor: { name: string };
  dataPath: string;
  clientId: string;
  store?: unknown;
}

describe("buildWhatsAppClient", () => {
  // whatsapp-web.js pulls in puppeteer: several seconds to load on a busy machine, once per file.
  beforeAll(async () => {
    await import("whatsapp-web.js");
  }, 60_000);

  let store: RedisStore;
  let tmp: string;
  beforeEach(async () => {
    store = await testStore("wa-build");
    tmp = await mkdtemp(join(tmpdir(), "jol-wa-build-"));
  });
  afterEach(async () => {
    await store.close();
    await rm(tmp, { recursive: true, force: true });
  });

  // Any executable file stands in for Chromium: nothing is launched before initialize().
  const env = (extra: Record<string, string> = {}) => ({ PUPPETEER_EXECUTABLE_PATH: process.execPath, WHATSAPP_DATA_DIR: tmp, ...extra });

  it("stops with how to install Chromium when there is none", async () => {
    const config = loadConfig(env({ PUPPETEER_EXECUTABLE_PATH: join(tmp, "no-chromium") }));
    await expect(buildWhatsAppClient(config, store)).rejects.toThrow(/no-chromium.*apt-get install chromium/s);
  });

  it("builds a headless client for a container with LocalAuth in WHATSAPP_DATA_DIR", async () => {
    const { clearAuth, options } = await buildWhatsAppClient(loadConfig(env({ WHATSAPP_CLIENT_ID: "line-1" })), store);
    const authStrategy = options.authStrategy as AuthStrategy;
    expect(options.puppeteer).toMatchObject({ executablePath: process.execPath, headless: true });
    expect(options.puppeteer.args).toEqual(CHROMIUM_ARGS);
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]));
    expect(authStrategy.constructor.name).toBe("LocalAuth");
    expect(authStrategy).toMatchObject({ dataPath: tmp, clientId: "line-1" });

    await mkdir(join(tmp, "session-line-1", "Default"), { recursive: true });
    await clearAuth();
    await expect(stat(join(tmp, "session-line-1"))).rejects.toThrow();
  });

  it("with WHATSAPP_AUTH=remote keeps the session in Redis, and refuses without Redis", async () => {
    await expect(buildWhatsAppClient(loadConfig(env({ WHATSAPP_AUTH: "remote" })), store)).rejects.toThrow(/set REDIS_URL/);

    const config = loadConfig(env({ WHATSAPP_AUTH: "remote", REDIS_URL: "redis://127.0.0.1:6379" }));
    const { clearAuth, options } = await buildWhatsAppClient(config, store);
    const authStrategy = options.authStrategy as AuthStrategy;
    expect(authStrategy.store).toBeInstanceOf(RedisAuthStore);
    expect(authStrategy).toMatchObject({ dataPath: tmp, clientId: "jol" });

    await store.setBuffer(RedisAuthStore.key("RemoteAuth-jol"), Buffer.from("zip"));
    await clearAuth();
    expect(await store.getBuffer(RedisAuthStore.key("RemoteAuth-jol"))).toBeNull();
  });
});
