/**
 * Issue 10, scenario (a), small: a long-polling `jol start` killed with SIGKILL twice while users
 * are talking to it, started again each time. Every message is answered, and a kill repeats at
 * most one reply. (`npm run chaos` runs it with 200 users × 10 messages and prints the counts.)
 */
import { expect, it, vi } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { killUnderLoad } from "./scenarios.ts";

// Several process starts and a backlog paced at Telegram's 30 msg/s: generous on a loaded machine.
vi.setConfig({ testTimeout: 420_000 });

it("answers every message after two kill -9 under load, repeating at most one reply per kill", async () => {
  const r = await killUnderLoad({ redisUrl: testRedisUrl(), users: 20, messages: 6, kills: 2, stallMs: 45_000 });
  expect(r.expected).toBe(120);
  expect({ lost: r.lost, answered: r.answered }).toEqual({ lost: 0, answered: 120 });
  expect(r.duplicates).toBeLessThanOrEqual(r.kills);
});
