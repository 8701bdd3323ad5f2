import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configTable, envExample } from "../../src/config/table.ts";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("has the configuration table of the current settings schema (regenerate: npx tsx scripts/config-table.ts)", () => {
    const between = /<!-- config-table:start -->\n([\s\S]*?)<!-- config-table:end -->/.exec(readme)?.[1]?.trim();
    expect(between).toBe(configTable());
  });

  it(".env.example lists every setting (regenerate: npx jol config --example > .env.example)", () => {
    expect(readFileSync(".env.example", "utf8")).toBe(envExample());
  });

  it("gives the install and test commands that CI runs", () => {
    const ci = readFileSync(".ci/run", "utf8");
    expect(readme).toContain("```sh\nnpm ci\nnpx jol chat\n```");
    expect(readme).toContain("```sh\nnpm test\n```");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test( |$)/m);
  });
});
