import { describe, expect, it } from "vitest";
import { newSession, readSession, writeSession } from "../../src/engine/session.ts";

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
});
