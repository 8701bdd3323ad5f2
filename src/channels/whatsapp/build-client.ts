import { FixableError } from "../../core/errors.ts";
import { access, rm } from "node:fs/promises";
import { constants } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../../config/schema.ts";
import type { Store } from "../../store/store.ts";
import type { WhatsAppClientLike } from "./client.ts";
import { RedisAuthStore } from "./redis-auth-store.ts";
import { createRemoteAuth } from "./remote-auth.ts";

/**
 * Chromium flags for a headless browser that runs as root in a container: no sandbox (it needs
 * user namespaces a container rarely has), no /dev/shm (Docker gives it 64 MB, which crashes
 * tabs), no GPU.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-setuid-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-extensions",
  "--mute-audio",
];

/** How often RemoteAuth zips the profile to Redis after the first save (its minimum is 1 minute). */
const BACKUP_SYNC_MS = 5 * 60_000;

export interface BuiltClient {
  client: WhatsAppClientLike;
  /** Remove the saved session, so the next start pairs again (after WhatsApp rejected it). */
  clearAuth(): Promise<void>;
  /** What the real client was built with: its browser and where it keeps the session (read by the tests). */
  options: { puppeteer: { executablePath: string; args: string[]; headless: boolean }; authStrategy: object };
}

/**
 * Build the real whatsapp-web.js `Client` from the settings: the system Chromium
 * (`PUPPETEER_EXECUTABLE_PATH`), `LocalAuth` in `WHATSAPP_DATA_DIR` or, with
 * `WHATSAPP_AUTH=remote`, `RemoteAuth` with the profile zipped into Redis.
 *
 * whatsapp-web.js (and puppeteer) are loaded only here, so the rest of Jol and the tests never
 * load a browser driver.
 */
export async function buildWhatsAppClient(config: Config, store: Store): Promise<BuiltClient> {
  const chromium = config.PUPPETEER_EXECUTABLE_PATH;
  try {
    await access(chromium, constants.X_OK);
  } catch {
    throw new FixableError(
      `WhatsApp needs Chromium, and there is none at PUPPETEER_EXECUTABLE_PATH=${chromium}. ` +
        "Install it (Debian/Ubuntu: apt-get install chromium) or point PUPPETEER_EXECUTABLE_PATH at your Chrome/Chromium; or use the Docker image's whatsapp stage.",
    );
  }
  const wwebjs = (
    await import("whatsapp-web.js").catch((error: unknown) => {
      // An optional dependency: the Telegram-only image and `npm ci --omit=optional` leave it out.
      throw new FixableError("WhatsApp needs whatsapp-web.js, which is not installed here: run `npm install whatsapp-web.js`, use the jol-whatsapp image, or set WHATSAPP_ENABLED=0.", { cause: error });
    })
  ).default;
  const dataPath = resolve(config.WHATSAPP_DATA_DIR);
  const clientId = config.WHATSAPP_CLIENT_ID;

  let authStrategy;
  let clearAuth: () => Promise<void>;
  if (config.WHATSAPP_AUTH === "remote") {
    if (!config.REDIS_URL) {
      throw new FixableError("WHATSAPP_AUTH=remote keeps the WhatsApp session in Redis: set REDIS_URL, or use WHATSAPP_AUTH=local.");
    }
    const authStore = new RedisAuthStore(store, { dataPath });
    authStrategy = createRemoteAuth(wwebjs, { store: authStore, clientId, dataPath, backupSyncIntervalMs: BACKUP_SYNC_MS });
    const session = `RemoteAuth-${clientId}`;
    clearAuth = async () => {
      await authStore.delete({ session });
      await rm(join(dataPath, session), { recursive: true, force: true });
    };
  } else {
    authStrategy = new wwebjs.LocalAuth({ clientId, dataPath });
    clearAuth = () => rm(join(dataPath, `session-${clientId}`), { recursive: true, force: true });
  }

  const options = {
    authStrategy,
    puppeteer: { headless: true, executablePath: chromium, args: CHROMIUM_ARGS },
    // Take the session back if WhatsApp Web is opened elsewhere (the number belongs to the bot).
    takeoverOnConflict: true,
    takeoverTimeoutMs: 10_000,
  };
  return { client: adapt(new wwebjs.Client(options)), clearAuth, options };
}

/** The real client seen through the narrow interface the channel uses (delegating, no cast). */
function adapt(client: import("whatsapp-web.js").Client): WhatsAppClientLike {
  return {
    // The real `on` is a set of overloads by event name; every event the channel listens to is one of them.
    on: (event, listener) => client.on(event, listener),
    removeAllListeners: (event) => client.removeAllListeners(event),
    initialize: () => client.initialize(),
    destroy: () => client.destroy(),
    sendMessage: (chatId, content, options) => client.sendMessage(chatId, content, options),
    getChatById: (chatId) => client.getChatById(chatId),
    requestPairingCode: (phone, notify) => client.requestPairingCode(phone, notify),
    get info() {
      return client.info;
    },
  };
}
