import { describe, expect, it } from "vitest";
import { isOpen, nextOpening, parseHours } from "../../src/cases/hours.ts";

// Asia/Almaty is UTC+5 all year (since March 2024).
const almaty = parseHours("09:00-18:00", "1,2,3,4,5", "Asia/Almaty");
const at = (iso: string) => Date.parse(iso);

describe("hotline hours", () => {
  it("knows when the hotline is staffed, in its own time zone", () => {
    expect(isOpen(almaty, at("2026-01-05T04:00:00Z"))).toBe(true); // Monday 09:00 Almaty
    expect(isOpen(almaty, at("2026-01-05T03:59:00Z"))).toBe(false); // Monday 08:59
    expect(isOpen(almaty, at("2026-01-05T13:00:00Z"))).toBe(false); // Monday 18:00
    expect(isOpen(almaty, at("2026-01-10T06:00:00Z"))).toBe(false); // Saturday 11:00
  });

  it("says when the next answer can be expected", () => {
    expect(nextOpening(almaty, at("2026-01-05T02:00:00Z"))).toEqual({ at: at("2026-01-05T04:00:00Z"), when: "today", time: "09:00" });
    expect(nextOpening(almaty, at("2026-01-05T15:00:00Z"))).toMatchObject({ at: at("2026-01-06T04:00:00Z"), when: "tomorrow" });
    // Friday evening: Monday.
    expect(nextOpening(almaty, at("2026-01-09T14:00:00Z"))).toMatchObject({ at: at("2026-01-12T04:00:00Z"), when: "d1" });
    // Saturday 23:30 Almaty is Saturday 18:30 UTC: Monday is the day after tomorrow.
    expect(nextOpening(almaty, at("2026-01-10T18:30:00Z"))).toMatchObject({ when: "d1" });
  });

  it("rejects settings it cannot use, saying how to fix them", () => {
    expect(() => parseHours("18:00-09:00", "1", "Asia/Almaty")).toThrow(/end after it starts/);
    expect(() => parseHours("09:00-18:00", "1", "Mars/Olympus")).toThrow(/Asia\/Almaty/);
  });
});
