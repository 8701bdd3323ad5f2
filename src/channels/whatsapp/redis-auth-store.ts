import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Store } from "../../store/store.ts";

/**
 * The store whatsapp-web.js' `RemoteAuth` uses to keep a paired WhatsApp session somewhere else
 * than the local disk: here in Redis through our `Store`, as the zipped browser profile under
 * `wa:auth:<session>`. Another host with the same Redis and `WHATSAPP_CLIENT_ID` takes the number
 * over without pairing again (exactly one process may run it at a time).
 *
 * How RemoteAuth calls it (whatsapp-web.js 1.34, `src/authStrategies/RemoteAuth.js`):
 * - `save({ session })` after it zipped the profile to `<dataPath>/<session>.zip`, where
 *   `dataPath` is its own `dataPath` option resolved against the working directory and
 *   `session` is `RemoteAuth-<clientId>`. The store gets only the session name, so it must be
 *   given the same `dataPath` (the stores published for MongoDB/S3 read `./<session>.zip`
 *   and break when `dataPath` is not the working directory).
 * - `extract({ session, path })` before launching the browser: write the zip to `path`.
 * - `sessionExists({ session })`, `delete({ session })` (logout, failed restore).
 *
 * @example
 * const store = new RedisAuthStore(app.store, { dataPath: config.WHATSAPP_DATA_DIR });
 * new RemoteAuth({ store, dataPath: config.WHATSAPP_DATA_DIR, clientId, backupSyncIntervalMs: 300_000 });
 */
export class RedisAuthStore {
  private readonly dataPath: string;

  constructor(
    private readonly store: Store,
    options: { dataPath: string },
  ) {
    this.dataPath = resolve(options.dataPath);
  }

  /** The logical key of a session's zip. */
  static key(session: string): string {
    return `wa:auth:${session}`;
  }

  async sessionExists({ session }: { session: string }): Promise<boolean> {
    return (await this.store.ttl(RedisAuthStore.key(checked(session)))) !== -2;
  }

  /** Store `<dataPath>/<session>.zip`, which RemoteAuth has just written. */
  async save({ session }: { session: string }): Promise<void> {
    const file = this.zipPath(session);
    let zip: Buffer;
    try {
      zip = await readFile(file);
    } catch (error) {
      throw new Error(
        `RemoteAuth saved no session zip at ${file} (${(error as Error).message}). ` +
          "Give RedisAuthStore the same dataPath as RemoteAuth (WHATSAPP_DATA_DIR).",
      );
    }
    if (zip.length === 0) throw new Error(`The session zip ${file} is empty; not replacing the stored session with it.`);
    await this.store.setBuffer(RedisAuthStore.key(session), zip);
  }

  /** Write the stored zip to `path` for RemoteAuth to unpack. */
  async extract({ session, path }: { session: string; path: string }): Promise<void> {
    const zip = await this.store.getBuffer(RedisAuthStore.key(checked(session)));
    if (!zip) throw new Error(`No WhatsApp session "${session}" in Redis: pair the phone again (see docs/whatsapp.md).`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, zip);
  }

  async delete({ session }: { session: string }): Promise<void> {
    await this.store.delete(RedisAuthStore.key(checked(session)));
  }

  /** Where RemoteAuth writes the zip it asks us to save. */
  zipPath(session: string): string {
    return join(this.dataPath, `${checked(session)}.zip`);
  }
}

/** Session names come from RemoteAuth (`RemoteAuth-<clientId>`); refuse anything path-like. */
function checked(session: string): string {
  if (!/^[\w-]+$/.test(session)) throw new Error(`Invalid WhatsApp session name "${session}": only letters, digits, _ and -.`);
  return session;
}
