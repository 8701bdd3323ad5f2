import { describe, expect, it } from "vitest";
import { distance, normalize } from "../../src/core/words.ts";
import { matchLabel, parseNumber, WordLists } from "../../src/engine/match.ts";

describe("matching what users type", () => {
  it("normalises case, ё, punctuation and emoji", () => {
    expect(normalize("  🇰🇿 Приезд в КАЗАХСТАН! ")).toBe("приезд в казахстан");
    expect(normalize("Ещё")).toBe("еще");
    expect(normalize("yo‘q")).toBe("yo'q");
  });

  it("reads choice numbers", () => {
    expect(["2", "2.", " 2) ", "12"].map(parseNumber)).toEqual([2, 2, 2, 12]);
    expect(["two", "2 apples", "-1", "1.5", ""].map(parseNumber)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("counts edits and stops early", () => {
    expect(distance("menu", "menyu")).toBe(1);
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("a", "abcdefgh", 2)).toBe(3);
  });

  it("matches labels exactly, with a typo, or by a unique part; never ambiguously", () => {
    const labels = ["🇰🇿 Приезд в Казахстан", "✈️ Работа за границей", "💬 Консультант"];
    expect(matchLabel("приезд в казахстан", labels)).toBe(0);
    expect(matchLabel("Работа за границцей", labels)).toBe(1);
    expect(matchLabel("консультант", labels)).toBe(2);
    expect(matchLabel("работа", labels)).toBe(1);
    expect(matchLabel("xyz", labels)).toBeUndefined();
    expect(matchLabel("да", ["Да", "Нет"])).toBe(0);
    expect(matchLabel("ba", ["Да", "Нет"])).toBeUndefined(); // short words get no typo tolerance
    expect(matchLabel("work", ["Work in Korea", "Work in Poland"])).toBeUndefined();
  });

  it("finds word-list categories in any language", () => {
    const words = new WordLists({ menu: ["меню", "menyu"], yes: ["да", "ha"] });
    expect(words.match("Меню!")).toBe("menu");
    expect(words.match("/menyu")).toBe("menu");
    expect(words.match("ha")).toBe("yes");
    expect(words.match("меню пожалуйста покажите")).toBeUndefined();
  });
});
