import { createReadStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { createRequire } from "node:module";
import type WAWebJS from "whatsapp-web.js";
import { RedisAuthStore } from "./redis-auth-store.ts";

/** unzipper (an optional dependency of whatsapp-web.js, used by its RemoteAuth) ships without types. */
interface UnzipperExtract extends NodeJS.WritableStream {
  /** Resolves on `close`: every file is written. */
  promise(): Promise<void>;
}
type Unzipper = { Extract(options: { path: string; concurrency?: number }): UnzipperExtract };

export interface RemoteAuthOptions {
  store: RedisAuthStore;
  clientId: string;
  dataPath: string;
  backupSyncIntervalMs: number;
}

/**
 * whatsapp-web.js' `RemoteAuth`, with one fix: its `unCompressSession` resolves on the unzip
 * stream's `finish`, which fires when the zip has been *read*, before the last files are
 * *written* (unzipper's `Extract` signals that with `close`). The browser could then start on a
 * half-restored profile and ask for pairing again. Here the restore waits for every file.
 *
 * `wwebjs` is passed in because whatsapp-web.js is loaded lazily (it pulls in puppeteer).
 */
export function createRemoteAuth(wwebjs: typeof WAWebJS, options: RemoteAuthOptions): WAWebJS.RemoteAuth {
  const require = createRequire(import.meta.url);
  const unzipper = require("unzipper") as Unzipper;

  class CompleteRestoreRemoteAuth extends wwebjs.RemoteAuth {
    /** Set by RemoteAuth before it restores: the profile folder. */
    declare userDataDir: string;

    /** Replaces RemoteAuth's own method of the same name (not in its type declarations). */
    async unCompressSession(compressedSessionPath: string): Promise<void> {
      const extract = unzipper.Extract({ path: this.userDataDir, concurrency: 10 });
      const source = createReadStream(compressedSessionPath);
      const readFailed = new Promise<never>((_, reject) => source.once("error", reject));
      source.pipe(extract);
      await Promise.race([extract.promise(), readFailed]);
      await unlink(compressedSessionPath);
    }
  }

  return new CompleteRestoreRemoteAuth(options);
}
