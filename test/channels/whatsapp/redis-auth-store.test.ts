import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RedisAuthStore } from "../../../src/channels/whatsapp/redis-auth-store.ts";
import { createRemoteAuth } from "../../../src/channels/whatsapp/remote-auth.ts";
import type { RedisStore } from "../../../src/store/redis.ts";
import { testStore } from "../../support/redis.ts";

/** archiver and unzipper are what whatsapp-web.js' RemoteAuth zips and unzips with; they ship without types. */
interface Archive {
  pipe(out: NodeJS.WritableStream): void;
  directory(dir: string, dest: false): void;
  finalize(): Promise<void>;
  once(event: "error", cb: (e: Error) => void): void;
}
interface ZipDirectory {
  files: Array<{ path: string; buffer(): Promise<Buffer> }>;
}
const require = createRequire(import.meta.url);
const archiver = require("archiver") as (format: "zip") => Archive;
const unzipper = require("unzipper") as { Open: { file(path: string): Promise<ZipDirectory> } };

/** Zip `dir` into `out` the way RemoteAuth.compressSession does. */
async function zipDirectory(dir: string, out: string): Promise<void> {
  const archive = archiver("zip");
  const stream = createWriteStream(out);
  await new Promise<void>((resolve, reject) => {
    stream.once("close", resolve);
    stream.once("error", reject);
    archive.once("error", reject);
    archive.pipe(stream);
    archive.directory(dir, false);
    void archive.finalize();
  });
}

describe("RedisAuthStore", () => {
  // whatsapp-web.js pulls in puppeteer: several seconds to load on a busy machine, once per file.
  beforeAll(async () => {
    await import("whatsapp-web.js");
  }, 60_000);

  let store: RedisStore;
  let tmp: string;

  beforeEach(async () => {
    store = await testStore("wa-auth");
    tmp = await mkdtemp(join(tmpdir(), "jol-wa-auth-"));
  });
  afterEach(async () => {
    await store.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it("round-trips a real session zip through Redis byte for byte", async () => {
    // A profile like the one RemoteAuth stages: Default/IndexedDB, Default/Local Storage, binary data.
    const profile = join(tmp, "staging");
    await mkdir(join(profile, "Default", "IndexedDB"), { recursive: true });
    await mkdir(join(profile, "Default", "Local Storage"), { recursive: true });
    const binary = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
    await writeFile(join(profile, "Default", "IndexedDB", "data.bin"), binary);
    await writeFile(join(profile, "Default", "Local Storage", "leveldb.log"), "wa session ✓");

    const dataPath = join(tmp, "auth");
    await mkdir(dataPath);
    const session = "RemoteAuth-jol";
    const auth = new RedisAuthStore(store, { dataPath });
    const zipPath = join(dataPath, `${session}.zip`);
    expect(auth.zipPath(session)).toBe(zipPath);
    await zipDirectory(profile, zipPath);
    const original = await readFile(zipPath);

    expect(await auth.sessionExists({ session })).toBe(false);
    await auth.save({ session });
    expect(await auth.sessionExists({ session })).toBe(true);
    expect(await store.getBuffer(RedisAuthStore.key(session))).toEqual(original);

    // Another host: a fresh folder and a second connection on the same Redis.
    const other = await testStore("wa-auth", { prefix: store.prefix });
    try {
      const target = join(tmp, "new-host", "auth", `${session}.zip`);
      await new RedisAuthStore(other, { dataPath: join(tmp, "new-host", "auth") }).extract({ session, path: target });
      const extracted = await readFile(target);
      expect(extracted.equals(original)).toBe(true);
      const zip = await unzipper.Open.file(target);
      const entry = zip.files.find((f) => f.path === "Default/IndexedDB/data.bin");
      expect((await entry?.buffer())?.equals(binary)).toBe(true);

      await auth.delete({ session });
      expect(await auth.sessionExists({ session })).toBe(false);
      expect(await new RedisAuthStore(other, { dataPath }).sessionExists({ session })).toBe(false);
      await expect(auth.extract({ session, path: join(tmp, "x.zip") })).rejects.toThrow(/pair the phone again/);
    } finally {
      await other.close();
    }
  });

  it("works with whatsapp-web.js' own RemoteAuth: a profile saved on one host is restored on another", async () => {
    const wwebjs = (await import("whatsapp-web.js")).default;
    const { RemoteAuth } = wwebjs;
    const auth = new RedisAuthStore(store, { dataPath: join(tmp, "host-a") });
    const hostA = new RemoteAuth({ store: auth, clientId: "jol", dataPath: join(tmp, "host-a"), backupSyncIntervalMs: 60_000 });
    // RemoteAuth only reads `client.options.puppeteer` before the browser starts.
    const clientA = { options: { puppeteer: {} as Record<string, unknown> }, emit: () => true };
    hostA.setup(clientA as never);
    await hostA.beforeBrowserInitialized();
    const profileA = String(clientA.options.puppeteer.userDataDir);
    expect(profileA).toBe(join(tmp, "host-a", "RemoteAuth-jol"));
    await mkdir(join(profileA, "Default", "IndexedDB"), { recursive: true });
    await writeFile(join(profileA, "Default", "IndexedDB", "keys.bin"), Buffer.from([0, 1, 2, 253, 254, 255]));
    await writeFile(join(profileA, "Default", "Cookies"), "not needed to restore a session");
    // storeRemoteSession is RemoteAuth's periodic backup; typed private in the .d.ts, so reach it by name.
    await (hostA as unknown as { storeRemoteSession(): Promise<void> }).storeRemoteSession();
    expect(await auth.sessionExists({ session: "RemoteAuth-jol" })).toBe(true);
    await expect(stat(join(tmp, "host-a", "RemoteAuth-jol.zip"))).rejects.toThrow(); // RemoteAuth cleaned up

    // Jol's RemoteAuth (waits until every file is unzipped before the browser may start).
    const hostB = createRemoteAuth(wwebjs, {
      store: new RedisAuthStore(store, { dataPath: join(tmp, "host-b") }),
      clientId: "jol",
      dataPath: join(tmp, "host-b"),
      backupSyncIntervalMs: 60_000,
    });
    const clientB = { options: { puppeteer: {} as Record<string, unknown> }, emit: () => true };
    hostB.setup(clientB as never);
    await hostB.beforeBrowserInitialized();
    const profileB = String(clientB.options.puppeteer.userDataDir);
    expect(await readFile(join(profileB, "Default", "IndexedDB", "keys.bin"))).toEqual(Buffer.from([0, 1, 2, 253, 254, 255]));
    await expect(stat(join(profileB, "Default", "Cookies"))).rejects.toThrow(); // only what a restore needs travels
  });

  it("says which path it expected when RemoteAuth wrote no zip", async () => {
    const auth = new RedisAuthStore(store, { dataPath: join(tmp, "elsewhere") });
    await expect(auth.save({ session: "RemoteAuth-jol" })).rejects.toThrow(/elsewhere.*RemoteAuth-jol\.zip.*same dataPath/s);
    expect(await auth.sessionExists({ session: "RemoteAuth-jol" })).toBe(false);
  });

  it("refuses session names that could escape the data folder", async () => {
    const auth = new RedisAuthStore(store, { dataPath: tmp });
    await expect(auth.save({ session: "../etc/passwd" })).rejects.toThrow(/Invalid WhatsApp session name/);
    await expect(stat(join(tmp, "..", "etc"))).rejects.toThrow();
  });
});
