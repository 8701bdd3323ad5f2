/**
 * Issue 10, scenario (e): Redis (a redis-server of the test's own, persisting to disk) stopped for
 * 30 s while users talk to a long-polling `jol start`, then started again with its data. Nothing
 * is lost: the bot waits and carries on; at most the replies in flight when Redis went away are
 * repeated (before the fix, every chat whose sender's lease ran out during the outage was).
 */
import { expect, it, vi } from "vitest";
import { redisOutage } from "./scenarios.ts";

vi.setConfig({ testTimeout: 420_000 });

it("loses no message and repeats at most those in flight when Redis is down for 30 s under load", async () => {
  // Rounds 300 ms apart: faster than the per-chat limit (1/s), so when Redis goes away most chats'
  // senders are waiting for their turn (what made replies repeat before).
  const r = await redisOutage({ users: 15, messages: 6, outageMs: 30_000, stallMs: 45_000, roundMs: 300 });
  expect(r.expected).toBe(90);
  expect({ lost: r.lost, answered: r.answered }).toEqual({ lost: 0, answered: 90 });
  expect(r.duplicates).toBeLessThanOrEqual(r.inFlight);
});
