/**
 * Translations a native speaker should check carry one mark, `# REVIEW: native speaker`, so a
 * reviewer (or `grep -rn "REVIEW: native speaker" locales`) finds every one of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("review marks in locales/", () => {
  it("use the one spelling, `# REVIEW: native speaker`", () => {
    const odd: string[] = [];
    for (const lang of readdirSync("locales")) {
      for (const file of readdirSync(join("locales", lang)).filter((f) => f.endsWith(".ftl"))) {
        readFileSync(join("locales", lang, file), "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (/^#.*\breview\b/i.test(line) && !line.includes("REVIEW: native speaker")) odd.push(`locales/${lang}/${file}:${i + 1}: ${line}`);
          });
      }
    }
    expect(odd).toEqual([]);
  });
});
