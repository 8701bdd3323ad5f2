import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.ts";
import { contentSchemas } from "../../src/cli/schemas.ts";

/**
 * `schema/` holds the JSON Schemas editors use for `flows/*.yaml`. This test builds them again
 * from the loader's zod schemas and compares; `UPDATE_GOLDEN=1` writes them instead. It also
 * checks that every file in `flows/` names its schema in its first line.
 */
const SCHEMA_DIR = "schema";
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const schemas = contentSchemas(loadConfig({}));

describe("schema/", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} is current`, () => {
      const path = join(SCHEMA_DIR, name);
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (UPDATE) writeFileSync(path, text);
      expect(existsSync(path), `${path} is missing: UPDATE_GOLDEN=1 npx vitest run test/cli/schemas.test.ts writes it`).toBe(true);
      expect(readFileSync(path, "utf8"), `${path} is out of date: UPDATE_GOLDEN=1 npx vitest run test/cli/schemas.test.ts rewrites it`).toBe(text);
    });
  }

  it("holds no schema that is not built any more", () => {
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(schemas).sort());
  });

  it("is named in the first line of every flow and data file", () => {
    for (const file of readdirSync("flows").filter((f) => f.endsWith(".yaml"))) {
      const text = readFileSync(join("flows", file), "utf8");
      const head = parse(text) as { data?: string };
      const expected = head.data === undefined ? "flow" : head.data.startsWith("screening-rules-") ? "screening-rules" : head.data;
      expect(text.split("\n")[0], file).toBe(`# yaml-language-server: $schema=../schema/${expected}.schema.json`);
      expect(Object.keys(schemas), file).toContain(`${expected}.schema.json`);
    }
  });
});
