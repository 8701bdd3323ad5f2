/**
 * The outbox's sender lease running out under a sender, as it does when Redis is down for longer
 * than the lease (issue 10, chaos scenario e): a message the sender had already sent is not
 * repeated by the next one, and a sender that lost its lease while it waited sends nothing.
 * Two connections to one Redis stand for two processes; the lease "runs out" by deleting it.
 */
import { describe, expect, it, vi } from "vitest";
import { userKey } from "../../src/core/address.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { outboxKey, outboxLeaseKey, sendingKey } from "../../src/core/keys.ts";
import { Outbox, outboxCounters } from "../../src/outbox/outbox.ts";
import { createSendLimiter, sendLimits } from "../../src/outbox/limiter.ts";
import { silentLogger } from "../../src/core/log.ts";
import { addr } from "./count-app.ts";
import { twoStores } from "./two-stores.ts";

vi.setConfig({ testTimeout: 60_000 });
const WAIT = { timeout: 30_000, interval: 25 };
const stores = twoStores("outbox-lease");
const texts = (sent: Outbound[][]) => sent.map((m) => m.map((x) => x.text));

describe("a sender whose lease runs out", () => {
  it("while sending removes what it sent: the next sender does not repeat it", async () => {
    const { a, b } = stores;
    const u = addr("l1");
    const chat = userKey(u);
    const sent: Outbound[][] = [];
    const first = new Outbox({
      store: a,
      log: silentLogger,
      leaseMs: 3000,
      deliver: async (_to, m) => {
        sent.push(m);
        // Sent, and meanwhile the lease expired (Redis was away longer than the lease).
        await a.delete(outboxLeaseKey(chat));
      },
    });
    await a.rpush(outboxKey(chat), first.entry(u, [{ text: "one" }]).raw);
    await first.flush(chat);
    expect(await a.llen(outboxKey(chat))).toBe(0);
    expect(await a.get(sendingKey(chat))).toBeNull();

    const repeats = outboxCounters.possibleRepeats;
    const second = new Outbox({ store: b, log: silentLogger, deliver: async (_to, m) => void sent.push(m) });
    await second.flush(chat);
    expect(texts(sent)).toEqual([["one"]]);
    expect(outboxCounters.possibleRepeats).toBe(repeats);
    await Promise.all([first.stop(), second.stop()]);
  });

  it("while it waits for its turn sends nothing: the process that took the chat over sends it, once", async () => {
    const { a, b } = stores;
    const u = addr("l2");
    const chat = userKey(u);
    const sent: string[] = [];
    const limiter = createSendLimiter(a, { telegram: sendLimits(30) });
    // Every sender of `a` waits 1.5 s for its turn (a 429's pause: the limiter's own wait).
    await limiter.pause("telegram", 1500);
    const slow = new Outbox({ store: a, log: silentLogger, leaseMs: 300, limiter, deliver: async () => void sent.push("slow") });
    await slow.enqueue(u, [{ text: "one" }]);
    await vi.waitFor(async () => expect(await a.get(sendingKey(chat))).not.toBeNull(), WAIT);
    // The lease runs out under the waiting sender; another process takes the chat and sends.
    await a.delete(outboxLeaseKey(chat));
    const other = new Outbox({ store: b, log: silentLogger, deliver: async () => void sent.push("other") });
    await other.flush(chat);
    expect(sent).toEqual(["other"]);
    // The slow sender's turn comes: it finds its lease gone and sends nothing.
    await vi.waitFor(() => expect(slow.sending).toBe(0), WAIT);
    expect(sent).toEqual(["other"]);
    expect(await a.llen(outboxKey(chat))).toBe(0);
    await Promise.all([slow.stop(), other.stop()]);
  });
});
