/**
 * A message the channel keeps to send later itself (WhatsApp Cloud outside the 24-hour window,
 * `HeldError`) is done for the outbox: removed once, not retried, not parked in `out:dead`, and
 * the next entry of the chat goes on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Address } from "../../src/core/address.ts";
import { userKey } from "../../src/core/address.ts";
import { DeliveryError, HeldError } from "../../src/core/delivery-errors.ts";
import { outboxKey, sendingKey } from "../../src/core/keys.ts";
import { silentLogger } from "../../src/core/log.ts";
import { Outbox, outboxCounters } from "../../src/outbox/outbox.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";

let store: RedisStore;
beforeEach(async () => {
  store = await testStore("outbox-held");
});
afterEach(async () => {
  await store.close();
});

const to: Address = { channel: "whatsapp", id: "77010000001" };

describe("an entry the channel holds", () => {
  it("is taken off the outbox once, without retries or out:dead, and the next entry is sent", async () => {
    const attempts: string[] = [];
    const outbox = new Outbox({
      store,
      log: silentLogger,
      deliver: async (address, messages) => {
        const text = messages[0]!.text;
        attempts.push(text);
        if (text === "late answer") throw new HeldError(address, "the window is closed");
      },
    });
    const held = outboxCounters.held;
    const chat = userKey(to);
    await store.rpush(outboxKey(chat), outbox.entry(to, [{ text: "late answer" }]).raw, outbox.entry(to, [{ text: "next" }]).raw);
    await outbox.flush(chat);
    expect(attempts).toEqual(["late answer", "next"]);
    expect(outboxCounters.held).toBe(held + 1);
    expect(await store.llen(outboxKey(chat))).toBe(0);
    expect(await store.get(sendingKey(chat))).toBeNull();
    expect(await store.llen("out:dead")).toBe(0);
    await outbox.stop();
  });

  it("is told apart from a failure, which is retried", async () => {
    let calls = 0;
    const outbox = new Outbox({
      store,
      log: silentLogger,
      maxAttempts: 2,
      deliver: async (address) => {
        calls++;
        if (calls === 1) throw new DeliveryError(address, "timeout");
      },
    });
    const chat = userKey(to);
    await store.rpush(outboxKey(chat), outbox.entry(to, [{ text: "retried" }]).raw);
    await outbox.flush(chat);
    expect(calls).toBe(2);
    expect(await store.llen(outboxKey(chat))).toBe(0);
    await outbox.stop();
  });
});
