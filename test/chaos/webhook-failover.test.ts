/**
 * Issue 10, scenario (c), small: two webhook workers behind the stand-in's webhook delivery
 * (Telegram retrying through a load balancer); worker A is killed with SIGKILL mid-load and stays
 * dead. Every update A had taken is answered once the retries reach B.
 */
import { expect, it, vi } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { workerKilled } from "./scenarios.ts";

vi.setConfig({ testTimeout: 300_000 });

it("answers every message when a worker dies mid-load and Telegram retries its updates on the other", async () => {
  const r = await workerKilled({ redisUrl: testRedisUrl(), users: 20, messages: 6, stallMs: 45_000 });
  expect(r.expected).toBe(120);
  expect({ lost: r.lost, answered: r.answered }).toEqual({ lost: 0, answered: 120 });
  expect(r.retried).toBeGreaterThan(0); // the kill really cut posts off
});
