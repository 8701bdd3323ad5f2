/**
 * Issue 10, scenario (d), small: a user in a case writes more than the staff group's pace lets
 * out at once; SIGTERM while the rest wait. The process exits on its own (the chaos script
 * measures that it takes < 10 s; a test asserts no wall-clock time), and a new process delivers the
 * rest in order, none lost or repeated at the seam.
 */
import { expect, it, vi } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { shutdownWithBacklog } from "./scenarios.ts";

vi.setConfig({ testTimeout: 420_000 });

it("exits on SIGTERM with staff messages queued, and delivers the rest after a restart", async () => {
  // 40 relayed texts at 30 a minute: the first window's worth goes out, the rest wait.
  const r = await shutdownWithBacklog({ redisUrl: testRedisUrl(), messages: 40, staffRate: 30, afterMs: 180_000, waitForAll: true });
  expect(r.before).toBeLessThan(r.queued); // there was a backlog at SIGTERM
  expect({ forced: r.forced, exitCode: r.exitCode }).toEqual({ forced: false, exitCode: 0 });
  expect({ delivered: r.before + r.after - r.duplicates, gaps: r.gaps, duplicates: r.duplicates }).toEqual({ delivered: 40, gaps: 0, duplicates: 0 });
});
