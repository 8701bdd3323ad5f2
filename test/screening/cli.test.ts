import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RedisStore } from "../../src/store/redis.ts";
import { testRedisUrl } from "../support/redis.ts";

function jol(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env };
  const result = spawnSync(process.execPath, ["bin/jol.js", ...args], { input: options.input ?? "", env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("jol screen", { timeout: 120_000 }, () => {
  it("--json prints exactly one object with risk, score and flags", () => {
    const { code, out } = jol(["screen", "--json"], { input: "Construction work. We keep your passport. Pay after 3 months." });
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toHaveLength(1);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(["risk", "score", "flags"]);
    expect(result.risk).toBe("high");
    expect(result.flags[0]).toEqual({ id: "documents-kept", indicator: "document-retention", strength: "strong", evidence: "We keep your passport" });
  });

  it("answers as the bot would in --lang, and rejects a bad --lang", () => {
    const ok = jol(["screen", "--lang", "kk"], { input: "Паспортыңызды жұмыс беруші сақтайды." });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Қауіп жоғары");
    const bad = jol(["screen", "--lang", "fr"], { input: "x" });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--lang: expected one of ru, kk, uz, ky, tg, en");
  });
});

describe("jol agencies import", { timeout: 120_000 }, () => {
  it("reports every bad row by line and imports nothing; a good file is imported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jol-agencies-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "name,aliases,bin,status,note,source,date\nGood,,111111111111,trusted,,NGO,2026-01-01\nBad,,12,trusted,,NGO,2026-01-01\nWorse,,,nope,,NGO,2026-13-01\n");
    const prefix = `test:cli-agencies:${randomBytes(4).toString("hex")}:`;
    const env = { REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix };
    const store = await RedisStore.connect({ url: testRedisUrl(), prefix });
    try {
      const failed = jol(["agencies", "import", bad], { env });
      expect(failed.code).toBe(1);
      expect(failed.err).toContain(`${bad}:3: bin "12" must be 12 digits`);
      expect(failed.err).toContain(`${bad}:4: status "nope"`);
      expect(failed.err).toContain("nothing was imported");
      expect(await store.keys("scr:agencies:")).toEqual([]);

      const ok = jol(["agencies", "import", "data/agencies-demo.csv"], { env });
      expect(ok.err).toBe("");
      expect(ok.out).toContain("imported 4 agencies");
      const found = jol(["agencies", "find", "000000000001"], { env });
      expect(found.out).toContain("trusted");

      // A file with only the header would wipe the list: refused unless --allow-empty.
      const empty = join(dir, "empty.csv");
      writeFileSync(empty, "name,aliases,bin,status,note,source,date\n");
      const refused = jol(["agencies", "import", empty], { env });
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("has no agencies (only the header): the list was not changed");
      expect(refused.err).toContain("--allow-empty");
      expect(jol(["agencies", "find", "000000000001"], { env }).out).toContain("trusted");
      const emptied = jol(["agencies", "import", "--allow-empty", empty], { env });
      expect(emptied.code).toBe(0);
      expect(emptied.out).toContain("imported 0 agencies");
      expect(jol(["agencies", "find", "000000000001"], { env }).out).toContain("not in the list");
    } finally {
      for (const key of await store.keys("")) await store.delete(key);
      await store.close();
    }
  });

  it("refuses to run without REDIS_URL, saying why", () => {
    const { code, err } = jol(["agencies", "import", "data/agencies-demo.csv"]);
    expect(code).toBe(1);
    expect(err).toContain("needs REDIS_URL");
  });
});
