import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load.ts";
import { contentSchemas } from "../../src/cli/schemas.ts";
import { loadFile } from "../../src/engine/load-flows.ts";
import { KindRegistry } from "../../src/engine/kinds.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import type { CheckProblem } from "../../src/core/check-problem.ts";

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

  it("leaves the loader's line numbers right: the schema line is a comment like any other", () => {
    const text = [
      "# yaml-language-server: $schema=../schema/flow.schema.json",
      "spec: 1",
      "flow: demo",
      "start: hello",
      "nodes:",
      "  - id: hello",
      "    type: mesage",
      "    text: main-menu",
    ].join("\n");
    const flows: FlowSet = { flows: new Map(), data: new Map() };
    const problems: CheckProblem[] = [];
    loadFile("flows/demo.yaml", text, new KindRegistry(), flows, problems);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual(['flows/demo.yaml:7: unknown node type "mesage"']);
  });
});
