/**
 * The reorder frontier of webhook updates (`src/router/frontier.ts`) on real Redis, two
 * `Frontiers` standing for two worker processes.
 */
import { describe, expect, it } from "vitest";
import { Frontiers } from "../../src/router/frontier.ts";
import { twoStores } from "./two-stores.ts";

const stores = twoStores("frontier");
const N = "tg:1";

describe("the arrival frontier", () => {
  it("lets a head go without reading it again when every number since the read came here for other users", async () => {
    const here = new Frontiers(stores.a);
    await here.skip(N, 10); // start: numbers up to 10 are no longer waited for
    const readAt = here.tick(); // the head of user X's inbox (number 13) is read now
    expect(here.covers(N, 12, readAt, "X")).toBe(false); // 11 and 12 have not arrived
    await here.arrived(N, 11, "A");
    await here.arrived(N, 12, "B");
    expect(here.covers(N, 12, readAt, "X")).toBe(true);
    // The same for user B: 12 was B's, so B's head must be read again.
    expect(here.covers(N, 12, readAt, "B")).toBe(false);
    // A head read after the frontier was learned goes in any case.
    expect(here.covers(N, 12, here.tick(), "B")).toBe(true);
  });

  it("reads the head again when a number since the read arrived at another process", async () => {
    const here = new Frontiers(stores.a);
    const there = new Frontiers(stores.b);
    await here.skip(N, 10);
    const readAt = here.tick();
    await there.arrived(N, 11, "A"); // at the other worker: whose it is cannot be known here
    await here.arrived(N, 12, "B");
    expect(await here.wait(N, 12, 5_000, new AbortController().signal)).toBe(true);
    expect(here.covers(N, 12, readAt, "X")).toBe(false);
    expect(here.covers(N, 12, here.tick(), "X")).toBe(true);
  });

  it("learns what another process moved, while something waits here", async () => {
    const here = new Frontiers(stores.a);
    const there = new Frontiers(stores.b);
    await there.skip(N, 20);
    const waiting = here.wait(N, 21, 30_000, new AbortController().signal);
    await there.arrived(N, 21, "A");
    expect(await waiting).toBe(true);
    // A wait for a number that never comes ends at its time with false.
    expect(await here.wait(N, 40, 50, new AbortController().signal)).toBe(false);
  });
});
