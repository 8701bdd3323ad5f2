import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newSession, readSession, writeSession } from "../../src/engine/session.ts";
import { defineSlot } from "../../src/engine/slots.ts";
import { openCaseSlot } from "../../src/cases/types.ts";
import { subscriptionsSlot } from "../../src/broadcast/plugin.ts";

describe("sessions", () => {
  it("round-trip as JSON", () => {
    const s = { ...newSession(5), lang: "uz" as const, vars: { fee: "yes", age: 20 } };
    const read = readSession(writeSession(s), 9);
    expect(read).toEqual({ ok: true, session: s, migrated: false });
  });

  it("a missing session is a fresh one", () => {
    const read = readSession(null, 7);
    expect(read.ok).toBe(true);
    expect(read.session.t0).toBe(7);
  });

  it("migrate the prototype's version-0 shape on read", () => {
    const read = readSession(JSON.stringify({ language: "ky", flow: "main", node: "menu", answers: { a: 1 }, createdAt: 3 }), 9);
    expect(read.ok).toBe(true);
    expect(read.ok && read.migrated).toBe(true);
    expect(read.session).toMatchObject({ v: 1, lang: "ky", stack: [{ f: "main", n: "menu" }], vars: { a: 1 }, t0: 3 });
  });

  it("reset an unreadable session with a reason instead of throwing", () => {
    for (const raw of ["{not json", JSON.stringify({ v: 99 }), JSON.stringify({ v: 1, lang: "fr", t0: 1, t1: 1 }), "null", "[]"]) {
      const read = readSession(raw, 4);
      expect(read.ok, raw).toBe(false);
      expect(read.session).toEqual(newSession(4));
      if (!read.ok) expect(read.reason.length).toBeGreaterThan(0);
    }
  });

  it("stay small", () => {
    const s = { ...newSession(1_700_000_000_000), lang: "ru" as const, stack: [{ f: "main", n: "menu" }, { f: "job-check", n: "q-passport" }], vars: { fee: "yes", contract: "no", visa: "unsure" } };
    expect(Buffer.byteLength(writeSession(s))).toBeLessThan(300);
  });

  it("move the plugins' old top-level fields (caseId, subs) into their slots on read", () => {
    const old = { ...newSession(1), lang: "ru", caseId: 12, subs: ["kz"] };
    const read = readSession(JSON.stringify(old), 9, [openCaseSlot, subscriptionsSlot]);
    expect(read.ok && read.migrated).toBe(true);
    expect(read.session.slots).toEqual({ cases: { v: 1, d: { id: 12 } }, broadcast: { v: 1, d: { subs: ["kz"] } } });
    expect(openCaseSlot.get(read.session)).toEqual({ id: 12 });
    expect(read.session).not.toHaveProperty("caseId");
    // Without the declarations, slots are kept unread.
    expect(readSession(writeSession(read.session), 9).session.slots).toEqual(read.session.slots);
  });

  it("migrate a slot by its plugin's version, and drop one that does not parse", () => {
    const notes = defineSlot({
      name: "notes",
      version: 2,
      schema: z.object({ items: z.array(z.string()) }),
      migrate: (data, from) => (from === 1 && typeof data === "object" && data !== null && "item" in data ? { items: [String(data.item)] } : data),
    });
    const stored = { ...newSession(1), slots: { notes: { v: 1, d: { item: "a" } }, other: { v: 3, d: "kept" } } };
    const read = readSession(JSON.stringify(stored), 9, [notes]);
    expect(read.ok && read.migrated).toBe(true);
    expect(read.session.slots).toEqual({ notes: { v: 2, d: { items: ["a"] } }, other: { v: 3, d: "kept" } });
    const broken = readSession(JSON.stringify({ ...newSession(1), slots: { notes: { v: 2, d: { items: 5 } } } }), 9, [notes]);
    expect(broken.ok && broken.migrated).toBe(true);
    expect(broken.session.slots).toBeUndefined();
  });
});
