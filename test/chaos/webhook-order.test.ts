/**
 * Issue 10, scenario (b), small: two webhook `jol start` workers on one Redis, each user's
 * messages posted alternately to one and the other 1 ms apart. Every user's replies come in the
 * order of their messages.
 */
import { expect, it, vi } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { interleaved } from "./scenarios.ts";

vi.setConfig({ testTimeout: 300_000 });

it("answers one user's messages in order when they arrive at two workers 1 ms apart", async () => {
  const r = await interleaved({ redisUrl: testRedisUrl(), users: 10, messages: 8, spacingMs: 1, stallMs: 45_000 });
  expect(r.expected).toBe(80);
  expect({ outOfOrder: r.outOfOrder, lost: r.lost }).toEqual({ outOfOrder: 0, lost: 0 });
});
