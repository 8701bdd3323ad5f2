/**
 * The commit is idempotent on the wire (issue 10): when a connection drops after Redis ran the
 * commit script but before its reply arrived, ioredis sends the script again on the new
 * connection. The second run must write nothing, or the replies would sit twice in the outbox.
 * A TCP proxy between the client and the test's Redis drops exactly that reply.
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { userKey } from "../../src/core/address.ts";
import { outboxKey } from "../../src/core/keys.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { RedisStore } from "../../src/store/redis.ts";
import { testRedisUrl } from "../support/redis.ts";
import { addr, countRouter, seed, text } from "./count-app.ts";

/** Forwards to Redis; once armed, the first client write carrying every marker reaches Redis, its reply does not. */
async function droppingProxy(target: URL): Promise<{ url: string; arm: (...markers: string[]) => void; dropped: () => number; close: () => Promise<void> }> {
  let armed: string[] | null = null;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let cutAfterWrite = false;
    client.on("data", (chunk: Buffer) => {
      if (armed !== null && armed.every((m) => chunk.includes(m))) {
        armed = null;
        cutAfterWrite = true;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (cutAfterWrite) {
        // Redis ran the command; the client never hears of it.
        dropped++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const db = target.pathname.length > 1 ? target.pathname : "";
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}${db}`,
    arm: (...markers) => (armed = markers),
    dropped: () => dropped,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("a commit whose reply is lost", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("is sent again by the client and writes nothing the second time: the reply is queued once", async () => {
    const proxy = await droppingProxy(new URL(testRedisUrl()));
    cleanup.push(proxy.close);
    const prefix = `test:commit-resend:${process.pid}:${Date.now()}:`;
    const store = await RedisStore.connect({ url: proxy.url, prefix, connectTimeoutMs: 3000 });
    cleanup.push(async () => {
      const keys = await store.keys("");
      if (keys.length) await store.delete(...keys);
      await store.close();
    });
    const u = addr("resend");
    await seed(store, u);
    const sent: Outbound[][] = [];
    const router = countRouter(store);
    cleanup.push(() => router.stop());

    // Two messages, so the lock is still held when the first commit runs again.
    // The commit of m1: its dedupe mark with the outbox append (the intake has no `rpush`).
    proxy.arm(`seen:{${userKey(u)}}:m1`, "rpush", outboxKey(userKey(u)));
    const first = router.handle(text(u, "m1", "a"), async (m) => void sent.push(m));
    const second = router.handle(text(u, "m2", "b"), async (m) => void sent.push(m));
    await Promise.all([first, second]);

    expect(proxy.dropped()).toBe(1);
    expect(sent.flat().map((m) => m.text)).toEqual(["1", "2"]);
  });
});
