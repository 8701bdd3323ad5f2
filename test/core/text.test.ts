import { describe, expect, it } from "vitest";
import { splitText } from "../../src/core/text.ts";

describe("splitText", () => {
  it("keeps short texts whole, trimmed", () => {
    expect(splitText("hello", 10)).toEqual(["hello"]);
    expect(splitText("  hello \n", 10)).toEqual(["hello"]);
    expect(splitText("   ", 10)).toEqual([]);
  });

  it("cuts at paragraph breaks first", () => {
    expect(splitText("aaaa bbbb\n\ncccc dddd", 12)).toEqual(["aaaa bbbb", "cccc dddd"]);
  });

  it("falls back to line, sentence and word boundaries, and hard-cuts only unbroken runs", () => {
    expect(splitText("aaa\nbbb\nccc", 8)).toEqual(["aaa\nbbb", "ccc"]);
    expect(splitText("One two. Three four five", 16)).toEqual(["One two.", "Three four five"]);
    expect(splitText("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${"z".repeat(20)}`).join("\n");
    for (const part of splitText(lines, 100)) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part.startsWith("line ")).toBe(true);
    }
  });

  it("loses no words", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
    const parts = splitText(words.join(" "), 500);
    expect(parts.every((p) => p.length <= 500)).toBe(true);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("never splits a surrogate pair", () => {
    const parts = splitText("😀".repeat(60), 101);
    expect(parts.join("")).toBe("😀".repeat(60));
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
