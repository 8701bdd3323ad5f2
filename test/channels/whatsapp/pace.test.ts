import { describe, expect, it } from "vitest";
import { PaceQueue } from "../../../src/channels/whatsapp/pace.ts";
import { FakeTimer } from "./fake-client.ts";

describe("PaceQueue", () => {
  it("sends in order, one per pace, each gap jittered within ±20 %", async () => {
    const timer = new FakeTimer();
    const jitter = [0, 0.999, 0.5, 0.25];
    const pace = new PaceQueue({ paceMs: 5000, timer, random: () => jitter.shift() ?? 0.5 });
    const sent: Array<{ n: number; at: number }> = [];
    const jobs = [1, 2, 3, 4].map((n) => pace.run(async () => sent.push({ n, at: timer.now() })));
    await Promise.all(jobs);
    expect(sent.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    const gaps = sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0));
    expect(gaps).toEqual([5998, 5000, 4500]);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(4000);
      expect(gap).toBeLessThanOrEqual(6000);
    }
  });

  it("does not wait when the last send is long past", async () => {
    const timer = new FakeTimer();
    const pace = new PaceQueue({ paceMs: 5000, timer, random: () => 0.5 });
    await pace.run(async () => undefined);
    timer.time += 60_000;
    await pace.run(async () => undefined);
    expect(timer.sleeps).toEqual([]);
  });

  it("keeps its distance from an immediate reply", async () => {
    const timer = new FakeTimer();
    const pace = new PaceQueue({ paceMs: 5000, timer, random: () => 0.5 });
    pace.markSent();
    timer.time += 1000;
    await pace.run(async () => undefined);
    expect(timer.sleeps).toEqual([4000]);
  });

  it("never drops: a failed send rejects alone and the next still goes", async () => {
    const timer = new FakeTimer();
    const pace = new PaceQueue({ paceMs: 1000, timer, random: () => 0.5 });
    const sent: number[] = [];
    const a = pace.run(async () => sent.push(1));
    const b = pace.run(async () => {
      throw new Error("offline");
    });
    const c = pace.run(async () => sent.push(3));
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow("offline");
    await expect(c).resolves.toBe(2);
    expect(sent).toEqual([1, 3]);
    expect(pace.pending).toBe(0);
  });

  it("after close() runs what is queued at once", async () => {
    const timer = new FakeTimer();
    const pace = new PaceQueue({ paceMs: 5000, timer, random: () => 0.5 });
    await pace.run(async () => undefined);
    pace.close();
    await pace.run(async () => undefined);
    expect(timer.sleeps).toEqual([]);
  });
});
