import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/engine/load-flows.ts";
import { KindRegistry } from "../../src/engine/kinds.ts";
import { checkFlows } from "../../src/engine/check-flows.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import type { CheckProblem } from "../../src/core/check-problem.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { FIXTURE_LOCALES } from "../support/engine.ts";

const kinds = new KindRegistry();
const { i18n } = loadLocales(FIXTURE_LOCALES);

function load(files: Record<string, string>): { flows: FlowSet; problems: CheckProblem[] } {
  const flows: FlowSet = { flows: new Map(), data: new Map() };
  const problems: CheckProblem[] = [];
  const base: Record<string, string> = {
    "main.yaml": "spec: 1\nflow: main\nstart: m\nnodes:\n  - { id: m, type: menu, text: t-menu, choices: [{ id: a, label: t-ok, end: true }] }\n",
    "language.yaml": "spec: 1\nflow: language\nstart: c\nnodes:\n  - { id: c, type: language, text: language-choose }\n",
    "consultant.yaml": "spec: 1\nflow: consultant\nstart: s\nnodes:\n  - { id: s, type: end }\n",
  };
  for (const [name, text] of Object.entries({ ...base, ...files })) loadFile(`flows/${name}`, text, kinds, flows, problems);
  return { flows, problems: [...problems, ...checkFlows(flows, kinds, i18n)] };
}

function only(problems: CheckProblem[]): CheckProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe("flow files: every problem with file, line and fix", () => {
  it("loads a good file without problems", () => {
    expect(load({}).problems).toEqual([]);
  });

  it("YAML syntax errors", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - id: a\n   type: end\n" }).problems);
    expect(p).toMatchObject({ file: "flows/x.yaml", line: 6 });
    expect(p.message).toMatch(/YAML/);
    expect(p.fix).toMatch(/indentation/);
  });

  it("a missing or wrong spec version", () => {
    const p = load({ "x.yaml": "spec: 2\nflow: x\nstart: a\nnodes:\n  - { id: a, type: end }\n" }).problems[0]!;
    expect(p.file).toBe("flows/x.yaml");
    expect(p.fix).toMatch(/spec: 1/);
  });

  it("an unknown node type lists the known ones", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - id: a\n    type: mesage\n    text: t-ok\n" }).problems);
    expect(p).toMatchObject({ file: "flows/x.yaml", line: 6 });
    expect(p.message).toContain('unknown node type "mesage"');
    expect(p.fix).toContain("message, menu");
  });

  it("a node with a wrong field names the node, the field and the line", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - id: a\n    type: input\n    text: t-ok\n    var: v\n    validate: yes-no\n" }).problems);
    expect(p.line).toBe(9);
    expect(p.message).toContain('node "a" (input): validate');
  });

  it("a menu without choices", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - id: a\n    type: menu\n    text: t-ok\n    choices: []\n" }).problems);
    expect(p.message).toContain("a menu needs at least one choice");
    expect(p.line).toBe(8);
  });

  it("duplicate node ids", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - { id: a, type: end }\n  - { id: a, type: end }\n" }).problems);
    expect(p).toMatchObject({ line: 6 });
    expect(p.message).toContain('duplicate node id "a"');
  });

  it("two choices with the same id in one menu, at the second one's line", () => {
    const p = only(
      load({
        "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - id: a\n    type: menu\n    text: t-ok\n    choices:\n      - { id: s, label: t-ok, end: true }\n      - { id: s, label: t-ok, end: true }\n",
      }).problems,
    );
    expect(p).toMatchObject({ file: "flows/x.yaml", line: 10 });
    expect(p.message).toContain('two choices have the id "s" (choices 1 and 2)');
    expect(p.fix).toContain("give choice 2 an id of its own");
  });

  it("unknown node and flow references", () => {
    const { problems } = load({
      "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - { id: a, type: message, text: t-ok, next: b }\n  - { id: c, type: goto, flow: nowhere }\n",
    });
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'node "a" goes to node "b", which this flow does not have',
        'node "c" refers to flow "nowhere", which does not exist',
        'node "c" cannot be reached from the start node "a"',
      ]),
    );
  });

  it("a message missing in some language", () => {
    const p = only(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - { id: a, type: message, text: no-such-text }\n" }).problems);
    expect(p.message).toBe('node "a" uses message "no-such-text", missing in ru, kk, uz, ky, tg, en');
    expect(p.line).toBe(5);
  });

  it("a loop with no question in it", () => {
    const p = only(
      load({
        "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - { id: a, type: message, text: t-ok, next: b }\n  - { id: b, type: set, set: { x: 1 }, next: a }\n",
      }).problems,
    );
    expect(p.message).toContain("loop with no question");
    expect(p.message).toContain("a → b → a");
  });

  it("a loop through a menu is fine", () => {
    expect(load({ "x.yaml": "spec: 1\nflow: x\nstart: a\nnodes:\n  - { id: a, type: message, text: t-ok, next: b }\n  - { id: b, type: menu, text: t-ok, choices: [{ id: again, label: t-ok, next: a }] }\n" }).problems).toEqual([]);
  });

  it("data files are kept by name with a line lookup", () => {
    const { flows, problems } = load({ "d.yaml": "spec: 1\ndata: words\nvalue:\n  yes: [da]\n" });
    expect(problems).toEqual([]);
    const data = flows.data.get("words")!;
    expect(data.value).toEqual({ yes: ["da"] });
    expect(data.line(["yes"])).toBe(4);
  });

  it("the required engine flows are checked", () => {
    const flows: FlowSet = { flows: new Map(), data: new Map() };
    const problems = checkFlows(flows, kinds, i18n);
    expect(problems.map((p) => p.message)).toContain('the engine needs a flow "main"');
  });
});
