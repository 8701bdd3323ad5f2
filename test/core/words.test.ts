import { describe, expect, it } from "vitest";
import { distance } from "../../src/core/words.ts";

describe("distance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(distance("", "")).toBe(0);
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("абв", "аб")).toBe(1);
    expect(distance("", "abc")).toBe(3);
  });

  it("gives up with max + 1 once the distance must exceed max", () => {
    expect(distance("kitten", "sitting", 2)).toBe(3);
    expect(distance("a", "abcdef", 1)).toBe(2);
    expect(distance("kitten", "sitten", 1)).toBe(1);
  });

  it("is right for strings longer than its reused rows", () => {
    const long = "a".repeat(100);
    expect(distance(long, `${long}b`)).toBe(1);
    expect(distance("b", long, 100)).toBe(100);
    expect(distance(long, "b".repeat(100), 100)).toBe(100);
  });
});
