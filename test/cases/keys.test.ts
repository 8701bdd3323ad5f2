import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every `src/**.ts` file, as paths relative to the repository. */
function sources(dir = "src"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("case keys", () => {
  it("are spelled out only in CaseStore (src/cases/store.ts); everyone else calls caseKeys or its methods", () => {
    // A store key of the cases module in code (not comments): "case:sla", `case:user:{...}`, `case:${id}:log`, ...
    // (the desk's button data `case:take:<id>` is not a key, nor a statistics counter like "case:opened").
    const key = /["'`]case:(?:(?:seq|open|sla|q|user|by-user|fb|topic)(?![\w-])|\$\{[^}]*\}(?::log)?`)/;
    const found = sources()
      .filter((file) => file !== join("src", "cases", "store.ts"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (key.test(line) && !/^\s*(\/?\*|\/\/)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
