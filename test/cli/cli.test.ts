import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Run `jol` as a user would, with a clean environment (no REDIS_URL: the memory demo). */
function jol(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env };
  const result = spawnSync(process.execPath, ["bin/jol.js", ...args], { input: options.input ?? "", env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("jol chat", { timeout: 120_000 }, () => {
  it("runs a scripted conversation from stdin with no token and no Redis, and exits 0", () => {
    const { code, out, err } = jol(["chat", "--lang", "ru"], { input: "7\nменю\n" });
    expect(err).toContain("REDIS_URL is not set");
    expect(code).toBe(0);
    expect(out).toContain("1. 🇰🇿 Приезд в Казахстан");
    expect(out).toContain("Удалить всё сразу: /forget");
    expect(out.match(/Jol — справочная/g)?.length).toBe(3);
  });

  it("asks for the language first without --lang", () => {
    const { code, out } = jol(["chat"], { input: "6\n" });
    expect(code).toBe(0);
    expect(out).toContain("1. Русский");
    expect(out).toContain("OK, I will write in English.");
  });

  it("rejects an unknown --lang with the accepted values", () => {
    const { code, err } = jol(["chat", "--lang", "fr"]);
    expect(code).toBe(1);
    expect(err).toContain("--lang: expected one of ru, kk, uz, ky, tg, en");
  });
});

describe("jol config", { timeout: 120_000 }, () => {
  it("prints the settings with secrets masked", () => {
    const { code, out } = jol(["config"], { env: { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", REDIS_URL: "redis://user:pw@localhost:6379/0" } });
    expect(code).toBe(0);
    expect(out).toContain("TELEGRAM_BOT_TOKEN=123***YZ");
    expect(out).toContain("REDIS_URL=redis://***@localhost:6379/0");
    expect(out.split("\n")[0]).toBe("# Redis: single (REDIS_URL=redis://user:***@localhost:6379/0)");
    expect(out).not.toContain("ABCDEFGHIJ");
    expect(out).toContain("SESSION_TTL_DAYS=30");
  });

  it("stops with the variable, what was expected and what was found", () => {
    const { code, err } = jol(["config"], { env: { SESSION_TTL_DAYS: "thirty", HOTLINE_HOURS: "9-18" } });
    expect(code).toBe(1);
    expect(err).toContain('SESSION_TTL_DAYS: expected a whole number, found "thirty"');
    expect(err).toContain('HOTLINE_HOURS: expected working hours as HH:MM-HH:MM, like 09:00-18:00, found "9-18"');
  });
});

describe("jol flows", { timeout: 120_000 }, () => {
  it("check passes on the shipped flows and texts", () => {
    const { code, out, err } = jol(["flows", "check"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^flows ok: \d+ flows/);
  });

  it("check names the file, the line and the fix, and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "jol-flows-"));
    cpSync("flows", dir, { recursive: true });
    writeFileSync(join(dir, "main.yaml"), "spec: 1\nflow: main\nstart: menu\nnodes:\n  - id: menu\n    type: menu\n    text: main-menu\n    choices:\n      - { id: a, label: main-coming, next: nowhere }\n");
    const { code, err } = jol(["flows", "check"], { env: { FLOWS_DIR: dir } });
    expect(code).toBe(1);
    expect(err).toContain(`main.yaml:5: error: node "menu" goes to node "nowhere", which this flow does not have`);
    expect(err).toContain("fix: use one of: menu");
  });

  it("schema prints a JSON Schema that knows every node kind", () => {
    const { code, out } = jol(["flows", "schema"]);
    expect(code).toBe(0);
    type NodeSchema = { properties: { type: { const: string } } };
    const schema = JSON.parse(out) as { properties: { nodes: { items: { oneOf?: NodeSchema[]; anyOf?: NodeSchema[] } } } };
    const items = schema.properties.nodes.items;
    const types = (items.oneOf ?? items.anyOf ?? []).map((s) => s.properties.type.const);
    expect(types).toEqual(expect.arrayContaining(["message", "menu", "input", "set", "branch", "call", "goto", "end", "language", "subscribe"]));
  });

  it("every subcommand has --help", () => {
    for (const args of [["chat"], ["start"], ["config"], ["flows", "check"], ["flows", "schema"]]) {
      const { code, out } = jol([...args, "--help"]);
      expect(code, args.join(" ")).toBe(0);
      expect(out).toContain("Usage: jol");
    }
  });
});
